import { z } from "zod";
import { zText } from "./text";
import { Role } from "@db/enums";
import { ZEmail } from "./auth";
import { ZSubmissionId } from "./concurrency";

const ZId = zText().trim().min(1, "Missing id.").max(64);
const ZRole = z.enum(Role, { error: "Choose a role." });
// Forms send "" for "no department".
const ZOptionalDepartmentId = zText()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

export const ZInviteMemberInput = z.object({
  email: ZEmail,
  role: ZRole,
  departmentId: ZOptionalDepartmentId,
  submissionId: ZSubmissionId,
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

export const ZRevokeInvitationInput = z.object({ invitationId: ZId });

export const ZChangeMemberRoleInput = z.object({
  membershipId: ZId,
  role: ZRole,
  departmentId: ZOptionalDepartmentId,
});
export type TChangeMemberRoleInput = z.infer<typeof ZChangeMemberRoleInput>;

export const ZRemoveMemberInput = z.object({ membershipId: ZId });

export { ZId };
