import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FlashRegion } from "@/components/ui/flash";
import type { TImportBatchItem } from "@/lib/csv/wire";
import { describeActor } from "@/lib/audit-trail";
import { formatMoney } from "@/lib/money";
import { monthLabel, type MonthKey } from "@/lib/period";
import { can } from "@/lib/permissions";
import { listImportBatches } from "@/server/revenue/import-batches";
import type { TTenantContext } from "@/server/tenant";
import { UndoImportButton } from "./undo-import-button";
import { getRequestLocale } from "@/server/locale";

const monthSpan = (months: MonthKey[]) => {
  const [first] = months;
  const last = months.at(-1);
  if (!first || !last) return "—";
  return first === last ? monthLabel(first) : `${monthLabel(first)} – ${monthLabel(last)}`;
};

function Skipped({ batch }: { batch: TImportBatchItem }) {
  if (!batch.skipped.length) return <span className="text-zinc-500">none</span>;
  return (
    <details>
      <summary className="cursor-pointer">{batch.skipped.length.toLocaleString("en-US")} skipped</summary>
      <ul className="mt-1 max-h-48 max-w-xs overflow-y-auto text-xs text-zinc-600 dark:text-zinc-400">
        {batch.skipped.map((s) => (
          <li key={s.line}>
            line {s.line}: {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function AlreadyImported({ batch }: { batch: TImportBatchItem }) {
  if (batch.kind === "opportunity")
    return batch.unchangedCount ? (
      `${batch.unchangedCount.toLocaleString("en-US")} unchanged`
    ) : (
      <span className="text-zinc-500">none</span>
    );
  if (!batch.duplicateCount) return <span className="text-zinc-500">none</span>;
  const count = batch.duplicateCount.toLocaleString("en-US");
  if (batch.kind === "kpi") return <>{count} unchanged</>;
  return <>{`${count} ${batch.duplicatesImported ? "imported anyway" : "skipped"}`}</>;
}

/** Who sent the batch: an API token by name, a member, or a member since removed. */
const batchAuthor = (batch: TImportBatchItem) =>
  batch.apiTokenName !== null
    ? describeActor({ kind: "token", name: batch.apiTokenName })
    : describeActor({ kind: "member", name: batch.createdBy });

function BatchRow({
  slug,
  batch,
  currency,
  when,
  canWrite,
  showMonths,
}: {
  slug: string;
  batch: TImportBatchItem;
  currency: string;
  when: Intl.DateTimeFormat;
  canWrite: boolean;
  showMonths: boolean;
}) {
  const closed = batch.closedMonths.length ? batch.closedMonths.map((m) => monthLabel(m)).join(", ") : null;
  const isKpi = batch.kind === "kpi";
  const isDeals = batch.kind === "opportunity";
  const dealCounts = [
    batch.newCount && `${batch.newCount.toLocaleString("en-US")} new`,
    batch.changedCount && `${batch.changedCount.toLocaleString("en-US")} changed`,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <tr aria-label={`Import ${batch.fileName}`}>
      <td className="min-w-36 py-2 pr-3 font-medium break-all">
        {batch.fileName}
        {isKpi && (
          <div className="text-xs font-normal text-zinc-500">
            KPI values{batch.department ? ` · ${batch.department.name}` : ""}
          </div>
        )}
        {isDeals && <div className="text-xs font-normal text-zinc-500">Deals (pipeline)</div>}
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {when.format(batch.createdAt)}
        <div className="text-xs text-zinc-500">{batchAuthor(batch)}</div>
      </td>
      {showMonths && <td className="py-2 pr-3 whitespace-nowrap">{monthSpan(batch.months)}</td>}
      <td className="py-2 pr-3 text-right">
        {batch.rowCount.toLocaleString("en-US")}
        {isDeals && dealCounts && <div className="text-xs whitespace-nowrap text-zinc-500">{dealCounts}</div>}
      </td>
      <td className="py-2 pr-3 text-right whitespace-nowrap">
        {isKpi ? <span className="text-zinc-500">—</span> : formatMoney(batch.totalMinor, currency)}
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">
        <AlreadyImported batch={batch} />
      </td>
      <td className="py-2 pr-3">
        <Skipped batch={batch} />
      </td>
      <td className="py-2 text-right">
        {canWrite && batch.undoRefusal && (
          <span className="text-xs text-zinc-500">{`Cannot be undone: ${batch.undoRefusal}`}</span>
        )}
        {canWrite && !batch.undoRefusal && (
          <UndoImportButton
            slug={slug}
            batchId={batch.id}
            fileName={batch.fileName}
            rowCount={batch.rowCount}
            closedMonthsLabel={closed}
            kind={batch.kind}
            deals={isDeals ? { newCount: batch.newCount, changedCount: batch.changedCount } : undefined}
          />
        )}
      </td>
    </tr>
  );
}

const HEADINGS = ["File", "Imported", "Months", "Rows", "Total", "Already imported", "Skipped lines", "Actions"];
// Deals have no months, and a deal "already imported" is one the file left as it was.
const DEAL_HEADINGS = ["File", "Imported", "Rows", "Total", "Unchanged", "Skipped lines", "Actions"];

/**
 * The organization's committed CSV imports (actuals, KPI values, deals), each with an undo for
 * those who may write what it imported. The revenue page shows them all; the pipeline import page
 * shows its own (`only="opportunity"`). The page already holds the organization; it passes the two
 * fields this list needs.
 */
export async function ImportBatches({
  slug,
  ctx,
  organization,
  only,
}: {
  slug: string;
  ctx: TTenantContext;
  organization: { currency: string; timeZone: string };
  only?: "opportunity";
}) {
  const kinds: TImportBatchItem["kind"][] = only ? [only] : ["revenue", "kpi", "opportunity"];
  const [batches, locale] = await Promise.all([
    listImportBatches(ctx, organization.timeZone, { kinds }),
    getRequestLocale(),
  ]);
  const canWrite = can(ctx, "actuals.write");
  // A KPI batch is undone by a writer of its department, a pipeline batch by whoever may import deals.
  const canUndo = (b: TImportBatchItem) =>
    b.kind === "kpi"
      ? can(ctx, "department.write", b.department?.id)
      : b.kind === "opportunity"
        ? can(ctx, "pipeline.write")
        : canWrite;
  // The reader's locale, like every other date on the pages.
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: organization.timeZone,
  });
  const importLink = !only && canWrite && (
    <Link
      href={`/o/${slug}/revenue/import`}
      className="text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline"
    >
      Import a CSV →
    </Link>
  );
  // One Card whatever the contents, so the flash region survives the last batch being undone.
  const description = only ? (
    batches.length ? (
      "Each imported CRM export is one batch. Undoing it removes the deals it added and restores the ones it changed; both are kept in the deals' history."
    ) : (
      "Each CRM export you import appears here, one line per file, with an undo."
    )
  ) : batches.length ? (
    <>
      Each imported file (actuals, KPI values or deals) is one batch; rows already imported are skipped, and undoing a
      batch takes back everything it wrote. {importLink}
    </>
  ) : (
    "Actuals imported from order or invoice exports, KPI values imported by departments, and deals imported from CRM exports appear here, one line per file."
  );
  return (
    <Card title={only ? "Imported deal files" : "Imports"} description={description}>
      <FlashRegion />
      {!batches.length && <p className="text-sm text-zinc-600 dark:text-zinc-400">No imports yet. {importLink}</p>}
      {batches.length > 0 && (
        <ScrollRegion label="Imports table" className="relative overflow-x-auto">
          <table className="w-full text-sm tabular-nums">
            <caption className="sr-only">Imported files</caption>
            <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
              <tr>
                {(only ? DEAL_HEADINGS : HEADINGS).map((h) => (
                  <th
                    key={h}
                    scope="col"
                    className={`py-1.5 pr-3 font-medium ${h === "Rows" || h === "Total" ? "text-right" : ""}`}
                  >
                    {h === "Actions" ? <span className="sr-only">{h}</span> : h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
              {batches.map((b) => (
                <BatchRow
                  key={b.id}
                  slug={slug}
                  batch={b}
                  currency={organization.currency}
                  when={when}
                  canWrite={canUndo(b)}
                  showMonths={!only}
                />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );
}
