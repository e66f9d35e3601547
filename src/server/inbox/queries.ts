import "server-only";
import { cache } from "react";
import { isoDate } from "@/lib/dates";
import { inboxWorkOf, isEscalated, isSnoozed } from "@/lib/inbox/rules";
import { sortItems, type TFormat, type TInboxItem } from "@/lib/inbox/items";
import { now } from "../clock";
import { db } from "../db";
import { getRequestLocale } from "../locale";
import { getClosedMonths } from "../periods/open-months";
import type { TMemberContext } from "../tenant";
import { departmentWork } from "./department-work";
import { financeWork } from "./finance-work";
import { localDay, type TInboxScope } from "./scope";
import { staleDeals } from "./stale-deals";

export type TSnoozedItem = { item: TInboxItem; until: string; reason: string };

export type TInbox = {
  today: string;
  /** What is owed and not snoozed. */
  items: TInboxItem[];
  /** What is owed but snoozed by this member until a later day (not counted). */
  snoozed: TSnoozedItem[];
  /** Stale deals beyond those listed (counted in `total`). */
  moreStaleDeals: number;
  /** Everything owed: the navigation's count. */
  total: number;
};

/**
 * What this member owes today (DESIGN.md "My work"), computed on read: done items are simply no
 * longer found. A head or sales manager owes their department's work (a sales manager also the stale
 * deals); finance owes reviews, settlements and closes; the OWNER finance's list plus everyone's
 * items still open after ESCALATION_DAYS; a viewer owes nothing.
 */
export async function getInbox(ctx: TMemberContext, now: Date, locale = "en-US"): Promise<TInbox> {
  const { organizationId } = ctx;
  const work = new Set(inboxWorkOf(ctx.role));
  // Two round trips on the critical path: these three together, then every rule's query together.
  const [organization, departments, closedMonths] = await Promise.all([
    Promise.resolve(ctx.organization),
    work.size
      ? db.department.findMany({ where: { organizationId }, select: { id: true, name: true, archivedAt: true } })
      : [],
    work.size ? getClosedMonths(db, ctx) : new Set<never>(),
  ]);
  const today = localDay(organization.timeZone, now);
  if (!work.size) return { today, items: [], snoozed: [], moreStaleDeals: 0, total: 0 };
  const all = new Map(departments.map((d) => [d.id, d.name]));
  const active = new Map(departments.filter((d) => d.archivedAt === null).map((d) => [d.id, d.name]));
  const f: TFormat = { slug: organization.slug, currency: organization.currency, locale, today };
  const scope = (departmentId: string | null): TInboxScope => ({
    ctx,
    organizationId,
    departmentId,
    timeZone: organization.timeZone,
    departments: active,
    closedMonths,
  });

  const isDepartmentRole = work.has("redMonth");
  const [own, finance, escalations, stale, snoozes] = await Promise.all([
    // A department-bound role without its binding owes nothing (permissions fail closed the same way).
    isDepartmentRole && ctx.departmentId ? departmentWork(scope(ctx.departmentId), f) : [],
    work.has("claimsToReview") ? financeWork(scope(null), f, all, organization.fiscalYearStartMonth) : [],
    ctx.role === "OWNER"
      ? departmentWork(scope(null), f).then((items) =>
          items
            .filter((i) => i.urgency === "late" && isEscalated(i.waitedDays))
            .map((i) => ({ ...i, escalatedFrom: "Escalated: still open after a week" })),
        )
      : [],
    work.has("staleDeal") ? staleDeals(ctx, f) : { items: [], total: 0 },
    db.alert.findMany({
      where: {
        organizationId,
        userId: ctx.userId,
        clearedAt: null,
        snoozedUntil: { gt: new Date(`${today}T00:00:00Z`) },
      },
      select: { key: true, snoozedUntil: true, snoozeReason: true },
    }),
  ]);
  const snoozedBy = new Map(snoozes.map((s) => [s.key, s]));
  const items: TInboxItem[] = [];
  const snoozed: TSnoozedItem[] = [];
  for (const item of sortItems([...own, ...finance, ...escalations, ...stale.items])) {
    const snooze = snoozedBy.get(item.key);
    const until = snooze?.snoozedUntil ? isoDate(snooze.snoozedUntil) : null;
    if (until && isSnoozed(until, today)) snoozed.push({ item, until, reason: snooze?.snoozeReason ?? "" });
    else items.push(item);
  }
  const moreStaleDeals = stale.total - stale.items.length;
  return { today, items, snoozed, moreStaleDeals, total: items.length + moreStaleDeals };
}

/** This member's inbox today, once per request: the navigation's count and My work share it. */
export const getMyWork = cache(async (ctx: TMemberContext) => getInbox(ctx, await now(), await getRequestLocale()));
