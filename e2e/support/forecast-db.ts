// Run by e2e/forecast.spec.ts (tsx --conditions=react-server, against the e2e server's database):
//   setup <json>    { email, password, organization, year }: a user owning a new organization (USD,
//                   calendar fiscal year, Europe/Berlin) with $100,000.00 of target in each month of
//                   `year`; prints { slug }. (Signing up through the form is covered by sign-up.spec.ts;
//                   on a loaded machine it outlasts the helpers' waits.)
//   create <json>   { slug, owner (email), deals: [{ name, stage, forecastCategory, amount, expectedCloseDate }] }:
//                   the owner adds deals through the real createOpportunity mutation, as the pipeline page would.
import { monthKey, monthToDbDate } from "@/lib/period";
import { db } from "@/server/db";
import { createOrganizationInTx } from "@/server/organizations/create";
import { hashPassword } from "@/server/passwords";
import { createOpportunity } from "@/server/pipeline/opportunities";

type TArgs = {
  slug: string;
  owner: string;
  deals: { name: string; stage: string; forecastCategory: string; amount: string; expectedCloseDate: string }[];
  email: string;
  password: string;
  organization: string;
  year: number;
};

const [command, json] = process.argv.slice(2);
const args = JSON.parse(json ?? "{}") as TArgs;
if (command === "setup") {
  const user = await db.user.create({
    data: { email: args.email, name: "Forecast Owner", passwordHash: await hashPassword(args.password) },
  });
  const organization = await db.$transaction((tx) =>
    createOrganizationInTx(tx, user.id, {
      name: args.organization,
      currency: "USD",
      fiscalYearStartMonth: 1,
      timeZone: "Europe/Berlin",
    }),
  );
  await db.revenueTarget.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      organizationId: organization.id,
      month: monthToDbDate(monthKey(args.year, i + 1)),
      amountMinor: 10_000_000n,
    })),
  });
  console.log(JSON.stringify({ slug: organization.slug }));
  await db.$disconnect();
  process.exit(0);
}
if (command !== "create") throw new Error(`unknown command ${command}`);

const owner = await db.user.findUniqueOrThrow({ where: { email: args.owner }, select: { id: true } });
const stages = await db.pipelineStage.findMany({
  where: { organization: { slug: args.slug } },
  select: { id: true, name: true },
});
const ids: string[] = [];
for (const deal of args.deals) {
  const stageId = stages.find((s) => s.name === deal.stage)?.id;
  if (!stageId) throw new Error(`no stage ${deal.stage}`);
  const result = await createOpportunity(owner.id, args.slug, {
    name: deal.name,
    account: "Forecast e2e",
    amount: deal.amount,
    stageId,
    forecastCategory: deal.forecastCategory,
    expectedCloseDate: deal.expectedCloseDate,
    ownerId: owner.id,
  });
  if (!result.ok)
    throw new Error(`createOpportunity ${deal.name}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  ids.push(result.data.opportunityId);
}
console.log(JSON.stringify(ids));
await db.$disconnect();
