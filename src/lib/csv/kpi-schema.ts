import { z } from "zod";
import { ZDepartmentId } from "../schemas/accountability";
import { distinctColumns, ZColumn, ZDateFormatChoice, ZImportFile, ZSkipBadRows } from "./schema";

// The KPI import request as the wizard sends it (multipart form fields) and as tests call it.

export const ZKpiImportInput = z
  .object({
    departmentId: ZDepartmentId,
    file: ZImportFile,
    kpiColumn: ZColumn("KPI"),
    monthColumn: ZColumn("month"),
    valueColumn: ZColumn("value"),
    /** Only needed when the month column holds full dates such as 03/04/2026. */
    monthFormat: ZDateFormatChoice("Choose how the dates in the month column are written."),
    skipBadRows: ZSkipBadRows,
  })
  .superRefine(distinctColumns({ kpiColumn: "KPI", monthColumn: "month", valueColumn: "value" }));

export type TKpiImportInput = z.output<typeof ZKpiImportInput>;
