import "server-only";
import { fiscalYearsWithData } from "@/lib/fiscal-years";
import { todayIn } from "@/lib/period-selection";
import { getOrganization } from "../organizations/queries";
import { dataSpan } from "../revenue/queries";
import type { TTenantContext } from "../tenant";

type TCalendar = { timeZone: string; fiscalYearStartMonth: number };

/**
 * The fiscal years a period or quarter picker offers: first to last with targets, actuals or deals,
 * plus the current and the next (lib/fiscal-years.ts), in one aggregate query. Pass the
 * organization when the caller has it already.
 */
export async function listFiscalYears(ctx: TTenantContext, now: Date, organization?: TCalendar): Promise<number[]> {
  const calendar = organization ?? (await getOrganization(ctx));
  const span = await dataSpan(ctx, calendar.timeZone);
  return fiscalYearsWithData(span, calendar.fiscalYearStartMonth, todayIn(calendar.timeZone, now));
}
