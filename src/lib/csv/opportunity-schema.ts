import { z } from "zod";
import { distinctColumns, ZColumn, ZDateFormatChoice, ZImportFile, ZOptionalColumn, ZSkipBadRows } from "./schema";

// The opportunity import request as the wizard sends it (multipart form fields) and as tests call it.

export const ZOpportunityImportInput = z
  .object({
    file: ZImportFile,
    externalIdColumn: ZColumn("external id"),
    nameColumn: ZColumn("name"),
    accountColumn: ZColumn("account"),
    amountColumn: ZColumn("amount"),
    stageColumn: ZColumn("stage"),
    closeDateColumn: ZColumn("close date"),
    probabilityColumn: ZOptionalColumn("probability"),
    categoryColumn: ZOptionalColumn("forecast category"),
    ownerColumn: ZOptionalColumn("owner"),
    sourceDepartmentColumn: ZOptionalColumn("source department"),
    dateFormat: ZDateFormatChoice("Choose how the close dates are written."),
    skipBadRows: ZSkipBadRows,
  })
  .superRefine(
    distinctColumns({
      externalIdColumn: "external id",
      nameColumn: "name",
      accountColumn: "account",
      amountColumn: "amount",
      stageColumn: "stage",
      closeDateColumn: "close date",
      probabilityColumn: "probability",
      categoryColumn: "forecast category",
      ownerColumn: "owner",
      sourceDepartmentColumn: "source department",
    }),
  );

export type TOpportunityImportInput = z.output<typeof ZOpportunityImportInput>;
