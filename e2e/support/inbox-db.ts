// Run by the My work journey (tsx --conditions=react-server, against the e2e server's database):
//   seed   a fresh organization with one member of every role and, on the journey's fixed clock
//          (3 December 2026), something owed by each: Legal's November is red without a narrative
//          and a Legal commitment is due in two days; Marketing has a claim awaiting finance; a deal
//          is past its close date. Also a second organization, whose owner must not see the first.
//          Prints { slug, users: { role: email }, outsider, legalId }.
import { monthToDbDate } from "@/lib/period";
import { db } from "@/server/db";
import { categoryId, insertKpi, insertKpiValue } from "../../tests/factories/accountability";
import { createOrganization } from "../../tests/factories/index";
import { createPipelineOrganization, insertOpportunity } from "../../tests/factories/pipeline";

const [command] = process.argv.slice(2);
if (command !== "seed") throw new Error(`unknown command ${command}`);

const org = await createPipelineOrganization();
const { organizationId } = org;
const kpi = await insertKpi(organizationId, org.legal.id, { name: "Contracts countersigned", targetScaled: 1_000n });
await insertKpiValue(organizationId, kpi.id, "2026-11", 500n, 1_000n);
await db.commitment.create({
  data: {
    organizationId,
    departmentId: org.legal.id,
    title: "Template MSA for deals under $50k",
    ownerId: org.users.legalHead.id,
    dueDate: new Date("2026-12-05T00:00:00Z"),
    expectedImpactMinor: 4_000_000n,
  },
});
const marketing = org.department("MARKETING");
const claimed = new Date("2026-12-01T15:00:00Z");
await db.contribution.create({
  data: {
    organizationId,
    departmentId: marketing.id,
    categoryId: await categoryId(organizationId, "MARKETING"),
    month: monthToDbDate("2026-11"),
    amountMinor: 1_240_000n,
    description: "Webinar-sourced deals won",
    createdAt: claimed,
    updatedAt: claimed,
  },
});
await insertOpportunity(org, { name: "Initech renewal", expectedCloseDate: "2026-11-20", amountMinor: 1_330_000n });
const outsider = await createOrganization();

const emails = async (ids: Record<string, string>) =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(ids).map(async ([role, id]) => [
        role,
        (await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email,
      ]),
    ),
  );
const users = await emails({
  owner: org.users.owner.id,
  legalHead: org.users.legalHead.id,
  finance: org.users.finance.id,
  salesManager: org.users.salesManager.id,
  viewer: org.users.viewer.id,
});
console.log(JSON.stringify({ slug: org.slug, users, outsider: outsider.owner.email, legalId: org.legal.id }));
await db.$disconnect();
