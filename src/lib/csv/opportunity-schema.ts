import { z } from "zod";
import { distinctColumns, ZColumn, ZDateFormatChoice, ZImportFile, ZOptionalColumn, ZSkipBadRows } from "./schema";
import { FORECAST_CATEGORY_VALUES, MAX_NAME_PARTS } from "./opportunity-value-maps";

// The opportunity import request as the wizard sends it (multipart form fields) and as tests call it.

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A multipart field holding JSON; blank: absent. */
const json = (v: unknown) => {
  if (typeof v !== "string") return blank(v);
  if (!v.trim()) return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
};

/** A wizard's value mapping, sent as JSON: {"closed won": "<stage id>", "stalled": ""}. */
const ZValueMap = (what: string, target: z.ZodType<string>) =>
  z.preprocess(
    json,
    z
      .record(z.string().max(200), target, {
        error: `The ${what} mapping is not valid: choose a ${what} for each value again.`,
      })
      .refine(
        (m) => Object.keys(m).length <= 500,
        `The ${what} mapping has more than 500 values: check that the ${what} column is the right one.`,
      )
      .optional()
      .transform((m) => m ?? {}),
  );

const ZStageMap = ZValueMap("stage", z.string().max(64));
const ZOwnerMap = ZValueMap("owner", z.string().max(64));
const ZCategoryMap = ZValueMap("forecast category", z.union([z.enum(FORECAST_CATEGORY_VALUES), z.literal("")]));

/** The columns a name is composed from when the file has none, as JSON: [2, 6]. */
const ZNameColumns = z.preprocess(
  json,
  z
    .array(z.number().int().min(0).max(9_999), { error: "Choose the columns the deal name is made of." })
    .max(MAX_NAME_PARTS, `A deal name is made of at most ${MAX_NAME_PARTS} columns.`)
    .refine((c) => new Set(c).size === c.length, "Choose each column of the deal name once.")
    .optional()
    .transform((c) => c ?? []),
);

/** A close date for open deals without one (YYYY-MM-DD); blank: the end of the current fiscal quarter. */
const ZDefaultCloseDate = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the default close date as a date.")
    .refine(
      (d) =>
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
        new Date(`${d}T00:00:00Z`).toISOString().startsWith(d) &&
        d >= "2000-01-01" &&
        d <= "2100-12-31",
      "Choose a default close date between 2000 and 2100.",
    )
    .optional()
    .transform((d) => d ?? null),
);

export const ZOpportunityImportInput = z
  .object({
    file: ZImportFile,
    externalIdColumn: ZColumn("external id"),
    nameColumn: ZOptionalColumn("name"),
    nameColumns: ZNameColumns,
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
    ownerMap: ZOwnerMap,
    categoryMap: ZCategoryMap,
    /** "importer": a deal whose owner value is not mapped goes to the importer; else such rows are refused. */
    unmappedOwner: z
      .preprocess(
        blank,
        z.enum(["refuse", "importer"], { error: "Choose what happens to deals whose owner is not mapped." }).optional(),
      )
      .transform((v) => v ?? "refuse"),
    defaultCloseDate: ZDefaultCloseDate,
    skipBadRows: ZSkipBadRows,
  })
  .superRefine((input, ctx) => {
    if (input.nameColumn === null && input.nameColumns.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["nameColumn"],
        message: "Choose the name column, or the columns a name is made of.",
      });
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
