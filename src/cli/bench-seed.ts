// Bulk data for npm run bench, generated inside PostgreSQL (generate_series) so a million rows
// take seconds, not minutes. The organizations are made through the app's own code path.
import pg from "pg";
import { fiscalYearMonths, monthRange, monthToDbDate } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";

export type TBenchOrg = {
  organizationId: string;
  slug: string;
  ownerId: string;
  timeZone: string;
  currentFiscalYear: number;
};

const TIME_ZONE = "America/New_York";

async function createOrg(name: string): Promise<TBenchOrg> {
  const { db } = await import("@/server/db");
  const { createOrganizationInTx } = await import("@/server/organizations/create");
  const owner = await db.user.create({
    data: {
      email: `${name.toLowerCase().replaceAll(" ", "-")}@bench.example`,
      name,
      passwordHash: "not-used-by-the-bench",
    },
  });
  const org = await db.$transaction((tx) =>
    createOrganizationInTx(tx, owner.id, { name, currency: "USD", fiscalYearStartMonth: 1, timeZone: TIME_ZONE }),
  );
  const today = todayIn(TIME_ZONE);
  return {
    organizationId: org.id,
    slug: org.slug,
    ownerId: owner.id,
    timeZone: TIME_ZONE,
    currentFiscalYear: today.year,
  };
}

/** `count` entries spread evenly over the 60 months ending with the current year, and targets. */
async function fill(client: pg.Client, org: TBenchOrg, count: number) {
  const years = [0, 1, 2, 3, 4].map((i) => org.currentFiscalYear - 4 + i);
  const start = monthRange(fiscalYearMonths(years[0] ?? 2022, 1)[0] ?? "2022-01", TIME_ZONE).start;
  const end = monthRange(fiscalYearMonths(org.currentFiscalYear, 1)[11] ?? "2026-12", TIME_ZONE).end;
  const spanMs = end.getTime() - start.getTime();
  await client.query(
    `INSERT INTO "RevenueEntry" ("organizationId", id, "occurredAt", "amountMinor", source, reference)
     SELECT $1, 'bench_' || $1 || '_' || g, $2::timestamptz + ((g::float8 / $4) * $3) * interval '1 millisecond',
            1000 + (g::bigint * 7919) % 500000, 'API', 'INV-' || g
     FROM generate_series(0, $4 - 1) AS g`,
    [org.organizationId, start, spanMs, count],
  );
  const months = years.flatMap((y) => fiscalYearMonths(y, 1));
  await client.query(
    `INSERT INTO "RevenueTarget" ("organizationId", id, month, "amountMinor", "updatedAt")
     SELECT $1, 'bench_t_' || $1 || '_' || m, m::date, $3, now() FROM unnest($2::text[]) AS m`,
    [
      org.organizationId,
      months.map((m) => monthToDbDate(m).toISOString().slice(0, 10)),
      String((BigInt(count) * 255_000n) / 60n),
    ],
  );
}

/**
 * Accountability at scale for one organization: `contributions` spread over its departments and the
 * 60 months (a third claimed, a tenth disputed), 4 KPIs per department with a value every month,
 * and 20 commitments per department.
 */
async function fillAccountability(client: pg.Client, org: TBenchOrg, contributions: number) {
  const months = [0, 1, 2, 3, 4]
    .flatMap((i) => fiscalYearMonths(org.currentFiscalYear - 4 + i, 1))
    .map((m) => monthToDbDate(m).toISOString().slice(0, 10));
  await client.query(
    `INSERT INTO "Contribution" ("organizationId", id, "departmentId", month, "categoryId", "amountMinor", description, status, "updatedAt")
     SELECT $1, 'bench_c_' || g, d.id, ($2::date[])[1 + g % 60],
            (SELECT c.id FROM "ContributionCategory" c WHERE c."organizationId" = $1 AND c.kind = d.kind LIMIT 1),
            CASE WHEN g % 4 = 0 THEN 1 ELSE -1 END * (10000 + (g::bigint * 7919) % 5000000), 'bench',
            (CASE WHEN g % 10 = 0 THEN 'DISPUTED' WHEN g % 3 = 0 THEN 'CLAIMED' ELSE 'CONFIRMED' END)::"ContributionStatus", now()
     FROM generate_series(0, $3 - 1) AS g
     JOIN LATERAL (SELECT id, kind FROM "Department" WHERE "organizationId" = $1 ORDER BY id OFFSET (g % 9) LIMIT 1) d ON true`,
    [org.organizationId, months, contributions],
  );
  await client.query(
    `INSERT INTO "Kpi" ("organizationId", id, "departmentId", name, unit, direction, aggregation, "targetScaled")
     SELECT $1, 'bench_k_' || d.id || '_' || k, d.id, 'KPI ' || k, 'COUNT', CASE WHEN k % 2 = 0 THEN 'HIGHER_IS_BETTER' ELSE 'LOWER_IS_BETTER' END::"KpiDirection", 'SUM', 10000
     FROM "Department" d, generate_series(1, 4) AS k WHERE d."organizationId" = $1`,
    [org.organizationId],
  );
  await client.query(
    `INSERT INTO "KpiValue" ("organizationId", id, "kpiId", month, "valueScaled", "targetScaled", "updatedAt")
     SELECT $1, k.id || '_' || m, k.id, m::date, (85 + abs(hashtext(k.id || m)) % 30) * 100, 10000, now()
     FROM "Kpi" k, unnest($2::text[]) AS m WHERE k."organizationId" = $1`,
    [org.organizationId, months],
  );
  await client.query(
    `INSERT INTO "Commitment" ("organizationId", id, "departmentId", title, "ownerId", "dueDate", "expectedImpactMinor", "deliveredImpactMinor", status, "updatedAt")
     SELECT $1, 'bench_m_' || d.id || '_' || g, d.id, 'Commitment ' || g, $2, ($3::date[])[1 + g * 3],
            1000000, CASE WHEN g % 3 = 0 THEN NULL ELSE 500000 END,
            (CASE WHEN g % 3 = 0 THEN 'OPEN' WHEN g % 3 = 1 THEN 'DONE' ELSE 'MISSED' END)::"CommitmentStatus", now()
     FROM "Department" d, generate_series(0, 19) AS g WHERE d."organizationId" = $1`,
    [org.organizationId, org.ownerId, months],
  );
}

/**
 * The pipeline at scale: `opportunities` deals with close dates over four years (two back, the
 * current one and the next); past ones are mostly won or lost, a seventh stay open (stale), future
 * ones are open across the five open stages, with the category their stage implies. `changes`
 * history rows are spread over the deals (ten each at the default sizes).
 */
async function fillPipeline(client: pg.Client, org: TBenchOrg, opportunities: number, changes: number) {
  const stages = (
    await client.query(`SELECT id, outcome FROM "PipelineStage" WHERE "organizationId" = $1 ORDER BY "sortOrder"`, [
      org.organizationId,
    ])
  ).rows as { id: string; outcome: string }[];
  const open = stages.filter((s) => s.outcome === "OPEN").map((s) => s.id);
  const won = stages.find((s) => s.outcome === "WON")?.id;
  const lost = stages.find((s) => s.outcome === "LOST")?.id;
  if (!won || !lost || open.length === 0) throw new Error("the bench organization has no default stages");
  const start = `${org.currentFiscalYear - 2}-01-01`;
  await client.query(
    `INSERT INTO "Opportunity" ("organizationId", id, name, account, "amountMinor", "stageId", outcome, "probabilityBp", "forecastCategory", "expectedCloseDate", "ownerId", "sourceDepartmentId", "externalId", "closedAt", "updatedAt")
     SELECT $1, 'bench_o_' || g, 'Deal ' || g, 'Account ' || (g % 5000), 100000 + (g::bigint * 7919) % 10000000,
            s.id, s.outcome, s."probabilityBp",
            (CASE s.outcome WHEN 'WON' THEN 'CLOSED' WHEN 'LOST' THEN 'OMITTED'
                  ELSE CASE WHEN s."sortOrder" >= 4 THEN 'COMMIT' WHEN s."sortOrder" = 3 THEN 'BEST_CASE' ELSE 'PIPELINE' END END)::"ForecastCategory",
            d.close, $2, NULL, 'CRM-' || g, CASE WHEN s.outcome <> 'OPEN' THEN d.close::timestamptz END, now()
     FROM generate_series(0, $3 - 1) AS g
     CROSS JOIN LATERAL (SELECT $4::date + ((g::bigint * 7919) % 1461)::int AS close) d
     JOIN "PipelineStage" s ON s."organizationId" = $1 AND s.id = CASE
       WHEN d.close < current_date AND g % 7 <> 0 THEN CASE WHEN g % 3 = 0 THEN $6 ELSE $5 END
       ELSE ($7::text[])[1 + g % $8] END`,
    [org.organizationId, org.ownerId, opportunities, start, won, lost, open, open.length],
  );
  await client.query(
    `INSERT INTO "OpportunityChange" ("organizationId", id, "opportunityId", "changedById", "changedAt", changes)
     SELECT $1, 'bench_h_' || g, 'bench_o_' || (g % $3), $2, now() - ((g * 37) % 20000) * interval '1 hour',
            jsonb_build_object('amountMinor', jsonb_build_array((100000 + g % 1000)::text, (100000 + g % 997)::text))
     FROM generate_series(0, $4 - 1) AS g`,
    [org.organizationId, org.ownerId, opportunities, changes],
  );
}

export async function seedBenchData(
  databaseUrl: string,
  entries: number,
  contributions = 0,
  pipeline: { opportunities: number; changes: number } = { opportunities: 0, changes: 0 },
): Promise<TBenchOrg> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const large = await createOrg("Large Corp");
    await fill(client, large, entries);
    if (contributions) await fillAccountability(client, large, contributions);
    if (pipeline.opportunities) await fillPipeline(client, large, pipeline.opportunities, pipeline.changes);
    for (let i = 1; i <= 50; i++) await fill(client, await createOrg(`Small ${i}`), 2_000);
    await client.query("VACUUM ANALYZE");
    return large;
  } finally {
    await client.end();
  }
}
