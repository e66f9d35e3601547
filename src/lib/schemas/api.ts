import { z } from "zod";
import { FORECAST_CATEGORIES } from "./pipeline";
import { ZMonthKey, ZSupportedDate } from "./revenue";
import { zText } from "./text";

// The public API's request and response shapes (DESIGN.md "Public API"). The route handlers
// validate with these, and /api/v1/openapi.json is generated from the same schemas
// (src/server/api/openapi.ts), so the document cannot drift from what the endpoints accept.

/** Money crosses the API as a decimal string in the organization's currency: JSON numbers are floats. */
export const ZApiAmount = zText({ error: 'Send the amount as a decimal string, like "1250.00".' })
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,4})?$/, 'Send the amount as a decimal string, like "1250.00" (a refund is negative).')
  .meta({
    description:
      "Decimal string in the organization's currency, at most its minor-unit digits (2 for USD). Negative for a refund.",
    example: "1250.00",
  });

const ZMoney = z.string().meta({ description: "Decimal string in the organization's currency.", example: "1250.00" });
const ZNullableMoney = ZMoney.nullable();

export const ZApiPeriod = z
  .string()
  .regex(
    /^(fy-\d{4}|ytd-\d{4}|q-\d{4}-[1-4]|m-\d{4}-\d{2}|r-\d{4}-\d{2}-\d{4}-\d{2})$/,
    "Use fy-2026, ytd-2026, q-2026-3, m-2026-11 or r-2026-03-2026-08.",
  )
  .optional()
  .meta({
    description:
      "The period, as in the dashboard's URL: fy-YYYY (fiscal year), ytd-YYYY, q-YYYY-N (fiscal quarter), m-YYYY-MM, r-YYYY-MM-YYYY-MM. Default: the current fiscal year.",
    example: "fy-2026",
  });

export const ZPeriodQuery = z.object({ period: ZApiPeriod });

export const ZScorecardsQuery = z.object({
  period: ZApiPeriod,
  departmentId: zText()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: "Only this department (404 when it is not one of the organization's)." }),
});

export const ZBridgeQuery = z.object({
  period: ZApiPeriod,
  includeClaimed: z
    .enum(["true", "false"], { error: "Use true or false." })
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "Count contributions still awaiting finance's review (default false: confirmed only)." }),
});

export const ZDealsQuery = z.object({
  status: z
    .enum(["open", "won", "lost", "all"], { error: "Use open, won, lost or all." })
    .optional()
    .default("open")
    .meta({ description: "Which deals (default open)." }),
  limit: z.coerce
    .number({ error: "Send a number from 1 to 500." })
    .int("Send a whole number.")
    .min(1, "At least 1.")
    .max(500, "At most 500.")
    .optional()
    .default(100),
  cursor: z.string().max(200).optional().meta({ description: "The `nextCursor` of the previous page." }),
});

const ZPeriodInfo = z.object({
  label: z.string(),
  from: z.string().meta({ description: "First month, YYYY-MM." }),
  to: z.string().meta({ description: "Last month, YYYY-MM." }),
  asOf: z.string().meta({ description: "D: the day the figures are read at (YYYY-MM-DD)." }),
});

export const ZDashboardResponse = z
  .object({
    organization: z.object({
      name: z.string(),
      currency: z.string(),
      timeZone: z.string(),
      fiscalYearStartMonth: z.number(),
    }),
    period: ZPeriodInfo,
    toDate: z
      .object({ months: z.array(z.string()), target: ZNullableMoney, actual: ZMoney, gap: ZNullableMoney })
      .meta({ description: "The period's completed months: what the headline compares." }),
    monthInProgress: z
      .object({ month: z.string(), day: z.number(), daysInMonth: z.number(), target: ZNullableMoney, actual: ZMoney })
      .nullable(),
    annualTarget: ZNullableMoney,
    actualYearToDate: ZMoney,
    forecast: z.object({ amount: ZNullableMoney, kind: z.string() }),
    outlook: z.string().nullable(),
    months: z.array(
      z.object({
        month: z.string(),
        target: ZNullableMoney,
        actual: ZNullableMoney.meta({ description: "Null for a month after D: not booked yet, not zero." }),
        isComplete: z.boolean(),
      }),
    ),
  })
  .meta({ id: "Dashboard" });

export const ZBridgeResponse = z
  .object({
    period: ZPeriodInfo,
    months: z.array(z.string()),
    includeClaimed: z.boolean(),
    bridge: z
      .object({
        target: ZMoney,
        actual: ZMoney,
        attributed: ZMoney,
        unattributed: ZMoney,
        steps: z.array(
          z.object({
            kind: z.enum(["target", "department", "unattributed", "actual"]),
            label: z.string(),
            departmentId: z.string().nullable(),
            amount: ZMoney,
            start: ZMoney,
            end: ZMoney,
          }),
        ),
      })
      .nullable()
      .meta({ description: "Null when the period has no target to bridge from." }),
  })
  .meta({ id: "Bridge" });

export const ZScorecardsResponse = z
  .object({
    period: ZPeriodInfo,
    departments: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        status: z.enum(["GREEN", "AMBER", "RED"]).nullable(),
        worstKpi: z.object({ name: z.string(), status: z.enum(["GREEN", "AMBER", "RED"]) }).nullable(),
        impact: z.object({ confirmed: ZMoney, claimed: ZMoney, pipeline: ZMoney }),
        pendingReviews: z.number(),
        heads: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: "Scorecards" });

const ZDeal = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    account: z.string(),
    amount: ZNullableMoney.meta({ description: "Null for a deal imported without an amount." }),
    currency: z.string(),
    stage: z.string(),
    outcome: z.enum(["OPEN", "WON", "LOST"]),
    probabilityPercent: z.number(),
    forecastCategory: z.string(),
    closeDate: z.string(),
    owner: z.object({ name: z.string(), email: z.string() }),
    version: z.number().meta({ description: "Moves with every change of the deal." }),
  })
  .meta({ id: "Deal" });

export const ZDealsResponse = z
  .object({ deals: z.array(ZDeal), nextCursor: z.string().nullable() })
  .meta({ id: "DealPage" });

export const MAX_API_REVENUE_ENTRIES = 10_000;

export const ZApiRevenueEntry = z.object({
  date: ZSupportedDate("Send the date as YYYY-MM-DD.").meta({
    description: "The day the revenue was earned, in the organization's time zone.",
    example: "2026-11-03",
  }),
  amount: ZApiAmount,
  reference: zText()
    .trim()
    .max(200, "At most 200 characters.")
    .optional()
    .meta({ description: "Invoice or order id.", example: "INV-1001" }),
  customer: zText().trim().max(200, "At most 200 characters.").optional().meta({ example: "Globex" }),
});

export const ZApiRevenueEntriesBody = z
  .object({
    entries: z
      .array(ZApiRevenueEntry, { error: "Send entries as an array." })
      .min(1, "Send at least one entry.")
      .max(
        MAX_API_REVENUE_ENTRIES,
        `Send at most ${MAX_API_REVENUE_ENTRIES.toLocaleString("en-US")} entries per request.`,
      ),
  })
  .meta({ id: "RevenueEntriesRequest" });

export const ZRevenueEntriesResponse = z
  .object({
    batchId: z.string(),
    created: z.number(),
    total: ZMoney,
    currency: z.string(),
    months: z.array(z.string()),
  })
  .meta({ id: "RevenueEntriesResult" });

export const ZApiDealBody = z
  .object({
    name: zText({ error: "Name the deal." }).trim().min(2, "Name the deal.").max(160, "At most 160 characters."),
    account: zText()
      .trim()
      .min(1, "Name the account.")
      .max(160, "At most 160 characters.")
      .optional()
      .meta({ description: "Default: the deal's name on create." }),
    amount: ZApiAmount,
    stage: zText({ error: "Name a stage." })
      .trim()
      .min(1, "Name a stage.")
      .max(60)
      .meta({ description: "One of the organization's stages, by name (case ignored).", example: "Proposal" }),
    closeDate: ZSupportedDate("Send the close date as YYYY-MM-DD.").meta({ example: "2026-12-15" }),
    ownerEmail: z
      .email("Send the owner's email.")
      .max(254)
      .meta({ description: "A member of the organization.", example: "sales@acme.example" }),
    probabilityPercent: z
      .number({ error: "Send a number from 0 to 100." })
      .min(0, "At least 0.")
      .max(100, "At most 100.")
      .optional()
      .meta({ description: "Default: the stage's." }),
    forecastCategory: z
      .enum(FORECAST_CATEGORIES, { error: "Use a listed forecast category." })
      .optional()
      .meta({ description: "Default: derived from the stage." }),
    lossCause: zText().trim().max(80).optional().meta({
      description:
        "Required when the deal becomes lost or slips out of the current quarter: one of the organization's causes, by name.",
    }),
    responsibleDepartment: zText()
      .trim()
      .max(80)
      .optional()
      .meta({ description: "Required with lossCause: the department that answers for it, by name." }),
  })
  .meta({ id: "DealUpsertRequest" });

export const ZApiDealPath = z.object({
  externalId: zText()
    .trim()
    .min(1, "Name the deal's external id.")
    .max(120, "At most 120 characters.")
    .meta({ description: "Your system's id of the deal.", example: "CRM-4411" }),
});

export const ZDealUpsertResponse = z
  .object({
    id: z.string(),
    externalId: z.string(),
    created: z.boolean(),
    changedFields: z.number(),
    version: z.number().nullable(),
  })
  .meta({ id: "DealUpsertResult" });

export const ZApiKpiValuesBody = z
  .object({
    month: ZMonthKey.meta({ description: "YYYY-MM", example: "2026-11" }),
    values: z
      .array(
        z.object({
          department: zText().trim().min(1, "Name the department.").max(80).meta({ example: "Marketing" }),
          kpi: zText().trim().min(1, "Name the KPI.").max(120).meta({ example: "Qualified leads" }),
          value: zText().trim().max(40).meta({
            description:
              "In the KPI's unit (a count, a percentage like 42.5, money as a decimal string). Empty removes the month's value.",
            example: "412",
          }),
        }),
      )
      .min(1, "Send at least one value.")
      .max(1000, "Send at most 1,000 values per request."),
  })
  .meta({ id: "KpiValuesRequest" });

export const ZKpiValuesResponse = z
  .object({ changed: z.number(), departments: z.array(z.string()) })
  .meta({ id: "KpiValuesResult" });

export const ZApiError = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "VALIDATION" }),
      message: z.string(),
      fields: z
        .record(z.string(), z.array(z.string()))
        .meta({ description: "Field path (e.g. entries.3.amount) → what is wrong with it." }),
    }),
  })
  .meta({ id: "Error" });
