// Run by e2e/dashboard-to-date.spec.ts through runDbScript:
//   setup <json>  { email, password, organization }: a user owning a new organization (USD, calendar
//                 fiscal year, Europe/Berlin) with the figures the spec computes by hand; prints { slug }.
// FY2026: $100,000.00 of target each month. Actuals: 15 Jan $80,000.00; 15 Feb $95,000.00; 10 Mar
// $70,000.00; 31 Mar 22:30 UTC $5,000.00 (00:30 on 1 April in Berlin: April's); 2 Apr $12,345.67.
// FY2014 (no targets): 20 May $4,321.00 and 2 Nov $1,000.50.
// Contributions: Legal Feb −$20,000.00 confirmed; Marketing Jan +$5,000.00 confirmed; Sales Mar
// −$10,000.00 claimed; Legal Apr −$7,000.00 confirmed (the month in progress on 3 April).
// Legal's "Contracts signed" (target 10) is 5 in February: red, with no narrative.
import { monthKey, monthToDbDate } from "@/lib/period";
import { db } from "@/server/db";
import { createOrganizationInTx } from "@/server/organizations/create";
import { hashPassword } from "@/server/passwords";

type TArgs = { email: string; password: string; organization: string };

const [command, json] = process.argv.slice(2);
if (command !== "setup") throw new Error(`unknown command ${command}`);
const args = JSON.parse(json ?? "{}") as TArgs;

const user = await db.user.create({
  data: { email: args.email, name: "To-date Owner", passwordHash: await hashPassword(args.password) },
});
const organization = await db.$transaction((tx) =>
  createOrganizationInTx(tx, user.id, {
    name: args.organization,
    currency: "USD",
    fiscalYearStartMonth: 1,
    timeZone: "Europe/Berlin",
  }),
);
const organizationId = organization.id;
await db.revenueTarget.createMany({
  data: Array.from({ length: 12 }, (_, i) => ({
    organizationId,
    month: monthToDbDate(monthKey(2026, i + 1)),
    amountMinor: 10_000_000n,
  })),
});
const entry = (iso: string, amountMinor: bigint) => ({
  organizationId,
  occurredAt: new Date(iso),
  amountMinor,
  source: "MANUAL" as const,
});
await db.revenueEntry.createMany({
  data: [
    entry("2026-01-15T10:00:00Z", 8_000_000n),
    entry("2026-02-15T10:00:00Z", 9_500_000n),
    entry("2026-03-10T10:00:00Z", 7_000_000n),
    entry("2026-03-31T22:30:00Z", 500_000n),
    entry("2026-04-02T10:00:00Z", 1_234_567n),
    entry("2014-05-20T10:00:00Z", 432_100n),
    entry("2014-11-02T10:00:00Z", 100_050n),
  ],
});
const department = async (kind: "LEGAL" | "SALES" | "MARKETING") =>
  db.department.findFirstOrThrow({ where: { organizationId, kind }, select: { id: true } });
const category = async (kind: "LEGAL" | "SALES" | "MARKETING") =>
  db.contributionCategory.findFirstOrThrow({
    where: { organizationId, kind },
    orderBy: { name: "asc" },
    select: { id: true },
  });
const [legal, sales, marketing] = await Promise.all([
  department("LEGAL"),
  department("SALES"),
  department("MARKETING"),
]);
const [legalCategory, salesCategory, marketingCategory] = await Promise.all([
  category("LEGAL"),
  category("SALES"),
  category("MARKETING"),
]);
const contribution = (
  departmentId: string,
  categoryId: string,
  month: `${number}-${string}`,
  amountMinor: bigint,
  status: "CLAIMED" | "CONFIRMED",
  description: string,
) => ({
  organizationId,
  departmentId,
  categoryId,
  month: monthToDbDate(month),
  amountMinor,
  status,
  description,
  createdById: user.id,
  ...(status === "CONFIRMED"
    ? { reviewedById: user.id, reviewedAt: new Date("2026-03-05T10:00:00Z"), reviewReason: "Matches the ledger." }
    : {}),
});
await db.contribution.createMany({
  data: [
    contribution(
      legal.id,
      legalCategory.id,
      "2026-02",
      -2_000_000n,
      "CONFIRMED",
      "Enterprise contract stuck in legal review",
    ),
    contribution(marketing.id, marketingCategory.id, "2026-01", 500_000n, "CONFIRMED", "Campaign-sourced deal won"),
    contribution(sales.id, salesCategory.id, "2026-03", -1_000_000n, "CLAIMED", "Deal lost to a competitor on price"),
    contribution(legal.id, legalCategory.id, "2026-04", -700_000n, "CONFIRMED", "Another contract in review"),
  ],
});
const kpi = await db.kpi.create({
  data: {
    organizationId,
    departmentId: legal.id,
    name: "Contracts signed",
    unit: "COUNT",
    direction: "HIGHER_IS_BETTER",
    aggregation: "SUM",
    targetScaled: 1_000n,
  },
});
await db.kpiValue.create({
  data: { organizationId, kpiId: kpi.id, month: monthToDbDate("2026-02"), valueScaled: 500n, targetScaled: 1_000n },
});
console.log(JSON.stringify({ slug: organization.slug }));
await db.$disconnect();
