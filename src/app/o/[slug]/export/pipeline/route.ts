import { toCsv, type TCsvCell } from "@/lib/csv-export";
import { currencyDigits, minorToDecimalString } from "@/lib/money";
import { parsePipelineFilters } from "@/lib/pipeline-filters";
import { pipelineExportRows } from "@/server/pipeline/list";
import { getPipelineCalendar } from "@/server/pipeline/overview";
import { tenantRoute } from "@/server/route-context";

const HEADER = [
  "id",
  "name",
  "account",
  "amount",
  "currency",
  "stage",
  "outcome",
  "probability_percent",
  "forecast_category",
  "expected_close",
  "stale",
  "owner",
  "source_department",
  "external_id",
];

/** The pipeline table as CSV, with the same filters as the page's URL (all pages, not just one). */
export const GET = tenantRoute(async (ctx, request) => {
  const filters = parsePipelineFilters(new URL(request.url).searchParams);
  const { organization, calendar } = await getPipelineCalendar(ctx);
  const digits = currencyDigits(organization.currency);
  const rows: TCsvCell[][] = [];
  for await (const r of pipelineExportRows(ctx, filters, calendar)) {
    rows.push([
      r.id,
      r.name,
      r.account,
      minorToDecimalString(r.amountMinor, digits),
      organization.currency,
      r.stageName,
      r.outcome,
      r.probabilityBp / 100,
      r.forecastCategory,
      r.expectedCloseDate,
      r.isStale ? "yes" : "no",
      r.ownerName,
      r.sourceDepartmentName,
      r.externalId ?? "",
    ]);
  }
  return new Response(toCsv(HEADER, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${ctx.slug}-pipeline-${calendar.today}.csv"`,
      "cache-control": "no-store",
    },
  });
});
