import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { NotAllowed } from "@/components/ui/not-allowed";
import { closeItemText } from "@/lib/close-checklist";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/permissions";
import { fiscalYearOfMonth, monthKey, monthLabel, type MonthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { ZMonthKey } from "@/lib/schemas/revenue";
import { now } from "@/server/clock";
import { getRequestLocale } from "@/server/locale";
import { getOrganization } from "@/server/organizations/queries";
import { getMonthCloseChecklist } from "@/server/month-close/checklist";
import { closedMonths, getMonthFigures } from "@/server/revenue/queries";
import { getTenantContext } from "@/server/tenant-context";
import { CloseMonthForm } from "./close-month-form";

export const metadata: Metadata = { title: "Close a month" };

/**
 * Closing a month, through its checklist: what is still open in it (claims awaiting review block the
 * close; disputes, red months without a "why" and missing KPI values can be closed over, knowingly),
 * each with a link to where it is done, the month's figures, and the close itself.
 */
export default async function CloseMonthPage({ params }: { params: Promise<{ slug: string; month: string }> }) {
  const { slug, month: monthParam } = await params;
  const ctx = await getTenantContext(slug);
  const parsed = ZMonthKey.safeParse(monthParam);
  if (!parsed.success) notFound();
  const month = parsed.data as MonthKey;
  if (!can(ctx, "period.close"))
    return <NotAllowed role={ctx.role} who="owners and finance" what="close a month" backHref={`/o/${slug}`} />;
  const [organization, locale] = await Promise.all([getOrganization(ctx), getRequestLocale()]);
  const today = todayIn(organization.timeZone, await now());
  const label = monthLabel(month);
  const fy = fiscalYearOfMonth(month, organization.fiscalYearStartMonth);
  const back = `/o/${slug}/revenue?fy=${fy}`;
  const [figures, closed, checklist] = await Promise.all([
    getMonthFigures(ctx, organization.timeZone, [month]),
    closedMonths(ctx, [month]),
    getMonthCloseChecklist(ctx, slug, month),
  ]);
  const figure = figures[0];
  const money = (v: bigint) => formatMoney(v, organization.currency, { locale });
  const isOver = month < monthKey(today.year, today.month);
  const closedAt = closed.get(month);
  const blocking = checklist.items.filter((i) => i.blocking);
  const open = checklist.items.filter((i) => !i.blocking);
  return (
    <>
      <PageHeader
        title={`Close ${label}`}
        description={
          <Link href={back} className="text-accent-700 underline dark:text-accent-400">
            ← Targets and actuals
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="The month" className="min-w-0">
          <dl className="grid grid-cols-2 gap-y-1 text-sm tabular-nums">
            <dt className="text-zinc-600 dark:text-zinc-400">Target</dt>
            <dd className="text-right">
              {figure?.targetMinor === null || figure === undefined ? "—" : money(figure.targetMinor)}
            </dd>
            <dt className="text-zinc-600 dark:text-zinc-400">Actual</dt>
            <dd className="text-right">{figure ? money(figure.actualMinor) : "—"}</dd>
          </dl>
        </Card>
        <Card
          title="Still open"
          className="min-w-0 lg:col-span-2"
          description={
            checklist.items.length ? `What is not done for ${label}. Each link opens where it is done.` : undefined
          }
        >
          {checklist.items.length === 0 ? (
            <p className="text-sm" data-testid="checklist-clear">
              Nothing is open for {label}: every claim is reviewed, every dispute settled, every red month explained and
              every KPI has its value.
            </p>
          ) : (
            <div className="space-y-4 text-sm">
              {blocking.length > 0 && (
                <section aria-label="Blocks the close">
                  <h3 className="font-semibold text-red-800 dark:text-red-300">Blocks the close</h3>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    A closed month accepts no review, so these claims would never count.
                  </p>
                  <ul className="mt-1 list-disc space-y-1 pl-5">
                    {blocking.map((item) => (
                      <li key={`${item.kind}-${item.departmentId}`}>
                        <Link href={item.href} className="text-accent-700 underline dark:text-accent-400">
                          {closeItemText(item)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {open.length > 0 && (
                <section aria-label="Open, can be closed over">
                  <h3 className="font-semibold">Open, can be closed over</h3>
                  <ul className="mt-1 list-disc space-y-1 pl-5">
                    {open.map((item) => (
                      <li key={`${item.kind}-${item.departmentId}`}>
                        <Link href={item.href} className="text-accent-700 underline dark:text-accent-400">
                          {closeItemText(item)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          )}
        </Card>
      </div>
      <Card className="mt-6" title="Close">
        {closedAt ? (
          <p className="text-sm" role="status">
            {label} is closed.{" "}
            <Link href={back} className="text-accent-700 underline dark:text-accent-400">
              Back to targets and actuals
            </Link>
          </p>
        ) : !isOver ? (
          <p className="text-sm">{label} has not ended yet. It can be closed from the day after its last day.</p>
        ) : (
          <CloseMonthForm
            slug={slug}
            month={month}
            label={label}
            blockingCount={blocking.length}
            openCount={open.length}
          />
        )}
      </Card>
    </>
  );
}
