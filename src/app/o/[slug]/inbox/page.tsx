import type { Metadata } from "next";
import Link from "next/link";
import { InboxGroups, InboxItem } from "@/components/inbox/inbox-list";
import { SnoozeControl, WakeControl } from "@/components/inbox/snooze-control";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/lib/format";
import { groupItems } from "@/lib/inbox/items";
import { inboxWorkOf, type TInboxKind } from "@/lib/inbox/rules";
import { getMyWork } from "@/server/inbox/queries";
import { getRequestLocale } from "@/server/locale";
import { getTenantContext } from "@/server/tenant-context";
import { snoozeAlertAction, wakeAlertAction } from "./actions";

export const metadata: Metadata = { title: "My work" };

const WHAT: Record<TInboxKind, string> = {
  redMonth: "red months without a narrative",
  disputedClaim: "claims finance disputed",
  charge: "lost or slipped deals charged to your department",
  commitment: "commitments due within three days or overdue",
  claimsToReview: "claims awaiting review",
  disputeToSettle: "disputed charges to settle",
  monthClose: "completed months to close",
  noActuals: "completed months without actuals",
  staleDeal: "open deals past their close date",
};

/** What this member owes, most urgent first; each item links to where it is done. */
export default async function MyWorkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const [inbox, locale] = await Promise.all([getMyWork(ctx), getRequestLocale()]);
  const work = inboxWorkOf(ctx.role);
  const watched = work.filter((k) => k !== "noActuals").map((k) => WHAT[k]);
  const unbound = (ctx.role === "DEPARTMENT_HEAD" || ctx.role === "SALES_MANAGER") && !ctx.departmentId;
  return (
    <>
      <PageHeader
        title="My work"
        description={`What waits on you today, ${formatDay(inbox.today, locale)}. An item leaves this list as soon as it is done.`}
      />
      {work.length === 0 ? (
        <EmptyState title="Nothing owed" action={{ href: `/o/${slug}`, label: "Open the dashboard" }}>
          Your role here reads Revtrace; nothing waits on you.
        </EmptyState>
      ) : inbox.items.length === 0 ? (
        <EmptyState title="Nothing owed" action={{ href: `/o/${slug}`, label: "Open the dashboard" }}>
          {inbox.snoozed.length > 0
            ? "Nothing waits on you today but what you snoozed, listed below."
            : unbound
              ? "You are not bound to a department yet, so nothing waits on you. An owner can bind you in Settings."
              : `Nothing waits on you today. This page lists ${watched.slice(0, -1).join(", ")} and ${watched.at(-1)}${ctx.role === "OWNER" ? ", and anyone's item still open after a week" : ""}.`}
        </EmptyState>
      ) : (
        <>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400" data-testid="inbox-total">
            {inbox.total === 1 ? "1 item" : `${inbox.total} items`} owed.
          </p>
          <InboxGroups
            groups={groupItems(inbox.items)}
            actions={(item) => (
              <SnoozeControl itemKey={item.key} title={item.title} action={snoozeAlertAction.bind(null, slug)} />
            )}
          />
          {inbox.moreStaleDeals > 0 && (
            <p className="mt-4 text-sm">
              And {inbox.moreStaleDeals} more stale {inbox.moreStaleDeals === 1 ? "deal" : "deals"}:{" "}
              <Link
                href={`/o/${slug}/pipeline?stale=1&sort=close`}
                className="font-medium text-accent-700 underline dark:text-accent-400"
              >
                see every stale deal in the pipeline
              </Link>
              .
            </p>
          )}
        </>
      )}
      {inbox.snoozed.length > 0 && (
        <section aria-labelledby="inbox-snoozed" className="mt-8">
          <h2 id="inbox-snoozed" className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">
            Snoozed <span className="font-normal text-zinc-500">({inbox.snoozed.length})</span>
          </h2>
          <ul className="mt-2 divide-y divide-zinc-100 rounded-lg border border-dashed border-zinc-300 bg-white dark:divide-zinc-800 dark:border-zinc-700 dark:bg-zinc-900">
            {inbox.snoozed.map(({ item, until, reason }) => (
              <InboxItem
                key={item.key}
                item={item}
                note={
                  <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="snooze-note">
                    Snoozed until {formatDay(until, locale)}: {reason}
                  </p>
                }
                actions={(i) => (
                  <WakeControl itemKey={i.key} title={i.title} action={wakeAlertAction.bind(null, slug)} />
                )}
              />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
