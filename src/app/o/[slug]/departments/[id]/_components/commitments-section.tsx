import type { CommitmentStatus } from "@db/enums";
import { Card } from "@/components/ui/card";
import { DialogButton } from "@/components/ui/dialog";
import { createCommitmentAction, reopenCommitmentAction, resolveCommitmentAction } from "../actions";
import { ActionButton } from "./action-button";
import { CommitmentForm } from "./commitment-form";
import { ExpandableRow } from "./expandable-row";
import { CommitmentStatusBadge, OverdueBadge } from "./record-badges";
import { ResolveCommitmentForm } from "./resolve-commitment-form";
import { SectionActions } from "./section-actions";
import { SectionFlash } from "./section-flash";

export type TCommitmentRow = {
  id: string;
  version: number;
  title: string;
  owner: string;
  due: string;
  isOverdue: boolean;
  expected: string;
  delivered: string;
  status: CommitmentStatus;
};
export type TAccuracySummary = {
  hitRate: string;
  hitRateDetail: string;
  delivered: string;
  deliveredDetail: string;
  open: number;
  overdue: number;
};

type TProps = {
  slug: string;
  departmentId: string;
  currency: string;
  rows: TCommitmentRow[];
  accuracy: TAccuracySummary;
  members: { id: string; name: string }[];
  defaultOwnerId: string;
  canWrite: boolean;
};

const td = "px-2 py-1.5 align-top";

function Cells({ row }: { row: TCommitmentRow }) {
  return (
    <>
      <th scope="row" className={`${td} min-w-48 text-left font-medium`}>
        {row.title}
      </th>
      <td className={`${td} whitespace-nowrap`}>{row.owner}</td>
      <td className={`${td} whitespace-nowrap`}>
        {row.due}
        {row.isOverdue && (
          <span className="ml-2">
            <OverdueBadge />
          </span>
        )}
      </td>
      <td className={`${td} text-right whitespace-nowrap`}>{row.expected}</td>
      <td className={`${td} text-right whitespace-nowrap`}>{row.delivered}</td>
      <td className={td}>
        <CommitmentStatusBadge status={row.status} />
      </td>
    </>
  );
}

function Accuracy({ accuracy }: { accuracy: TAccuracySummary }) {
  const item = "rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800";
  return (
    <dl className="mb-4 grid grid-cols-2 gap-2 text-sm md:grid-cols-4" aria-label="Commitment accuracy, all time">
      <div className={item}>
        <dt className="text-xs text-zinc-500">Hit rate</dt>
        <dd className="font-semibold">{accuracy.hitRate}</dd>
        <dd className="text-xs text-zinc-500">{accuracy.hitRateDetail}</dd>
      </div>
      <div className={item}>
        <dt className="text-xs text-zinc-500">Delivered vs promised</dt>
        <dd className="font-semibold">{accuracy.delivered}</dd>
        <dd className="text-xs text-zinc-500">{accuracy.deliveredDetail}</dd>
      </div>
      <div className={item}>
        <dt className="text-xs text-zinc-500">Open</dt>
        <dd className="font-semibold">{accuracy.open}</dd>
      </div>
      <div className={item}>
        <dt className="text-xs text-zinc-500">Overdue</dt>
        <dd className="font-semibold">{accuracy.overdue}</dd>
      </div>
    </dl>
  );
}

/** What the department promised to close its part of the gap, and how well it keeps its promises. */
export function CommitmentsSection({
  slug,
  departmentId,
  currency,
  rows,
  accuracy,
  members,
  defaultOwnerId,
  canWrite,
}: TProps) {
  return (
    <Card
      id="commitments"
      title="Commitments"
      description="Actions the department promised, all time. Accuracy counts done against missed, and revenue delivered against promised."
    >
      {canWrite && (
        <SectionActions>
          <DialogButton
            label="Add a commitment"
            title="Add a commitment"
            description="What the department will do to close its part of the gap: who, by when, worth how much."
          >
            <CommitmentForm
              action={createCommitmentAction.bind(null, slug, departmentId)}
              members={members}
              defaultOwnerId={defaultOwnerId}
              currency={currency}
            />
          </DialogButton>
        </SectionActions>
      )}
      <SectionFlash scope="commitments" />
      <Accuracy accuracy={accuracy} />
      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No commitments yet.{" "}
          {canWrite
            ? "Add what the department will do to close its part of the gap."
            : "The department head adds what the department will do to close its part of the gap."}
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm" data-testid="commitments-table">
            <caption className="sr-only">Commitments</caption>
            <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
              <tr>
                <th scope="col" className="px-2 py-2 font-medium">
                  Action
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Owner
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Due
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  Expected
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  Delivered
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Status
                </th>
                {canWrite && (
                  <th scope="col" className="px-2 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) =>
                canWrite && row.status === "OPEN" ? (
                  <ExpandableRow
                    key={row.id}
                    cells={<Cells row={row} />}
                    toggleLabel="Resolve"
                    toggleAriaLabel={`Resolve commitment “${row.title}”`}
                    colSpan={7}
                    expansion={
                      <ResolveCommitmentForm
                        action={resolveCommitmentAction.bind(null, slug)}
                        commitmentId={row.id}
                        version={row.version}
                        title={row.title}
                        currency={currency}
                        expected={row.expected}
                      />
                    }
                  />
                ) : (
                  <tr key={row.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    <Cells row={row} />
                    {canWrite && (
                      <td className={`${td} text-right`}>
                        <ActionButton
                          scope="commitments"
                          action={reopenCommitmentAction.bind(null, slug, row.id)}
                          label="Reopen"
                          ariaLabel={`Reopen commitment “${row.title}”`}
                        />
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
