import type { MonthKey } from "../period";
import type { TDateFormat } from "./date";
import type { TKpiImportSummary } from "./kpi-summary";
import type { TAlreadyImported, TAlreadyImportedOutcome } from "./wire";

// What the KPI import route returns, shared by the server that builds it and the wizard that reads it.

export const KPI_IMPORT_KIND = "kpi";

export type TKpiImportPreview = {
  fileName: string;
  fileHash: string;
  header: string[];
  delimiter: string;
  monthFormat: TDateFormat;
  isMonthFormatDetected: boolean;
  summary: TKpiImportSummary;
  alreadyImported: TAlreadyImported | null;
};

export type TKpiCommitResult =
  | {
      outcome: "imported";
      batchId: string;
      rowCount: number;
      newCount: number;
      changedCount: number;
      skippedCount: number;
      months: MonthKey[];
    }
  | TAlreadyImportedOutcome;
