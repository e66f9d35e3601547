import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DialogButton } from "@/components/ui/dialog";
import { createKpiAction, restoreKpiAction, setKpiValuesAction } from "../actions";
import { ActionButton } from "./action-button";
import { KpiDefinitionForm } from "./kpi-definition-form";
import { KpiTable, type TKpiRow } from "./kpi-table";
import { KpiValuesForm, type TValueKpi, type TValueMonth } from "./kpi-values-form";
import { SectionFlash } from "./section-flash";
import { SectionActions } from "./section-actions";

type TProps = {
  slug: string;
  departmentId: string;
  departmentName: string;
  periodLabel: string;
  fiscalYearLabel: string;
  currency: string;
  rows: TKpiRow[];
  /** The values form: months that have started, the one to show first, and each KPI's inputs. */
  entry: { months: TValueMonth[]; defaultMonth: string | null; kpis: TValueKpi[] } | null;
  canDefine: boolean;
  /** Shown to owners, who may bring them back. */
  archived: { id: string; name: string }[];
};

const linkClass = "text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400";

/** KPIs with target, actual, RAG and trend; the head enters values and the owner defines the KPIs, each in a dialog. */
export function KpiSection({
  slug,
  departmentId,
  departmentName,
  periodLabel,
  fiscalYearLabel,
  currency,
  rows,
  entry,
  canDefine,
  archived,
}: TProps) {
  const importHref = `/o/${slug}/departments/${departmentId}/import`;
  const hasRows = rows.length > 0;
  const showEntry = entry !== null && hasRows;
  return (
    <Card
      id="kpis"
      title="KPIs"
      description={`${periodLabel}. Each KPI's figure sums, averages or takes the last of the period's months, as defined, and is rated against its target combined the same way; the marks beside it are each month's own status. Trend: ${fiscalYearLabel}, dashed line the target.`}
    >
      {(showEntry || canDefine) && (
        <SectionActions>
          {showEntry &&
            (entry.defaultMonth ? (
              <>
                <DialogButton
                  label="Enter KPI values"
                  variant="primary"
                  title="Enter KPI values"
                  description="One month at a time; a closed month is listed but cannot change."
                >
                  <KpiValuesForm
                    action={setKpiValuesAction.bind(null, slug, departmentId)}
                    months={entry.months}
                    defaultMonth={entry.defaultMonth}
                    kpis={entry.kpis}
                    importHref={importHref}
                  />
                </DialogButton>
                <Link href={importHref} className={linkClass}>
                  Import values from CSV
                </Link>
              </>
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Values can be entered once a month of {fiscalYearLabel} has started and while it is open.{" "}
                <Link href={importHref} className={linkClass}>
                  Import values from CSV
                </Link>
              </p>
            ))}
          {canDefine && (
            <DialogButton
              label={hasRows ? "Add a KPI" : "Add the first KPI"}
              title={hasRows ? "Add a KPI" : "Add the first KPI"}
              description="What the department measures each month, its target, and when it turns amber or red."
            >
              <KpiDefinitionForm
                action={createKpiAction.bind(null, slug, departmentId)}
                currency={currency}
                submitLabel="Add KPI"
              />
            </DialogButton>
          )}
        </SectionActions>
      )}
      <SectionFlash scope="kpis" />
      {hasRows ? (
        <KpiTable
          slug={slug}
          rows={rows}
          caption={`KPIs of ${departmentName}, ${periodLabel}`}
          currency={currency}
          canDefine={canDefine}
        />
      ) : (
        <div className="rounded-md border border-dashed border-zinc-300 px-4 py-8 text-center dark:border-zinc-700">
          <p className="font-medium">{departmentName} has no KPIs yet</p>
          <p className="mx-auto mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
            {canDefine
              ? "Add the first KPI: what the department measures each month, its target and when it turns amber or red."
              : "The owner sets each department's KPIs and targets. Once they do, the head enters monthly values here and the scorecard turns red, amber or green."}
          </p>
        </div>
      )}
      {canDefine && archived.length > 0 && (
        <div className="mt-4 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <h3 className="text-sm font-semibold">Archived KPIs</h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Their values are kept; they count in no status until restored.
          </p>
          <ul
            aria-label="Archived KPIs"
            className="mt-2 max-w-md divide-y divide-zinc-100 text-sm dark:divide-zinc-800"
          >
            {archived.map((kpi) => (
              <li key={kpi.id} className="flex items-center justify-between gap-3 py-1.5">
                <span>{kpi.name}</span>
                <ActionButton
                  scope="kpis"
                  action={restoreKpiAction.bind(null, slug, kpi.id)}
                  label="Restore"
                  ariaLabel={`Restore KPI ${kpi.name}`}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
