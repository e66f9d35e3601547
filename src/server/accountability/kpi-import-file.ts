import "server-only";
import type { TDateFormat } from "@/lib/csv/date";
import { validateKpiRows, type TKpiColumnMapping, type TKpiRef, type TKpiRowsResult } from "@/lib/csv/kpi-rows";
import type { TKpiImportInput } from "@/lib/csv/kpi-schema";
import type { MonthKey } from "@/lib/period";
import type { TParsedFile } from "../imports/commit";
import { assertColumnsInFile, chooseDateFormat, columnName, readCsvUpload } from "../imports/upload";

// Reads an uploaded KPI file (KPI, month, value) into validated rows against one department's
// active KPIs. Pure apart from hashing: the preview and the commit read the same bytes the same way.

/** What the rows are checked against, loaded from the database by the caller. */
export type TKpiImportTarget = {
  department: { id: string; name: string };
  kpis: TKpiRef[];
  currency: string;
  timeZone: string;
  closedMonths: ReadonlySet<MonthKey>;
};

/** How the batch was read, stored on it so an import can be explained later. */
type TKpiBatchMapping = {
  departmentId: string;
  department: string;
  columns: Record<keyof TKpiColumnMapping, string | null>;
  monthFormat: TDateFormat;
  delimiter: string;
};

export type TParsedKpiImport = TParsedFile & {
  header: string[];
  delimiter: string;
  monthFormat: TDateFormat;
  isMonthFormatDetected: boolean;
  mapping: TKpiBatchMapping;
  rows: TKpiRowsResult;
};

export async function readKpiImport(input: TKpiImportInput, target: TKpiImportTarget): Promise<TParsedKpiImport> {
  const { fileName, fileHash, table } = await readCsvUpload(input.file);
  const columns: TKpiColumnMapping = { kpi: input.kpiColumn, month: input.monthColumn, value: input.valueColumn };
  assertColumnsInFile(table, [
    ["kpiColumn", "KPI", columns.kpi],
    ["monthColumn", "month", columns.month],
    ["valueColumn", "value", columns.value],
  ]);
  // Only full dates such as 03/04/2026 in the month column need a reading order.
  const { format: monthFormat, isDetected } = chooseDateFormat(table, columns.month, input.monthFormat, "monthFormat");
  const { department, kpis, currency, timeZone, closedMonths } = target;
  const rows = validateKpiRows(
    table,
    { mapping: columns, monthFormat, timeZone, currency, kpis, departmentName: department.name },
    closedMonths,
  );
  return {
    fileName,
    fileHash,
    header: table.header,
    delimiter: table.delimiter,
    monthFormat,
    isMonthFormatDetected: isDetected,
    mapping: {
      departmentId: department.id,
      department: department.name,
      columns: {
        kpi: columnName(table, columns.kpi),
        month: columnName(table, columns.month),
        value: columnName(table, columns.value),
      },
      monthFormat,
      delimiter: table.delimiter,
    },
    rows,
  };
}
