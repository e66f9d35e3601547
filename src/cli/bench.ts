// npm run bench: dashboard and import speed at scale, printed as figures (no pass/fail: timing
// assertions flake on a shared machine). Seeds, in a fresh "revtrace_bench" database, one large
// organization with ≥ 1,000,000 revenue entries over 5 years beside 50 small ones, then times
//   - the dashboard's data (getDashboard: targets + monthly GROUP BY + arithmetic) against the same
//     aggregate run as plain SQL through node-postgres (the floor), median and p95;
//   - a 100,000-row CSV import (parse, validate, preview, commit), in rows per second;
//   - the gap bridge (Σ contributions per department over 200,000 contributions), the heat map
//     (departments × months of KPI status) and commitment accuracy, beside their plain-SQL floor.
//   - the pipeline page's data (listPipeline: first 50 deals and the filtered totals) and the
//     forecast (open pipeline per category and per month, stale count) over 100,000 deals and
//     1,000,000 history rows, beside the same statements as plain SQL;
//   - a fiscal year's board pack (data and PDF) of the demo organization and of the large one.
// Options (environment): BENCH_ENTRIES (default 1000000), BENCH_CONTRIBUTIONS (default 200000),
// BENCH_OPPORTUNITIES (default 100000), BENCH_CHANGES (default 1000000), BENCH_RUNS (default 40), DATABASE_URL
// (a server to create the database on; an embedded PostgreSQL otherwise).
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  type TEmbeddedPostgres,
} from "../../prisma/tools/embedded-postgres";
import { deployMigrations } from "../../prisma/tools/schema-engine";
import { benchBoardPack } from "./bench-board-pack";
import { seedBenchData, type TBenchOrg } from "./bench-seed";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const CONTRIBUTIONS = Number(process.env.BENCH_CONTRIBUTIONS ?? 200_000);
const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 100_000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1_000_000);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn(); // warm-up: plans, pools, JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;

async function main() {
  let embedded: TEmbeddedPostgres | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), "revtrace-bench-pg-")), "data"),
      port: Number(process.env.BENCH_PG_PORT ?? 54333),
      persistent: false,
    });
    serverUrl = embedded.serverUrl;
  }
  const databaseUrl = await ensureDatabase(serverUrl, "revtrace_bench", { fresh: true });
  try {
    await deployMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
    console.log(
      `Seeding: 1 organization with ${ENTRIES.toLocaleString("en")} entries over 5 years, ${OPPORTUNITIES.toLocaleString("en")} deals and ${CHANGES.toLocaleString("en")} history rows, 50 small ones…`,
    );
    const seedStart = performance.now();
    const large = await seedBenchData(databaseUrl, ENTRIES, CONTRIBUTIONS, {
      opportunities: OPPORTUNITIES,
      changes: CHANGES,
    });
    console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
    await benchDashboard(databaseUrl, large);
    await benchAccountability(databaseUrl, large);
    if (OPPORTUNITIES) await benchPipeline(databaseUrl, large);
    await benchBoardPack(large, time, ms);
    await benchImport(large);
  } finally {
    const { db } = await import("@/server/db");
    await db.$disconnect();
    if (!embedded) await dropDatabase(serverUrl, "revtrace_bench");
    await embedded?.stop();
  }
}

async function benchDashboard(databaseUrl: string, large: TBenchOrg) {
  const { getDashboard } = await import("@/server/dashboard/dashboard");
  const { resolveTenant } = await import("@/server/tenant");
  const { monthRange, fiscalYearMonths } = await import("@/lib/period");
  const ctx = await resolveTenant(large.ownerId, large.slug);
  if (!ctx) throw new Error("bench owner has no membership");
  const months = fiscalYearMonths(large.currentFiscalYear, 1);
  const ranges = months.map((m) => monthRange(m, large.timeZone));
  const first = ranges[0];
  const last = ranges.at(-1);
  if (!first || !last) throw new Error("no months");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // The app's query (src/server/revenue/queries.ts), run directly: the floor under getDashboard.
  const perMonth = `SELECT m.month, (SELECT SUM(e."amountMinor") FROM "RevenueEntry" e
      WHERE e."organizationId" = $1 AND e."occurredAt" >= m.start AND e."occurredAt" < m.stop)::bigint AS total
    FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) AS m(month, start, stop)`;
  const perMonthArgs = [large.organizationId, months, ranges.map((r) => r.start), ranges.map((r) => r.end)];
  // The textbook GROUP BY on the month in the zone, for comparison.
  const groupBy = `SELECT to_char(date_trunc('month', "occurredAt" AT TIME ZONE $2), 'YYYY-MM') AS month, SUM("amountMinor")::bigint AS total
    FROM "RevenueEntry" WHERE "organizationId" = $1 AND "occurredAt" >= $3 AND "occurredAt" < $4 GROUP BY 1`;
  const groupByArgs = [large.organizationId, large.timeZone, first.start, last.end];
  const rowsInYear = (
    await client.query(
      `SELECT count(*)::int AS n FROM "RevenueEntry" WHERE "organizationId" = $1 AND "occurredAt" >= $2 AND "occurredAt" < $3`,
      [large.organizationId, first.start, last.end],
    )
  ).rows[0].n as number;
  const plan = await client.query(`EXPLAIN (ANALYZE) ${perMonth}`, perMonthArgs);
  const app = await time(RUNS, () => getDashboard(ctx, `fy-${large.currentFiscalYear}`));
  const floor = await time(RUNS, () => client.query(perMonth, perMonthArgs));
  const naive = await time(Math.max(5, Math.round(RUNS / 4)), () => client.query(groupBy, groupByArgs));
  await client.end();
  console.log(
    `Dashboard, FY${large.currentFiscalYear} of the large organization (${rowsInYear.toLocaleString("en")} entries in the year), ${RUNS} runs:`,
  );
  console.log(`  getDashboard (app data layer)                  median ${ms(app.median)}   p95 ${ms(app.p95)}`);
  console.log(`  its monthly sums as plain SQL (the floor)      median ${ms(floor.median)}   p95 ${ms(floor.p95)}`);
  console.log(`  for reference: GROUP BY month AT TIME ZONE     median ${ms(naive.median)}   p95 ${ms(naive.p95)}`);
  const planLines = plan.rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]);
  const scan = planLines.find((l: string) => /Index Only Scan|Index Scan|Seq Scan/.test(l)) ?? planLines[0];
  console.log(`  plan: ${scan?.trim() ?? "(no scan line)"}\n`);
}

async function benchAccountability(databaseUrl: string, large: TBenchOrg) {
  const { departmentImpacts, getHeatMap, commitmentAccuracyByDepartment } = await import(
    "@/server/accountability/dashboard"
  );
  const { fiscalYearMonths, monthToDbDate } = await import("@/lib/period");
  const { systemContext } = await import("@/server/tenant");
  const ctx = await systemContext(large.organizationId, "bench");
  const months = fiscalYearMonths(large.currentFiscalYear, 1);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // The bridge's GROUP BY without the join to department names or the JavaScript around it: the floor.
  const bridgeSql = `SELECT "departmentId", status, SUM("amountMinor")::bigint FROM "Contribution"
    WHERE "organizationId" = $1 AND month = ANY($2::date[]) AND status <> 'DISPUTED' GROUP BY 1, 2`;
  const bridgeArgs = [large.organizationId, months.map(monthToDbDate)];
  const inYear = (
    await client.query(
      `SELECT count(*)::int AS n FROM "Contribution" WHERE "organizationId" = $1 AND month = ANY($2::date[])`,
      bridgeArgs,
    )
  ).rows[0].n as number;
  const plan = (await client.query(`EXPLAIN (ANALYZE) ${bridgeSql}`, bridgeArgs)).rows.map(
    (r: { "QUERY PLAN": string }) => r["QUERY PLAN"],
  );
  const bridge = await time(RUNS, () => departmentImpacts(ctx, months));
  const floor = await time(RUNS, () => client.query(bridgeSql, bridgeArgs));
  const heat = await time(RUNS, () => getHeatMap(ctx, months));
  const accuracy = await time(RUNS, () => commitmentAccuracyByDepartment(ctx, `${large.currentFiscalYear}-06-30`));
  await client.end();
  console.log(
    `Accountability, FY${large.currentFiscalYear} of the large organization (${inYear.toLocaleString("en")} of ${CONTRIBUTIONS.toLocaleString("en")} contributions in the year), ${RUNS} runs:`,
  );
  console.log(`  gap bridge impacts (departmentImpacts)         median ${ms(bridge.median)}   p95 ${ms(bridge.p95)}`);
  console.log(`  its GROUP BY as plain SQL (the floor)          median ${ms(floor.median)}   p95 ${ms(floor.p95)}`);
  console.log(`  heat map, 9 departments × 12 months            median ${ms(heat.median)}   p95 ${ms(heat.p95)}`);
  console.log(
    `  commitment accuracy per department             median ${ms(accuracy.median)}   p95 ${ms(accuracy.p95)}`,
  );
  const scan = plan.find((l: string) => /Index Only Scan|Index Scan|Bitmap|Seq Scan/.test(l)) ?? plan[0];
  console.log(`  bridge plan: ${scan?.trim() ?? "(no scan line)"}\n`);
}

async function benchPipeline(databaseUrl: string, large: TBenchOrg) {
  const { listPipeline } = await import("@/server/pipeline/list");
  const { openPipeline, staleCount } = await import("@/server/pipeline/queries");
  const { openPipelineByMonth } = await import("@/server/pipeline/monthly");
  const { getPipelineOverview } = await import("@/server/pipeline/overview");
  const { parsePipelineFilters } = await import("@/lib/pipeline-filters");
  const { resolveTenant } = await import("@/server/tenant");
  const { todayIn } = await import("@/lib/period-selection");
  const ctx = await resolveTenant(large.ownerId, large.slug);
  if (!ctx) throw new Error("bench owner has no membership");
  const t = todayIn(large.timeZone);
  const today = `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
  const yearEnd = `${large.currentFiscalYear}-12-31`;
  const calendar = { today, fiscalYearStartMonth: 1 };
  const pageFilters = parsePipelineFilters({});
  const openByClose = parsePipelineFilters({ status: "open", sort: "close" });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // The page's two statements (src/server/pipeline/list.ts) without Prisma or the row mapping: the floor.
  const pageSql = `SELECT o.id, o.name, o.account, o."amountMinor", o."stageId", s.name AS "stageName", o.outcome, o."probabilityBp",
         o."forecastCategory", o."expectedCloseDate", o."ownerId", u.name AS "ownerName", d.name AS "sourceDepartmentName"
    FROM "Opportunity" o
    JOIN "PipelineStage" s ON s."organizationId" = o."organizationId" AND s.id = o."stageId"
    JOIN "User" u ON u.id = o."ownerId"
    LEFT JOIN "Department" d ON d."organizationId" = o."organizationId" AND d.id = o."sourceDepartmentId"
    WHERE o."organizationId" = $1 ORDER BY o."updatedAt" DESC, o.id LIMIT 50`;
  const totalsSql = `SELECT COUNT(*)::int, SUM(o."amountMinor")::bigint, ROUND(SUM(o."amountMinor" * o."probabilityBp") / 10000)::bigint
    FROM "Opportunity" o WHERE o."organizationId" = $1`;
  // The forecast's statements (queries.ts, monthly.ts): per category, per month, and the stale count.
  const forecastSql = `SELECT COUNT(*)::int, SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'COMMIT')::bigint,
         SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'BEST_CASE')::bigint, SUM("amountMinor" * "probabilityBp")::bigint
    FROM "Opportunity" WHERE "organizationId" = $1 AND outcome = 'OPEN' AND "forecastCategory" <> 'OMITTED'
      AND "expectedCloseDate" > $2::date AND "expectedCloseDate" <= $3::date`;
  const monthlySql = `SELECT date_trunc('month', "expectedCloseDate")::date, COUNT(*)::int, SUM("amountMinor")::bigint,
         SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'COMMIT')::bigint, SUM("amountMinor") FILTER (WHERE "forecastCategory" = 'BEST_CASE')::bigint,
         SUM("amountMinor" * "probabilityBp")::bigint
    FROM "Opportunity" WHERE "organizationId" = $1 AND outcome = 'OPEN' AND "forecastCategory" <> 'OMITTED'
      AND "expectedCloseDate" > $2::date AND "expectedCloseDate" <= $3::date GROUP BY 1 ORDER BY 1`;
  const staleSql = `SELECT COUNT(*)::int FROM "Opportunity" WHERE "organizationId" = $1 AND outcome = 'OPEN' AND "expectedCloseDate" < $2::date`;
  const counts = (
    await client.query(
      `SELECT (SELECT COUNT(*)::int FROM "Opportunity" WHERE "organizationId" = $1) AS deals,
      (SELECT COUNT(*)::int FROM "OpportunityChange" WHERE "organizationId" = $1) AS changes,
      (SELECT COUNT(*)::int FROM "Opportunity" WHERE "organizationId" = $1 AND outcome = 'OPEN' AND "expectedCloseDate" > $2::date AND "expectedCloseDate" <= $3::date) AS "openInYear"`,
      [large.organizationId, today, yearEnd],
    )
  ).rows[0] as { deals: number; changes: number; openInYear: number };
  const plan = (
    await client.query(`EXPLAIN (ANALYZE) ${forecastSql}`, [large.organizationId, today, yearEnd])
  ).rows.map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"]);

  const page = await time(RUNS, () => listPipeline(ctx, pageFilters, calendar));
  const pageFloor = await time(RUNS, async () => {
    await client.query(pageSql, [large.organizationId]);
    await client.query(totalsSql, [large.organizationId]);
  });
  const openPage = await time(RUNS, () => listPipeline(ctx, openByClose, calendar));
  const forecast = await time(RUNS, async () => {
    await openPipeline(ctx, today, yearEnd);
    await openPipelineByMonth(ctx, today, yearEnd);
    await staleCount(ctx, today);
  });
  const forecastFloor = await time(RUNS, async () => {
    await client.query(forecastSql, [large.organizationId, today, yearEnd]);
    await client.query(monthlySql, [large.organizationId, today, yearEnd]);
    await client.query(staleSql, [large.organizationId, today]);
  });
  const overview = await time(Math.max(5, Math.round(RUNS / 4)), () => getPipelineOverview(ctx));
  await client.end();
  console.log(
    `Pipeline of the large organization (${counts.deals.toLocaleString("en")} deals, ${counts.changes.toLocaleString("en")} history rows, ${counts.openInYear.toLocaleString("en")} open to year end), ${RUNS} runs:`,
  );
  console.log(`  pipeline page data (listPipeline, 50 + totals) median ${ms(page.median)}   p95 ${ms(page.p95)}`);
  console.log(
    `  its two statements as plain SQL (the floor)    median ${ms(pageFloor.median)}   p95 ${ms(pageFloor.p95)}`,
  );
  console.log(
    `  open deals by close date (filtered page)       median ${ms(openPage.median)}   p95 ${ms(openPage.p95)}`,
  );
  console.log(
    `  forecast (per category, per month, stale)      median ${ms(forecast.median)}   p95 ${ms(forecast.p95)}`,
  );
  console.log(
    `  its three statements as plain SQL (the floor)  median ${ms(forecastFloor.median)}   p95 ${ms(forecastFloor.p95)}`,
  );
  console.log(
    `  page header (getPipelineOverview, with YTD)    median ${ms(overview.median)}   p95 ${ms(overview.p95)}`,
  );
  const scan = plan.find((l: string) => /Index Only Scan|Index Scan|Bitmap|Seq Scan/.test(l)) ?? plan[0];
  console.log(`  forecast plan: ${scan?.trim() ?? "(no scan line)"}\n`);
}

async function benchImport(large: TBenchOrg) {
  const { commitRevenueImport } = await import("@/server/revenue/import");
  const lines = ["order_id,order_date,customer,line_total"];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    // Four decimals, as order-line exports carry them: 10.00xx to 99.99xx.
    const cents = 1000 + (i % 9000);
    lines.push(
      `SO-${i},2021-${month}-${day},Customer ${i % 500},${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}${String(i % 100).padStart(2, "0")}`,
    );
  }
  const file = new File([lines.join("\n")], "bench-orders.csv", { type: "text/csv" });
  const start = performance.now();
  const result = await commitRevenueImport(large.ownerId, large.slug, {
    file,
    dateColumn: "1",
    amountColumn: "3",
    referenceColumn: "0",
    customerColumn: "2",
    skipBadRows: "false",
  });
  const seconds = (performance.now() - start) / 1000;
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  console.log(
    `Import of a ${IMPORT_ROWS.toLocaleString("en")}-row CSV (${(file.size / 1024 / 1024).toFixed(1)} MB), parse + validate + commit:`,
  );
  console.log(`  ${seconds.toFixed(2)} s   ${Math.round(IMPORT_ROWS / seconds).toLocaleString("en")} rows/s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
