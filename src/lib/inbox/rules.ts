// What a person owes (DESIGN.md "My work" and "Alerts, jobs and email"): each rule's condition as a
// pure function of plain values and today's date in the organization's zone, so the page computed on
// read and the scheduled alerts of a later issue decide the same way. Dates are "YYYY-MM-DD" local
// days of the organization; months are MonthKeys.
import type { CommitmentStatus, ContributionStatus, AttributionStatus, Role, StageOutcome } from "@db/enums";
import type { TRag } from "../kpi";
import { addMonths, parseMonthKey, type MonthKey } from "../period";

/** How many completed months back the month rules (red month, close, actuals) look. */
export const MONTH_LOOKBACK = 12;
/** A commitment is owed from this many days before its due date (and every day after it). */
export const COMMITMENT_DUE_SOON_DAYS = 3;
/** A completed month still open this many days after its last day is late to close. */
export const CLOSE_LATE_DAYS = 10;
/** A claim waiting longer than this for finance is late (the alert rule). */
export const CLAIM_LATE_DAYS = 5;
/** Still open after this many days, a person's item is late and escalates to the OWNER. */
export const ESCALATION_DAYS = 7;
/**
 * A department charged with a lost or slipped deal answers within this window by disputing it;
 * left standing, the charge is accepted (there is no separate "accept" record).
 */
export const CHARGE_RESPONSE_DAYS = 14;

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const monthOfDay = (iso: string) => iso.slice(0, 7) as MonthKey;

/** The last day of a month, "YYYY-MM-DD". */
export function lastDayOf(month: MonthKey): string {
  const { year, month: m } = parseMonthKey(month);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** A month is completed when its last day is before today (DESIGN.md "The numbers"). */
export const isMonthCompleted = (month: MonthKey, today: string) => lastDayOf(month) < today;

/** The completed months the month rules look at, latest first: the `lookback` months before today's. */
export function recentCompletedMonths(today: string, lookback = MONTH_LOOKBACK): MonthKey[] {
  const current = monthOfDay(today);
  return Array.from({ length: lookback }, (_, i) => addMonths(current, -(i + 1)));
}

/** Days since a month ended: 1 on the first day of the next month. */
export const daysSinceMonthEnd = (month: MonthKey, today: string) => daysBetween(lastDayOf(month), today);

/**
 * A red KPI month owes its narrative: a completed month whose status is red and whose "why" or
 * "what next" is still empty (the same two texts a red month needs before it is marked reviewed;
 * "what next" is the department's plan). The month in progress is still moving and owes nothing yet.
 */
export function isRedMonthOwed(
  input: { month: MonthKey; status: TRag | null; why: string; whatNext: string },
  today: string,
): boolean {
  return (
    input.status === "RED" && isMonthCompleted(input.month, today) && (!input.why.trim() || !input.whatNext.trim())
  );
}

export type TCommitmentDue = { state: "overdue" | "due"; days: number };

/**
 * An open commitment due within COMMITMENT_DUE_SOON_DAYS (today included) or overdue: how many days
 * until it is due, or how many it is overdue. Null when nothing is owed yet or it is resolved.
 */
export function commitmentDue(
  input: { status: CommitmentStatus; dueDate: string },
  today: string,
): TCommitmentDue | null {
  if (input.status !== "OPEN") return null;
  const days = daysBetween(today, input.dueDate);
  if (days < 0) return { state: "overdue", days: -days };
  return days <= COMMITMENT_DUE_SOON_DAYS ? { state: "due", days } : null;
}

/** A contribution finance must confirm or dispute: claimed, in a month that is not closed. */
export const isClaimToReview = (input: { status: ContributionStatus; isMonthClosed: boolean }) =>
  input.status === "CLAIMED" && !input.isMonthClosed;

/** A disputed contribution its department revises (or withdraws), in a month that is not closed. */
export const isDisputedClaimToRevise = (input: { status: ContributionStatus; isMonthClosed: boolean }) =>
  input.status === "DISPUTED" && !input.isMonthClosed;

/** A lost or slipped deal charged to a department, still within the window to dispute it. */
export function isChargeToAnswer(input: { status: AttributionStatus; chargedOn: string }, today: string): boolean {
  return input.status === "ATTRIBUTED" && daysBetween(input.chargedOn, today) < CHARGE_RESPONSE_DAYS;
}

/** The last day a charge can be disputed from the inbox. */
export const chargeAnswerBy = (chargedOn: string) => addDays(chargedOn, CHARGE_RESPONSE_DAYS - 1);

/** A disputed charge finance or the owner settles. */
export const isDisputeToSettle = (status: AttributionStatus) => status === "DISPUTED";

/** An open deal whose expected close date has passed: stale (as the pipeline's stale filter). */
export const isStaleDeal = (input: { outcome: StageOutcome; expectedCloseDate: string }, today: string) =>
  input.outcome === "OPEN" && input.expectedCloseDate < today;

export type TMonthCloseState = "no-actuals" | "ready";

/**
 * What finance owes a month: nothing once it is closed or while it is in progress; for a completed
 * month without a single revenue entry, its actuals (closing it empty would lock in a zero); else
 * its close.
 */
export function monthCloseState(
  input: { month: MonthKey; isClosed: boolean; hasActuals: boolean },
  today: string,
): TMonthCloseState | null {
  if (input.isClosed || !isMonthCompleted(input.month, today)) return null;
  return input.hasActuals ? "ready" : "no-actuals";
}

/** A completed month not closed CLOSE_LATE_DAYS days after its end is late. */
export const isCloseLate = (month: MonthKey, today: string) => daysSinceMonthEnd(month, today) >= CLOSE_LATE_DAYS;

/** Snoozes a person may choose, in days. */
export const SNOOZE_DAYS = [1, 3, 7, 14] as const;

/**
 * Whether an item snoozed until `snoozedUntil` (a local day, exclusive) is hidden today: it shows
 * again on that day.
 */
export const isSnoozed = (snoozedUntil: string | null, today: string) => snoozedUntil !== null && today < snoozedUntil;

/** Whether a person's item (waiting `waitedDays`) escalates to the OWNER. */
export const isEscalated = (waitedDays: number) => waitedDays >= ESCALATION_DAYS;

/** The kinds of work each role is given (the OWNER also gets the escalated items of everyone). */
export type TInboxKind =
  | "redMonth"
  | "disputedClaim"
  | "charge"
  | "commitment"
  | "claimsToReview"
  | "disputeToSettle"
  | "monthClose"
  | "noActuals"
  | "staleDeal";

const DEPARTMENT_WORK: TInboxKind[] = ["redMonth", "disputedClaim", "charge", "commitment"];
const FINANCE_WORK: TInboxKind[] = ["claimsToReview", "disputeToSettle", "monthClose", "noActuals"];

export const INBOX_WORK: Record<Role, TInboxKind[]> = {
  OWNER: FINANCE_WORK,
  FINANCE: FINANCE_WORK,
  DEPARTMENT_HEAD: DEPARTMENT_WORK,
  SALES_MANAGER: [...DEPARTMENT_WORK, "staleDeal"],
  VIEWER: [],
};

/** The kinds of work `role` is given; an unknown role is given none. */
export const inboxWorkOf = (role: string): TInboxKind[] =>
  Object.hasOwn(INBOX_WORK, role) ? INBOX_WORK[role as Role] : [];

/** Where a member lands on opening an organization: My work for those who answer, else the dashboard. */
export function landingPath(slug: string, role: string | null): string {
  return role === "DEPARTMENT_HEAD" || role === "FINANCE" || role === "SALES_MANAGER"
    ? `/o/${slug}/inbox`
    : `/o/${slug}`;
}
