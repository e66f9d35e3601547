"use client";

import Link from "next/link";
import { Fragment, useState, useTransition, type ReactNode } from "react";
import type { FieldErrors } from "@/lib/action-result";
import { updateOpportunityAction } from "../actions";
import { CausePanel } from "./cause-panel";
import { OutcomeBadge, NoAmountBadge, StaleBadge } from "./badges";
import type { TEditOptions, TOption, TRowView } from "./types";

const cellInput =
  "w-full min-w-0 rounded border border-transparent bg-transparent px-1.5 py-1 text-sm hover:border-zinc-300 focus:border-accent-500 focus:outline-none aria-invalid:border-red-600 dark:hover:border-zinc-700";

type TField = "stageId" | "amount" | "probability" | "forecastCategory" | "expectedCloseDate" | "ownerId";
type TAsk = { field: TField; value: string; message: string; errors?: FieldErrors };

const COLUMNS = 9;

/**
 * One deal of the table. With `canEdit` its cells are inline editors, each saving only its own
 * field; when the server asks for a cause (a lost deal, a close date slipping out of the quarter)
 * a panel opens under the row and the same change is sent again with the cause.
 */
export function PipelineRow({ slug, row, canEdit, options }: { slug: string; row: TRowView; canEdit: boolean; options: TEditOptions }) {
  const [isPending, startTransition] = useTransition();
  const [ask, setAsk] = useState<TAsk | null>(null);
  const [error, setError] = useState<{ field: TField; message: string } | null>(null);
  // Bumped to put the editors back to the saved values (a cancelled change).
  const [version, setVersion] = useState(0);
  // The deal's version this row last saw: its own saves move it before the refreshed page arrives.
  const [saved, setSaved] = useState({ from: row.version, version: row.version });
  const dealVersion = saved.from === row.version ? Math.max(saved.version, row.version) : row.version;

  const save = (field: TField, value: string, cause?: { lossCauseId: string; responsibleDepartmentId: string }) =>
    startTransition(async () => {
      const result = await updateOpportunityAction(slug, { opportunityId: row.id, version: dealVersion, [field]: value, ...cause });
      if (result.ok) {
        setSaved({ from: row.version, version: result.data.version });
        setAsk(null);
        setError(null);
        return;
      }
      const fe = result.fieldErrors;
      if (fe?.lossCauseId || fe?.responsibleDepartmentId) {
        setError(null);
        setAsk({ field, value, message: result.message, errors: cause ? fe : undefined });
        return;
      }
      setError({ field, message: fe?.[field]?.[0] ?? result.message });
    });

  const errorFor = (field: TField) =>
    error?.field === field ? (
      <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
        {error.message}
      </p>
    ) : null;

  const select = (field: TField, value: string, list: TOption[], label: string) => (
    <select
      key={`${field}:${value}:${version}`}
      aria-label={`${label} of ${row.name}`}
      defaultValue={value}
      disabled={isPending}
      aria-invalid={error?.field === field || undefined}
      className={cellInput}
      onChange={(e) => save(field, e.target.value)}
    >
      {list.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  const input = (field: TField, value: string, label: string, props: { type?: string; inputMode?: "decimal"; className?: string }) => (
    <input
      key={`${field}:${value}:${version}`}
      aria-label={`${label} of ${row.name}`}
      defaultValue={value}
      disabled={isPending}
      aria-invalid={error?.field === field || undefined}
      type={props.type ?? "text"}
      inputMode={props.inputMode}
      className={`${cellInput} ${props.className ?? ""}`}
      onBlur={(e) => {
        if (e.target.value.trim() !== value) save(field, e.target.value.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") {
          e.currentTarget.value = value;
          e.currentTarget.blur();
        }
      }}
    />
  );

  const cell = (children: ReactNode, className = "") => <td className={`px-2 py-1.5 align-top ${className}`}>{children}</td>;

  return (
    <Fragment>
      <tr className="border-b border-zinc-100 dark:border-zinc-800" aria-busy={isPending || undefined}>
        {cell(
          <>
            <Link prefetch={false} href={`/o/${slug}/pipeline/${row.id}`} className="font-medium text-accent-700 hover:underline dark:text-accent-400">
              {row.name}
            </Link>{" "}
            <OutcomeBadge outcome={row.outcome} />
          </>,
          "min-w-44",
        )}
        {cell(row.account, "min-w-28")}
        {cell(
          canEdit ? (
            <>
              {input("amount", row.amountText, "Amount", { inputMode: "decimal", className: "text-right tabular-nums" })}
              {row.amountMissing && <NoAmountBadge />}
              {errorFor("amount")}
            </>
          ) : row.amountMissing ? (
            <NoAmountBadge />
          ) : (
            row.amountLabel
          ),
          "min-w-28 text-right tabular-nums",
        )}
        {cell(canEdit ? <>{select("stageId", row.stageId, options.stages, "Stage")}{errorFor("stageId")}</> : row.stageName, "min-w-32")}
        {cell(canEdit ? <>{input("probability", row.probabilityText, "Probability", { inputMode: "decimal", className: "w-16 text-right tabular-nums" })}{errorFor("probability")}</> : `${row.probabilityText} %`, "text-right tabular-nums")}
        {cell(canEdit ? <>{select("forecastCategory", row.forecastCategory, options.categories, "Forecast category")}{errorFor("forecastCategory")}</> : row.forecastCategoryLabel, "min-w-28")}
        {cell(
          <>
            {canEdit ? input("expectedCloseDate", row.expectedCloseDate, "Expected close", { type: "date" }) : row.expectedCloseDate}
            {row.isStale && <StaleBadge />}
            {errorFor("expectedCloseDate")}
          </>,
          "min-w-36 tabular-nums",
        )}
        {cell(canEdit ? <>{select("ownerId", row.ownerId, options.owners, "Owner")}{errorFor("ownerId")}</> : row.ownerName, "min-w-32")}
        {cell(row.sourceDepartmentName ?? <span className="text-zinc-400">—</span>, "min-w-28")}
      </tr>
      {ask && (
        <tr>
          <td colSpan={COLUMNS} className="px-2 pb-3">
            {/* Pinned to the visible part of a sideways-scrolled table, and never wider than it. */}
            <div className="sticky left-2 max-w-[min(48rem,calc(100vw-4rem))]">
              <CausePanel
                dealName={row.name}
                message={ask.message}
                errors={ask.errors}
                lossCauses={options.lossCauses}
                departments={options.departments}
                isPending={isPending}
                onSubmit={(cause) => save(ask.field, ask.value, cause)}
                onCancel={() => {
                  setAsk(null);
                  setVersion((v) => v + 1);
                }}
              />
            </div>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
