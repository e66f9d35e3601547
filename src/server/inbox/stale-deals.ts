import "server-only";
import { isStaleDeal } from "@/lib/inbox/rules";
import { staleDealItem, type TFormat, type TInboxItem } from "@/lib/inbox/items";
import { db } from "../db";
import type { TTenantContext } from "../tenant";
import { isoDate } from "@/lib/dates";

/** How many stale deals My work lists one by one; the rest are counted and linked to the pipeline. */
export const STALE_DEALS_LISTED = 25;

/**
 * Open deals whose expected close date has passed (the pipeline's "stale" filter): the longest
 * overdue first, and how many there are in all.
 */
export async function staleDeals(ctx: TTenantContext, f: TFormat): Promise<{ items: TInboxItem[]; total: number }> {
  const { organizationId } = ctx;
  const where = {
    organizationId,
    outcome: "OPEN" as const,
    expectedCloseDate: { lt: new Date(`${f.today}T00:00:00Z`) },
  };
  const [rows, total] = await Promise.all([
    db.opportunity.findMany({
      where,
      select: {
        id: true,
        name: true,
        account: true,
        amountMinor: true,
        outcome: true,
        expectedCloseDate: true,
        owner: { select: { name: true } },
      },
      orderBy: [{ expectedCloseDate: "asc" }, { id: "asc" }],
      take: STALE_DEALS_LISTED,
    }),
    db.opportunity.count({ where }),
  ]);
  const items = rows.flatMap((r) => {
    const deal = { ...r, expectedCloseDate: isoDate(r.expectedCloseDate), ownerName: r.owner.name };
    return isStaleDeal(deal, f.today) ? [staleDealItem(f, deal)] : [];
  });
  return { items, total };
}
