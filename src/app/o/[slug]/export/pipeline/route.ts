import { toCsv, type TCsvCell } from "@/lib/csv-export";
import { currencyDigits, minorToDecimalString } from "@/lib/money";
import { parsePipelineFilters } from "@/lib/pipeline-filters";
import { getSessionUser } from "@/server/auth";
import { pipelineExportRows } from "@/server/pipeline/list";
import { getPipelineCalendar } from "@/server/pipeline/overview";
import { resolveTenant } from "@/server/tenant";

const HEADER = ["id", "name", "account", "amount", "currency", "stage", "outcome", "probability_percent", "forecast_category", "expected_close", "stale", "owner", "source_department", "external_id"];

/** The pipeline table as CSV, with the same filters as the page's URL (all pages, not just one). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  const ctx = user && (await resolveTenant(user.id, slug));
  if (!ctx) return new Response("Not found", { status: 404 });
  const filters = parsePipelineFilters(new URL(request.url).searchParams);
  const { organization, calendar } = await getPipelineCalendar(ctx);
  const digits = currencyDigits(organization.currency);
  const rows: TCsvCell[][] = [];
  for await (const r of pipelineExportRows(ctx, filters, calendar)) {
    rows.push([r.id, r.name, r.account, minorToDecimalString(r.amountMinor, digits), organization.currency, r.stageName, r.outcome, r.probabilityBp / 100, r.forecastCategory, r.expectedCloseDate, r.isStale ? "yes" : "no", r.ownerName, r.sourceDepartmentName, r.externalId ?? ""]);
  }
  return new Response(toCsv(HEADER, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-pipeline-${calendar.today}.csv"`,
      "cache-control": "no-store",
    },
  });
}
