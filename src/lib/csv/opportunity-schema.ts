import { z } from "zod";
import { distinctColumns, ZColumn, ZDateFormatChoice, ZImportFile, ZOptionalColumn, ZSkipBadRows } from "./schema";

// The opportunity import request as the wizard sends it (multipart form fields) and as tests call it.

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The wizard's stage mapping, sent as JSON: {"closed won": "<stage id>", "stalled": ""}. */
const ZStageMap = z.preprocess(
  (v) => {
    if (typeof v !== "string") return blank(v);
    if (!v.trim()) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  },
  z
    .record(z.string().max(200), z.string().max(64), { error: "The stage mapping is not valid: choose a stage for each value again." })
    .refine((m) => Object.keys(m).length <= 500, "The stage mapping has more than 500 values: check that the stage column is the right one.")
    .optional()
    .transform((m) => m ?? {}),
);

/** A close date for open deals without one (YYYY-MM-DD); blank: the end of the current fiscal quarter. */
const ZDefaultCloseDate = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the default close date as a date.")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d) && d >= "2000-01-01" && d <= "2100-12-31", "Choose a default close date between 2000 and 2100.")
    .optional()
    .transform((d) => d ?? null),
);

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
    stageMap: ZStageMap,
    defaultCloseDate: ZDefaultCloseDate,
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
