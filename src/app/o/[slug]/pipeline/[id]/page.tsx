import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { monthLabel, dbDateToMonth } from "@/lib/period";
import { FORECAST_CATEGORY_LABELS } from "@/lib/pipeline-filters";
import { getRequestLocale } from "@/server/locale";
import { getOrganization } from "@/server/organizations/queries";
import { getOpportunityDetail, type TOpportunityDetail } from "@/server/pipeline/detail";
import { getTenantContext } from "@/server/tenant-context";
import { isRecordId } from "@/lib/search-params";
import { NoAmountBadge, OutcomeBadge } from "../_components/badges";

export const metadata: Metadata = { title: "Deal" };

const FIELD_LABELS: Record<string, string> = {
  created: "Created",
  importUndone: "Import undone",
  name: "Name",
  account: "Account",
  amountMinor: "Amount",
  stageId: "Stage",
  probabilityBp: "Probability",
  forecastCategory: "Forecast category",
  expectedCloseDate: "Expected close",
  ownerId: "Owner",
  sourceDepartmentId: "Source department",
  externalId: "External id",
};

const STATUS_LABELS = {
  ATTRIBUTED: "Attributed",
  DISPUTED: "Disputed",
  UPHELD: "Upheld",
  OVERTURNED: "Overturned",
} as const;

/** A history value as a person reads it: money formatted, ids as names, probabilities as %. */
function valueText(
  field: string,
  value: unknown,
  names: TOpportunityDetail["names"],
  currency: string,
  locale: string,
): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = String(value);
  switch (field) {
    case "amountMinor":
      return /^-?\d+$/.test(text) ? formatMoney(BigInt(text), currency, { locale }) : text;
    case "probabilityBp":
      return `${Number(text) / 100} %`;
    case "stageId":
      return names.stages[text] ?? "(removed stage)";
    case "ownerId":
      return names.users[text] ?? "(former member)";
    case "sourceDepartmentId":
      return names.departments[text] ?? "(removed department)";
    case "forecastCategory":
      return FORECAST_CATEGORY_LABELS[text as keyof typeof FORECAST_CATEGORY_LABELS] ?? text;
    default:
      return text;
  }
}

export default async function DealPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const ctx = await getTenantContext(slug);
  if (!isRecordId(id)) notFound();
  const [detail, organization, locale] = await Promise.all([
    getOpportunityDetail(ctx, id),
    getOrganization(ctx),
    getRequestLocale(),
  ]);
  if (!detail) notFound();
  const { opportunity: deal, changes, causes, names } = detail;
  const currency = organization.currency;
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: organization.timeZone,
  });
  const facts: [string, ReactNode][] = [
    ["Account", deal.account],
    [
      "Amount",
      deal.amountMissing ? <NoAmountBadge key="no-amount" /> : formatMoney(deal.amountMinor, currency, { locale }),
    ],
    ["Stage", deal.stage.name],
    ["Probability", `${deal.probabilityBp / 100} %`],
    ["Forecast category", FORECAST_CATEGORY_LABELS[deal.forecastCategory]],
    ["Expected close", deal.expectedCloseDate.toISOString().slice(0, 10)],
    ["Owner", deal.owner.name],
    ["Source department", deal.sourceDepartment?.name ?? "—"],
    ["External id", deal.externalId ?? "—"],
  ];
  return (
    <>
      <Link href={`/o/${slug}/pipeline`} className="text-sm text-accent-700 hover:underline dark:text-accent-400">
        ← Pipeline
      </Link>
      <PageHeader
        title={deal.name}
        description={
          <>
            Deal with {deal.account} <OutcomeBadge outcome={deal.outcome} />
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div
            key={label}
            className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <dt className="text-xs font-medium text-zinc-500">{label}</dt>
            <dd className="mt-0.5 text-sm font-semibold break-words">{value}</dd>
          </div>
        ))}
      </dl>

      <Card
        title="Causes"
        description="Who answers for this deal being lost or slipping, and where the attribution stands."
        className="mb-6"
      >
        {causes.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No cause recorded: the deal has not been lost or slipped out of a quarter.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Causes of {deal.name}</caption>
              <thead className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
                <tr>
                  {[
                    "Kind",
                    "Month",
                    "Cause",
                    "Responsible department",
                    "Amount",
                    "Status",
                    "Dispute",
                    "Settlement",
                  ].map((h) => (
                    <th
                      key={h}
                      scope="col"
                      className={`px-2 py-1.5 font-medium whitespace-nowrap ${h === "Amount" ? "text-right" : ""}`}
                    >
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {causes.map((c) => (
                  <tr key={c.id} className="border-b border-zinc-100 align-top dark:border-zinc-800">
                    <td className="px-2 py-1.5">{c.kind === "LOST" ? "Lost" : "Slipped"}</td>
                    <td className="px-2 py-1.5 whitespace-nowrap">{monthLabel(dbDateToMonth(c.month))}</td>
                    <td className="px-2 py-1.5 min-w-40">{c.lossCause.name}</td>
                    <td className="px-2 py-1.5">{c.responsibleDepartment.name}</td>
                    <td className="px-2 py-1.5 text-right tabular-nums whitespace-nowrap">
                      {formatMoney(c.amountMinor, currency, { locale })}
                    </td>
                    <td className="px-2 py-1.5">{STATUS_LABELS[c.status]}</td>
                    <td className="px-2 py-1.5 min-w-48">
                      {c.disputeReason
                        ? `${c.disputeReason}${c.disputedById ? ` (${names.users[c.disputedById] ?? "former member"})` : ""}`
                        : "—"}
                    </td>
                    <td className="px-2 py-1.5 min-w-48">
                      {c.settleReason
                        ? `${c.settleReason}${c.settledById ? ` (${names.users[c.settledById] ?? "former member"})` : ""}`
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card
        title="History"
        description="Every save of this deal: who made it, when, and each field's old and new value."
      >
        <ol className="space-y-3">
          {changes.map((change) => {
            const fields = Object.entries(change.changes as Record<string, [unknown, unknown]>);
            return (
              <li key={change.id} className="border-b border-zinc-100 pb-3 last:border-0 dark:border-zinc-800">
                <p className="text-xs text-zinc-500">
                  {change.changedBy?.name ?? "Import or former member"} ·{" "}
                  <time dateTime={change.changedAt.toISOString()}>{when.format(change.changedAt)}</time>
                </p>
                <ul className="mt-1 space-y-0.5 text-sm">
                  {fields.map(([field, pair]) => (
                    <li key={field}>
                      <span className="font-medium">{FIELD_LABELS[field] ?? field}</span>:{" "}
                      {field === "created" ? (
                        "deal added"
                      ) : field === "importUndone" ? (
                        `${String(pair?.[0] ?? "a file")}: its changes reverted`
                      ) : (
                        <>
                          {valueText(field, pair?.[0], names, currency, locale)} →{" "}
                          {valueText(field, pair?.[1], names, currency, locale)}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      </Card>
    </>
  );
}
