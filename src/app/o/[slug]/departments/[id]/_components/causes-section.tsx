import Link from "next/link";
import type { AttributionStatus, CauseKind } from "@db/enums";
import { Card } from "@/components/ui/card";
import { disputeCauseAction, settleCauseAction } from "../actions";
import { DisputeCauseForm, SettleCauseForm } from "./cause-forms";
import { ExpandableRow } from "./expandable-row";
import { AttributionStatusBadge } from "./record-badges";
import { SectionFlash } from "./section-flash";

type TNote = { reason: string; by: string; at: string };

export type TCauseRow = {
  id: string;
  opportunityId: string;
  dealName: string;
  account: string;
  kind: CauseKind;
  monthLabel: string;
  /** −amount, as the bridge counts it. */
  amount: string;
  cause: string;
  status: AttributionStatus;
  chargedBy: string | null;
  dispute: TNote | null;
  settlement: TNote | null;
  /** A contribution linked to the deal that replaces it in the bridge (CONFIRMED) or would once counted (CLAIMED). */
  replacedBy: "CONFIRMED" | "CLAIMED" | null;
};

const KIND_LABELS: Record<CauseKind, string> = { LOST: "Lost", SLIPPED: "Slipped" };
const td = "px-2 py-1.5 align-top";

function Note({ title, note }: { title: string; note: TNote }) {
  return (
    <span className="mt-1 block min-w-48 max-w-80 text-xs text-zinc-600 dark:text-zinc-400">
      {title} by {note.by}, {note.at}: “{note.reason}”
    </span>
  );
}

function Cells({ slug, row }: { slug: string; row: TCauseRow }) {
  return (
    <>
      <td className={td}>
        <Link
          href={`/o/${slug}/pipeline/${row.opportunityId}`}
          className="font-medium text-accent-700 hover:underline dark:text-accent-400"
        >
          {row.dealName}
        </Link>
        <span className="block text-xs text-zinc-500">{row.account}</span>
      </td>
      <td className={td}>{KIND_LABELS[row.kind]}</td>
      <td className={`${td} whitespace-nowrap`}>{row.monthLabel}</td>
      <td className={`${td} text-right whitespace-nowrap`}>
        <span
          className={
            row.status === "OVERTURNED" || row.replacedBy === "CONFIRMED"
              ? "font-medium text-zinc-400 line-through"
              : "font-medium"
          }
        >
          {row.amount}
        </span>
        <span className="block text-xs text-zinc-500">
          {row.status === "OVERTURNED"
            ? "not counted"
            : row.replacedBy === "CONFIRMED"
              ? "replaced by a contribution"
              : row.replacedBy === "CLAIMED"
                ? "a claimed contribution explains it"
                : "counts in the bridge"}
        </span>
      </td>
      <td className={td}>{row.cause}</td>
      <td className={td}>
        <AttributionStatusBadge status={row.status} />
        {row.dispute && <Note title="Disputed" note={row.dispute} />}
        {row.settlement && <Note title={row.status === "UPHELD" ? "Upheld" : "Overturned"} note={row.settlement} />}
      </td>
      <td className={`${td} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>{row.chargedBy ?? "—"}</td>
    </>
  );
}

/**
 * The deals lost or slipped in the period with this department named responsible. Its head
 * disputes an attribution with a reason; finance or the owner settles it. Disputed ones keep
 * counting in the bridge until settled; overturned ones leave it.
 */
export function CausesSection({
  slug,
  departmentName,
  periodLabel,
  rows,
  canDispute,
  canSettle,
}: {
  slug: string;
  departmentName: string;
  periodLabel: string;
  rows: TCauseRow[];
  canDispute: boolean;
  canSettle: boolean;
}) {
  return (
    <Card
      id="causes"
      title={`Lost and slipped deals charged to ${departmentName}`}
      description={`${periodLabel}. A lost deal counts −amount in the month it was expected to close; a slipped one in the month it slipped out of. A contribution linked to the deal replaces it once counted.`}
    >
      <SectionFlash scope="causes" />
      {rows.length === 0 ? (
        <p
          className="rounded-md border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
          data-testid="causes-empty"
        >
          No deal lost or slipped in {periodLabel} names {departmentName} responsible. When a sales manager charges one
          here, it shows up with its cause, and the head can dispute it.
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm" data-testid="causes-table">
            <caption className="sr-only">
              Lost and slipped deals charged to {departmentName}, {periodLabel}
            </caption>
            <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
              <tr>
                <th scope="col" className="px-2 py-2 font-medium">
                  Deal
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Kind
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Month
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  Amount
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Cause
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Status
                </th>
                <th scope="col" className="px-2 py-2 font-medium">
                  Charged by
                </th>
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const mayDispute = canDispute && row.status === "ATTRIBUTED";
                const maySettle = canSettle && row.status === "DISPUTED";
                if (!mayDispute && !maySettle) {
                  return (
                    <tr key={row.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                      <Cells slug={slug} row={row} />
                      <td className={td} />
                    </tr>
                  );
                }
                const label = `${KIND_LABELS[row.kind].toLowerCase()} deal “${row.dealName}”`;
                const toggle = mayDispute ? "Dispute" : "Settle";
                return (
                  <ExpandableRow
                    key={row.id}
                    cells={<Cells slug={slug} row={row} />}
                    toggleLabel={toggle}
                    toggleAriaLabel={`${toggle}: ${label}`}
                    colSpan={8}
                    expansion={
                      <div className="max-w-2xl">
                        {mayDispute ? (
                          <DisputeCauseForm
                            action={disputeCauseAction.bind(null, slug)}
                            causeId={row.id}
                            label={label}
                          />
                        ) : (
                          <SettleCauseForm action={settleCauseAction.bind(null, slug)} causeId={row.id} label={label} />
                        )}
                      </div>
                    }
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
