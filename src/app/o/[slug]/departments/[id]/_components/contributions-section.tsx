import type { ContributionStatus } from "@db/enums";
import { Card } from "@/components/ui/card";
import { DialogButton } from "@/components/ui/dialog";
import {
  logContributionAction,
  reviewContributionAction,
  reviseContributionAction,
  withdrawContributionAction,
} from "../actions";
import { ActionButton } from "./action-button";
import { ContributionForm, type TContributionDraft } from "./contribution-form";
import { ContributionHistory, type THistoryEntry } from "./contribution-history";
import { ExpandableRow } from "./expandable-row";
import type { TMonthOption } from "./month-select";
import { ContributionStatusBadge } from "./record-badges";
import { ReviewContributionForm } from "./review-contribution-form";
import { SectionActions } from "./section-actions";
import { SectionFlash } from "./section-flash";

export type TContributionRow = {
  id: string;
  monthLabel: string;
  category: string;
  amount: string;
  isPositive: boolean;
  description: string;
  evidenceUrl: string | null;
  status: ContributionStatus;
  reviewNote: string | null;
  loggedBy: string;
  isClosed: boolean;
  /** The deal it explains, if any. */
  deal: string | null;
  history: THistoryEntry[];
  draft: TContributionDraft;
};

type TProps = {
  slug: string;
  departmentId: string;
  periodLabel: string;
  currency: string;
  rows: TContributionRow[];
  months: TMonthOption[];
  defaultMonth: string | null;
  categories: { id: string; name: string }[];
  deals: { value: string; label: string }[];
  canWrite: boolean;
  canReview: boolean;
};

const td = "px-2 py-1.5 align-top";

function Cells({ row }: { row: TContributionRow }) {
  return (
    <>
      <td className={`${td} whitespace-nowrap`}>{row.monthLabel}</td>
      <td className={td}>{row.category}</td>
      <td className={`${td} text-right whitespace-nowrap`}>
        <span className="font-medium">{row.amount}</span>
        <span className="block text-xs text-zinc-500">{row.isPositive ? "purified" : "tainted"}</span>
      </td>
      <td className={td}>
        <ContributionStatusBadge status={row.status} />
        {row.reviewNote && (
          <span className="mt-1 block min-w-28 max-w-56 text-xs text-zinc-600 dark:text-zinc-400">
            {row.reviewNote}
          </span>
        )}
      </td>
      <td className={`${td} min-w-48`}>
        {row.description}
        {row.deal && <span className="mt-0.5 block text-xs text-zinc-500">Deal: {row.deal}</span>}
      </td>
      <td className={td}>
        {row.evidenceUrl ? (
          <a
            href={row.evidenceUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-accent-600 hover:underline dark:text-accent-400"
          >
            Evidence
          </a>
        ) : (
          <span className="text-zinc-400">—</span>
        )}
      </td>
      <td className={`${td} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>{row.loggedBy}</td>
    </>
  );
}

function Expansion({ slug, row, props }: { slug: string; row: TContributionRow; props: TProps }) {
  const canRevise = props.canWrite && row.status !== "CONFIRMED" && !row.isClosed;
  const canReview = props.canReview && row.status === "CLAIMED" && !row.isClosed;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div>
        <h3 className="mb-2 text-sm font-semibold">History</h3>
        <ContributionHistory entries={row.history} />
        {row.isClosed && (
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
            {row.monthLabel} is closed: this contribution can no longer change.
          </p>
        )}
        {!row.isClosed && row.status === "CONFIRMED" && (
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
            Confirmed contributions are settled and no longer change.
          </p>
        )}
      </div>
      {(canReview || canRevise) && (
        <div className="space-y-5">
          {canReview && (
            <div>
              <h3 className="mb-2 text-sm font-semibold">Review</h3>
              <ReviewContributionForm
                action={reviewContributionAction.bind(null, slug)}
                contributionId={row.id}
                version={row.draft.version}
                label={`contribution “${row.description}”`}
              />
            </div>
          )}
          {canRevise && (
            <div>
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold">
                  Revise{row.status === "DISPUTED" ? " and send back to finance" : ""}
                </h3>
                <ActionButton
                  scope="contributions"
                  action={withdrawContributionAction.bind(null, slug, row.id)}
                  label="Withdraw"
                  confirm="Confirm withdrawal"
                  ariaLabel={`Withdraw contribution “${row.description}”`}
                  variant="danger"
                />
              </div>
              <ContributionForm
                action={reviseContributionAction.bind(null, slug)}
                months={props.months}
                defaultMonth={row.draft.month}
                categories={props.categories}
                currency={props.currency}
                deals={props.deals}
                draft={row.draft}
              />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * The period's contributions with their review status and history. The head logs, revises and
 * withdraws them; finance or the owner confirms or disputes the claimed ones.
 */
export function ContributionsSection(props: TProps) {
  const {
    slug,
    departmentId,
    periodLabel,
    currency,
    rows,
    months,
    defaultMonth,
    categories,
    deals,
    canWrite,
    canReview,
  } = props;
  return (
    <Card
      id="contributions"
      title="Contributions"
      description={`${periodLabel}. Each is an estimate of revenue the department added (purified) or cost (tainted). Only confirmed ones count in the gap bridge.`}
    >
      {canWrite && (
        <SectionActions>
          {defaultMonth && categories.length ? (
            <DialogButton
              label="Log a contribution"
              title="Log a contribution"
              description="Revenue the department added (purified) or cost (tainted) in a month. It counts once finance confirms it."
            >
              <ContributionForm
                action={logContributionAction.bind(null, slug, departmentId)}
                months={months}
                defaultMonth={defaultMonth}
                categories={categories}
                currency={currency}
                deals={deals}
              />
            </DialogButton>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {defaultMonth
                ? "This department kind has no contribution categories; the owner adds them in settings."
                : "Contributions can be logged once a month of the fiscal year has started and while it is open."}
            </p>
          )}
        </SectionActions>
      )}
      <SectionFlash scope="contributions" />
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No contributions in {periodLabel}.{" "}
          {canWrite
            ? "Log one when the department moved revenue up or down."
            : "The department head logs them; finance confirms or disputes each."}
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm" data-testid="contributions-table">
            <caption className="sr-only">Contributions, {periodLabel}</caption>
            <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
              <tr>
                <th scope="col" className="px-2 py-2 font-medium">
                  Month
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Category
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  Amount
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Description
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Evidence
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Logged by
                </th>
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">History and actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const toggle =
                  canReview && row.status === "CLAIMED" && !row.isClosed
                    ? "Review"
                    : canWrite && row.status !== "CONFIRMED" && !row.isClosed
                      ? "Revise"
                      : "History";
                return (
                  <ExpandableRow
                    key={row.id}
                    cells={<Cells row={row} />}
                    toggleLabel={toggle}
                    toggleAriaLabel={`${toggle}: contribution “${row.description}”`}
                    colSpan={8}
                    expansion={<Expansion slug={slug} row={row} props={props} />}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
