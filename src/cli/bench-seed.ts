// Bulk data for npm run bench, generated inside PostgreSQL (generate_series) so a million rows
// take seconds, not minutes. The organizations are made through the app's own code path.
import pg from "pg";
import { fiscalYearMonths, monthRange, monthToDbDate } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";

export type TBenchOrg = { organizationId: string; slug: string; ownerId: string; timeZone: string; currentFiscalYear: number };

const TIME_ZONE = "America/New_York";

async function createOrg(name: string): Promise<TBenchOrg> {
  const { db } = await import("@/server/db");
  const { createOrganizationInTx } = await import("@/server/organizations/create");
  const owner = await db.user.create({ data: { email: `${name.toLowerCase().replaceAll(" ", "-")}@bench.example`, name, passwordHash: "not-used-by-the-bench" } });
  const org = await db.$transaction((tx) => createOrganizationInTx(tx, owner.id, { name, currency: "USD", fiscalYearStartMonth: 1, timeZone: TIME_ZONE }));
  const today = todayIn(TIME_ZONE);
  return { organizationId: org.id, slug: org.slug, ownerId: owner.id, timeZone: TIME_ZONE, currentFiscalYear: today.year };
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
    [org.organizationId, months.map((m) => monthToDbDate(m).toISOString().slice(0, 10)), String(BigInt(count) * 255_000n / 60n)],
  );
}

export async function seedBenchData(databaseUrl: string, entries: number): Promise<TBenchOrg> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const large = await createOrg("Large Corp");
    await fill(client, large, entries);
    for (let i = 1; i <= 50; i++) await fill(client, await createOrg(`Small ${i}`), 2_000);
    await client.query("VACUUM ANALYZE");
    return large;
  } finally {
    await client.end();
  }
}
