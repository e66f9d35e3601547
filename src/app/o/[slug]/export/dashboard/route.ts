import { toCsv } from "@/lib/csv-export";
import { ratioBp } from "@/lib/metrics";
import { currencyDigits, minorToDecimalString } from "@/lib/money";
import { periodParam } from "@/lib/period-selection";
import { getSessionUser } from "@/server/auth";
import { getDashboard } from "@/server/revenue/dashboard";
import { resolveTenant } from "@/server/tenant";

/** The dashboard's monthly table as CSV: amounts as plain decimals in the organization's currency. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  const ctx = user && (await resolveTenant(user.id, slug));
  if (!ctx) return new Response("Not found", { status: 404 });
  const data = await getDashboard(ctx, new URL(request.url).searchParams.get("period") ?? undefined);
  const digits = currencyDigits(data.organization.currency);
  const dec = (v: bigint | null) => (v === null ? null : minorToDecimalString(v, digits));
  // Basis points are hundredths of a percent: 326 → "3.26".
  const pct = (bp: number | null) => (bp === null ? null : minorToDecimalString(BigInt(bp), 2));
  const rows = data.rows.map((r) => {
    const gap = r.target !== null && r.actual !== null ? r.target - r.actual : null;
    const attainment = r.target !== null && r.actual !== null ? ratioBp(r.actual, r.target) : null;
    return [r.month, dec(r.target), dec(r.actual), dec(gap), pct(attainment), dec(r.cumulativeTarget), dec(r.cumulativeActual), dec(r.forecastCumulative), r.isFuture ? "forecast" : "actual"];
  });
  const cur = data.organization.currency;
  const csv = toCsv(
    ["month", `target_${cur}`, `actual_${cur}`, `gap_${cur}`, "attainment_pct", `cumulative_target_${cur}`, `cumulative_actual_${cur}`, `forecast_cumulative_${cur}`, "status"],
    rows,
  );
  const file = `${slug}-revenue-${periodParam(data.resolved.period)}.csv`;
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file}"`, "cache-control": "no-store" },
  });
}
