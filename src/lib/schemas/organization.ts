import { z } from "zod";
import { zText } from "./text";
import { ZVersion } from "./concurrency";

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));
TIME_ZONES.add("UTC");

export const ZCurrency = zText()
  .trim()
  .toUpperCase()
  .refine((c) => CURRENCIES.has(c), "Choose an ISO 4217 currency code, like USD or EUR.");

export const ZTimeZone = zText()
  .trim()
  .refine((tz) => TIME_ZONES.has(tz), "Choose an IANA time zone, like Europe/Berlin.");

export const ZFiscalYearStartMonth = z.coerce
  .number({ error: "Choose the month the fiscal year starts." })
  .int()
  .min(1, "Choose a month from January to December.")
  .max(12, "Choose a month from January to December.");

export const ZOrganizationName = zText()
  .trim()
  .min(2, "Organization names have at least 2 characters.")
  .max(80, "Organization names are at most 80 characters.");

export const ZOrganizationFields = z.object({
  name: ZOrganizationName,
  currency: ZCurrency,
  fiscalYearStartMonth: ZFiscalYearStartMonth,
  timeZone: ZTimeZone,
});
export type TOrganizationFields = z.infer<typeof ZOrganizationFields>;

const ZPercent = z.coerce
  .number({ error: "Enter a percentage." })
  .min(1, "Enter a percentage between 1 and 200.")
  .max(200, "Enter a percentage between 1 and 200.")
  .multipleOf(0.01, "Use at most two decimals.");

/** Settings as the OWNER edits them; thresholds are percentages of the annual target. */
export const ZUpdateOrganizationInput = ZOrganizationFields.extend({
  onTrackThresholdPct: ZPercent,
  atRiskThresholdPct: ZPercent,
  version: ZVersion,
}).refine((v) => v.atRiskThresholdPct < v.onTrackThresholdPct, {
  path: ["atRiskThresholdPct"],
  message: "The at-risk threshold must be below the on-track threshold.",
});
export type TUpdateOrganizationInput = z.infer<typeof ZUpdateOrganizationInput>;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
