import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/card";
import { Tile } from "@/components/dashboard/tile";
import type { TRag } from "@/lib/kpi";
import { RagBadge } from "../../_components/rag-badge";
import { plural } from "@/lib/format";

export type THeaderImpact = {
  /** What the bridge counts: confirmed contributions plus pipeline causes. */
  confirmed: { compact: string; exact: string };
  parts: { contributions: string; pipeline: string };
  disputedDeals: { exact: string; count: number };
  claimed: { compact: string; exact: string; count: number };
  disputed: { compact: string; exact: string; count: number };
};

/** The KPI that sets the period's status, and how far it is from its target. */
export type TWorstKpi = { name: string; detail: string };

/** Name, kind and period; the period's status and the department's net revenue impact in it. */
export function ScorecardHeader({
  slug,
  name,
  kindLabel,
  periodLabel,
  isArchived,
  status,
  worst,
  impact,
  picker,
}: {
  slug: string;
  name: string;
  kindLabel: string;
  periodLabel: string;
  isArchived: boolean;
  status: TRag | null;
  worst: TWorstKpi | null;
  impact: THeaderImpact;
  picker: ReactNode;
}) {
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={`/o/${slug}/departments`} className="text-accent-600 hover:underline dark:text-accent-400">
          ← Departments
        </Link>
      </p>
      <PageHeader
        title={name}
        description={`${kindLabel} department scorecard · ${periodLabel}${isArchived ? " · archived" : ""}`}
        actions={picker}
      />
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <div
          className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
          data-testid="tile-status"
        >
          <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Status · {periodLabel}</dt>
          <dd className="mt-2">
            <RagBadge rag={status} empty="No KPI values yet" />
          </dd>
          {worst ? (
            <dd className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="worst-kpi">
              Worst KPI: <span className="font-medium text-zinc-900 dark:text-zinc-100">{worst.name}</span>
              <span className="block tabular-nums">{worst.detail}</span>
            </dd>
          ) : (
            <dd className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">The worst KPI of the period sets it</dd>
          )}
        </div>
        <Tile
          testId="tile-confirmed"
          label="Net impact in the gap bridge"
          value={impact.confirmed.compact}
          exact={impact.confirmed.exact}
          detail={
            <span data-testid="impact-parts">
              Contributions {impact.parts.contributions} · lost and slipped deals {impact.parts.pipeline}
            </span>
          }
        />
        <Tile
          testId="tile-claimed"
          label="Claimed, awaiting review"
          value={impact.claimed.compact}
          exact={impact.claimed.exact}
          detail={plural(impact.claimed.count, "contribution")}
        />
        <Tile
          testId="tile-disputed"
          label="Disputed"
          value={impact.disputed.compact}
          exact={impact.disputed.exact}
          detail={
            <>
              {plural(impact.disputed.count, "contribution")}
              {impact.disputedDeals.count > 0 && (
                <span className="block">
                  {plural(impact.disputedDeals.count, "deal")} awaiting settlement ({impact.disputedDeals.exact}, still
                  counted)
                </span>
              )}
            </>
          }
        />
      </dl>
    </>
  );
}
