// Run by e2e/won-by-month.spec.ts (tsx --conditions=react-server, against the e2e server's database):
//   setup <json>   { id, password }: an owner and a new organization (USD, fiscal year from April,
//                  Europe/Berlin) with a sales manager (Sales department) and a second seller, and
//                  won, lost and open deals written straight to the table, as a CRM import leaves
//                  them; prints { slug, salesManager: { email, name }, seller: { name } }.
import { db } from "@/server/db";
import { createOrganizationInTx } from "@/server/organizations/create";
import { hashPassword } from "@/server/passwords";

const [command, json] = process.argv.slice(2);
if (command !== "setup") throw new Error(`unknown command ${command}`);
const args = JSON.parse(json ?? "{}") as { id: string; password: string };
const passwordHash = await hashPassword(args.password);
const user = (role: string, name: string) =>
  db.user.create({ data: { email: `won-${role}-${args.id}@e2e.example`, name, passwordHash } });
const owner = await user("owner", `Won Owner ${args.id}`);
const organization = await db.$transaction((tx) =>
  createOrganizationInTx(tx, owner.id, {
    name: `Won Org ${args.id}`,
    currency: "USD",
    fiscalYearStartMonth: 4,
    timeZone: "Europe/Berlin",
  }),
);
const sales = await db.department.findFirstOrThrow({ where: { organizationId: organization.id, kind: "SALES" } });
const salesManager = await user("sales", `Sam Seller ${args.id}`);
const seller = await user("seller", `Rae Rep ${args.id}`);
await db.membership.createMany({
  data: [
    { organizationId: organization.id, userId: salesManager.id, role: "SALES_MANAGER", departmentId: sales.id },
    { organizationId: organization.id, userId: seller.id, role: "VIEWER" },
  ],
});
const stages = await db.pipelineStage.findMany({ where: { organizationId: organization.id } });
const stage = (name: string) => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
// [owner, close date, amount in cents, stage]. FY2025 = April 2024 – March 2025.
const deals: [string, string, bigint, string][] = [
  [salesManager.id, "2024-04-01", 1_250_000_50n, "Closed won"], // $1,250,000.50, first day of FY2025
  [salesManager.id, "2024-04-30", 99n, "Closed won"], // last day of April
  [seller.id, "2024-04-15", 30_000_00n, "Closed won"],
  [seller.id, "2024-11-30", 4_321_09n, "Closed won"],
  [salesManager.id, "2025-03-31", 10_000_00n, "Closed won"], // last day of FY2025
  [salesManager.id, "2023-06-01", 5_000_00n, "Closed won"], // FY2024: the oldest year with data
  [seller.id, "2025-04-01", 7_777_77n, "Closed won"], // FY2026
  [salesManager.id, "2024-05-10", 60_000_00n, "Closed lost"],
  [salesManager.id, "2026-06-10", 80_000_00n, "Proposal"],
];
const closedAt = new Date("2026-05-01T08:00:00Z"); // the import's time, not the close month
await db.opportunity.createMany({
  data: deals.map(([ownerId, date, amountMinor, stageName], i) => {
    const s = stage(stageName);
    return {
      organizationId: organization.id,
      name: `Deal ${i + 1}`,
      account: `Account ${i + 1}`,
      amountMinor,
      stageId: s.id,
      outcome: s.outcome,
      probabilityBp: s.probabilityBp,
      forecastCategory: s.outcome === "WON" ? "CLOSED" : s.outcome === "LOST" ? "OMITTED" : "PIPELINE",
      expectedCloseDate: new Date(`${date}T00:00:00Z`),
      ownerId,
      closedAt: s.outcome === "OPEN" ? null : closedAt,
    };
  }),
});
console.log(
  JSON.stringify({
    slug: organization.slug,
    salesManager: { email: salesManager.email, name: salesManager.name },
    seller: { name: seller.name },
  }),
);
await db.$disconnect();
