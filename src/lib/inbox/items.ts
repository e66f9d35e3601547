// The items of My work: each a plain sentence of what is owed, where (department, month, deal), how
// long it has waited and a link to exactly where it is done. Built from rows the queries read and
// today's date; the rules (rules.ts) decide which rows are owed at all.
import type { MonthKey } from "../period";
import { monthLabel } from "../period";
import { formatDay, plural } from "../format";
import { formatMoney } from "../money";
import {
  CLAIM_LATE_DAYS,
  chargeAnswerBy,
  daysBetween,
  daysSinceMonthEnd,
  isCloseLate,
  isEscalated,
  type TCommitmentDue,
  type TInboxKind,
  type TMonthCloseState,
} from "./rules";

/** late: past a deadline; soon: due within days; open: owed, no deadline passed. */
export type TUrgency = "late" | "soon" | "open";

export type TInboxItem = {
  key: string;
  kind: TInboxKind;
  urgency: TUrgency;
  /** What is owed, as a sentence. */
  title: string;
  /** Where: department, month, deal, amount. */
  context: string[];
  /** How long it has waited (or when it is due), in words. */
  waited: string;
  /** For ordering: days waited (negative: days until due). */
  waitedDays: number;
  href: string;
  actionLabel: string;
  /** Shown to the OWNER: someone else's item still open after ESCALATION_DAYS. */
  escalatedFrom?: string;
};

export type TFormat = { slug: string; currency: string; locale: string; today: string };

/** "since today", "waiting 1 day", "waiting 12 days". */
export const waitedText = (days: number) => (days <= 0 ? "since today" : `waiting ${plural(days, "day")}`);

const scorecardHref = (f: TFormat, departmentId: string, month: MonthKey, anchor: string) =>
  `/o/${f.slug}/departments/${departmentId}?period=m-${month}#${anchor}`;

export function redMonthItem(
  f: TFormat,
  row: { departmentId: string; departmentName: string; month: MonthKey },
): TInboxItem {
  const waitedDays = daysSinceMonthEnd(row.month, f.today) - 1;
  const label = monthLabel(row.month, { long: true });
  return {
    key: `redMonth:${row.departmentId}:${row.month}`,
    kind: "redMonth",
    urgency: isEscalated(waitedDays) ? "late" : "open",
    title: `Explain why ${label} was red: write its “why” and “what next”`,
    context: [row.departmentName, label],
    waited: waitedText(waitedDays),
    waitedDays,
    href: scorecardHref(f, row.departmentId, row.month, `narrative-${row.month}`),
    actionLabel: "Write the narrative",
  };
}

export function disputedClaimItem(
  f: TFormat,
  row: {
    id: string;
    departmentId: string;
    departmentName: string;
    month: MonthKey;
    description: string;
    amountMinor: bigint;
    reviewReason: string | null;
    disputedOn: string;
  },
): TInboxItem {
  const waitedDays = daysBetween(row.disputedOn, f.today);
  return {
    key: `disputedClaim:${row.id}`,
    kind: "disputedClaim",
    urgency: isEscalated(waitedDays) ? "late" : "open",
    title: `Revise the disputed claim “${row.description}”${row.reviewReason ? ` — finance: ${row.reviewReason}` : ""}`,
    context: [
      row.departmentName,
      monthLabel(row.month, { long: true }),
      formatMoney(row.amountMinor, f.currency, { locale: f.locale, signDisplay: "exceptZero" }),
    ],
    waited: waitedText(waitedDays),
    waitedDays,
    href: scorecardHref(f, row.departmentId, row.month, "contributions"),
    actionLabel: "Revise the claim",
  };
}

export function chargeItem(
  f: TFormat,
  row: {
    id: string;
    departmentId: string;
    departmentName: string;
    month: MonthKey;
    dealName: string;
    kind: "LOST" | "SLIPPED";
    amountMinor: bigint;
    chargedOn: string;
  },
): TInboxItem {
  const waitedDays = daysBetween(row.chargedOn, f.today);
  const by = chargeAnswerBy(row.chargedOn);
  return {
    key: `charge:${row.id}`,
    kind: "charge",
    urgency: daysBetween(f.today, by) <= 2 ? "soon" : "open",
    title: `Accept or dispute the ${row.kind === "LOST" ? "lost" : "slipped"} deal “${row.dealName}” charged to ${row.departmentName}`,
    context: [
      row.departmentName,
      monthLabel(row.month, { long: true }),
      formatMoney(-row.amountMinor, f.currency, { locale: f.locale }),
    ],
    waited: `${waitedText(waitedDays)}; left standing, it is accepted after ${formatDay(by, f.locale)}`,
    waitedDays,
    href: scorecardHref(f, row.departmentId, row.month, "causes"),
    actionLabel: "Review the charge",
  };
}

export function commitmentItem(
  f: TFormat,
  row: { id: string; departmentId: string; departmentName: string; title: string; dueDate: string; ownerName: string },
  due: TCommitmentDue,
): TInboxItem {
  const when =
    due.state === "overdue"
      ? `overdue by ${plural(due.days, "day")}`
      : due.days === 0
        ? "due today"
        : `due in ${plural(due.days, "day")}`;
  return {
    key: `commitment:${row.id}`,
    kind: "commitment",
    urgency: due.state === "overdue" ? "late" : "soon",
    title: `Deliver the commitment “${row.title}”, or mark it done or missed`,
    context: [row.departmentName, `Due ${formatDay(row.dueDate, f.locale)}`, `Owner ${row.ownerName}`],
    waited: when,
    waitedDays: due.state === "overdue" ? due.days : -due.days,
    href: scorecardHref(f, row.departmentId, `${row.dueDate.slice(0, 7)}` as MonthKey, "commitments"),
    actionLabel: "Open the commitment",
  };
}

export function claimsToReviewItem(
  f: TFormat,
  row: {
    departmentId: string;
    departmentName: string;
    month: MonthKey;
    count: number;
    totalMinor: bigint;
    oldestOn: string;
  },
): TInboxItem {
  const waitedDays = daysBetween(row.oldestOn, f.today);
  const label = monthLabel(row.month, { long: true });
  return {
    key: `claimsToReview:${row.departmentId}:${row.month}`,
    kind: "claimsToReview",
    urgency: waitedDays > CLAIM_LATE_DAYS ? "late" : "open",
    title: `Confirm or dispute ${row.count === 1 ? "a claim" : `${row.count} claims`} from ${row.departmentName} for ${label}`,
    context: [
      row.departmentName,
      label,
      `${formatMoney(row.totalMinor, f.currency, { locale: f.locale, signDisplay: "exceptZero" })} claimed`,
    ],
    waited: `${row.count === 1 ? "" : "oldest "}${waitedText(waitedDays)}`,
    waitedDays,
    href: scorecardHref(f, row.departmentId, row.month, "contributions"),
    actionLabel: row.count === 1 ? "Review the claim" : "Review the claims",
  };
}

export function disputeToSettleItem(
  f: TFormat,
  row: {
    id: string;
    departmentId: string;
    departmentName: string;
    month: MonthKey;
    dealName: string;
    amountMinor: bigint;
    disputeReason: string | null;
    disputedOn: string;
  },
): TInboxItem {
  const waitedDays = daysBetween(row.disputedOn, f.today);
  return {
    key: `disputeToSettle:${row.id}`,
    kind: "disputeToSettle",
    urgency: isEscalated(waitedDays) ? "late" : "open",
    title: `Settle ${row.departmentName}’s dispute over the deal “${row.dealName}”${row.disputeReason ? ` — “${row.disputeReason}”` : ""}`,
    context: [
      row.departmentName,
      monthLabel(row.month, { long: true }),
      formatMoney(-row.amountMinor, f.currency, { locale: f.locale }),
    ],
    waited: waitedText(waitedDays),
    waitedDays,
    href: scorecardHref(f, row.departmentId, row.month, "causes"),
    actionLabel: "Settle the dispute",
  };
}

export function monthCloseItem(
  f: TFormat,
  row: { month: MonthKey; fiscalYear: number },
  state: TMonthCloseState,
): TInboxItem {
  const label = monthLabel(row.month, { long: true });
  const since = daysSinceMonthEnd(row.month, f.today);
  const isLate = isCloseLate(row.month, f.today);
  const ended = `ended ${plural(since, "day")} ago`;
  const href = `/o/${f.slug}/revenue?fy=${row.fiscalYear}`;
  if (state === "no-actuals") {
    return {
      key: `noActuals:${row.month}`,
      kind: "noActuals",
      urgency: isLate ? "late" : "open",
      title: `Record ${label}’s actuals: the month has no revenue entries`,
      context: [label],
      waited: ended,
      waitedDays: since,
      href,
      actionLabel: "Enter or import actuals",
    };
  }
  return {
    key: `monthClose:${row.month}`,
    kind: "monthClose",
    urgency: isLate ? "late" : "open",
    title: isLate ? `Close ${label}: still open ${plural(since, "day")} after its end` : `Close ${label}`,
    context: [label],
    waited: ended,
    waitedDays: since,
    href,
    actionLabel: "Close the month",
  };
}

export function staleDealItem(
  f: TFormat,
  row: { id: string; name: string; account: string; amountMinor: bigint; expectedCloseDate: string; ownerName: string },
): TInboxItem {
  const waitedDays = daysBetween(row.expectedCloseDate, f.today);
  return {
    key: `staleDeal:${row.id}`,
    kind: "staleDeal",
    urgency: "open",
    title: `Update “${row.name}”: it was expected to close ${formatDay(row.expectedCloseDate, f.locale)} and is still open`,
    context: [row.account, formatMoney(row.amountMinor, f.currency, { locale: f.locale }), `Owner ${row.ownerName}`],
    waited: `${plural(waitedDays, "day")} past its close date`,
    waitedDays,
    href: `/o/${f.slug}/pipeline/${row.id}`,
    actionLabel: "Update the deal",
  };
}

const URGENCY_RANK: Record<TUrgency, number> = { late: 0, soon: 1, open: 2 };

/** Late first, then due soon, then the rest; within each, what has waited longest first. */
export function sortItems(items: TInboxItem[]): TInboxItem[] {
  return [...items].sort(
    (a, b) =>
      URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || b.waitedDays - a.waitedDays || a.key.localeCompare(b.key),
  );
}

export const URGENCY_LABELS: Record<TUrgency, string> = { late: "Late", soon: "Due soon", open: "To do" };

/** The sorted items in their urgency groups, empty groups left out. */
export function groupItems(items: TInboxItem[]): { urgency: TUrgency; label: string; items: TInboxItem[] }[] {
  const sorted = sortItems(items);
  return (["late", "soon", "open"] as const)
    .map((urgency) => ({ urgency, label: URGENCY_LABELS[urgency], items: sorted.filter((i) => i.urgency === urgency) }))
    .filter((g) => g.items.length > 0);
}
