import "server-only";
import type { MonthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import type { TTenantContext } from "../tenant";

/** What every inbox query needs about the organization, read once per request. */
export type TInboxScope = {
  ctx: TTenantContext;
  organizationId: string;
  /** The department whose work is read; null reads every department's (the OWNER's escalations). */
  departmentId: string | null;
  timeZone: string;
  /** Active departments by id (archived ones take no new records, so they owe nothing). */
  departments: Map<string, string>;
  closedMonths: Set<MonthKey>;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant's calendar day in the organization's zone, "YYYY-MM-DD". */
export function localDay(timeZone: string, instant: Date): string {
  const d = todayIn(timeZone, instant);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}
