import { z } from "zod";
import { zText } from "./text";
import { DepartmentKind } from "@db/enums";
import { ZVersion } from "./concurrency";
import { ZId } from "./members";

const ZDepartmentName = zText()
  .trim()
  .min(2, "Department names have at least 2 characters.")
  .max(60, "Department names are at most 60 characters.");

export const ZCreateDepartmentInput = z.object({
  name: ZDepartmentName,
  kind: z.enum(DepartmentKind, { error: "Choose a department kind." }),
});
export type TCreateDepartmentInput = z.infer<typeof ZCreateDepartmentInput>;

export const ZRenameDepartmentInput = z.object({ departmentId: ZId, name: ZDepartmentName, version: ZVersion });
export const ZDepartmentIdInput = z.object({ departmentId: ZId });
