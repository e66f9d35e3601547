import { afterEach, describe, expect, it } from "vitest";
import { createDepartment } from "@/server/departments/mutations";
import { createOpportunity } from "@/server/pipeline/opportunities";
import { createCommitment } from "@/server/accountability/commitments";
import { logContribution } from "@/server/accountability/contributions";
import { createPrismaClient, db } from "@/server/db";
import { closeMonth } from "@/server/month-close/close";
import { toFailure } from "@/server/errors";
import { addRevenueEntry } from "@/server/revenue/entries";
import { runTenantAction } from "@/server/run-action";
import { categoryId } from "../factories/accountability";
import { createPipelineOrganization } from "../factories/pipeline";

// Issue 10, finding 7 ("Outages and bad parameters") and finding 9's forged slug, at the layer where
// they broke: the one mutation wrapper, against real PostgreSQL.

const CONTROL = "Remove the control characters (such as NUL) from this field.";
const RANGE = "Dates are between 2000 and 2100.";
const UNAVAILABLE = {
  ok: false,
  code: "UNAVAILABLE",
  message: "The service is unavailable; nothing was saved. Try again in a moment.",
};

/** The process's Prisma client (the one src/server/db.ts hands out), swappable for an outage. */
const holder = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };

describe("finding 7: an outage answers in the form", () => {
  let healthy: ReturnType<typeof createPrismaClient> | undefined;
  afterEach(async () => {
    if (healthy) {
      const broken = holder.prisma;
      holder.prisma = healthy;
      healthy = undefined;
      await broken?.$disconnect();
    }
  });

  it("with the database unreachable, a mutation answers UNAVAILABLE without throwing, and nothing is written", async () => {
    const org = await createPipelineOrganization();
    await db.organization.count(); // the real client exists before it is swapped out
    healthy = holder.prisma;
    // A real client pointed at a closed port: what the app sees while PostgreSQL is down.
    holder.prisma = createPrismaClient("postgresql://postgres@127.0.0.1:1/revtrace");
    const entry = { date: "2026-03-10", amount: "120.00", customer: "Globex" };
    await expect(addRevenueEntry(org.users.finance.id, org.slug, entry)).resolves.toEqual(UNAVAILABLE);
    await expect(closeMonth(org.users.owner.id, org.slug, { month: "2026-01" })).resolves.toEqual(UNAVAILABLE);
    // The server action's body too (its session read is inside the error handling; outside a
    // request it cannot read a session, and still answers rather than throws).
    const viaAction = await runTenantAction(addRevenueEntry, org.slug, entry, () => "saved");
    expect(viaAction.ok).toBe(false);

    holder.prisma = healthy;
    healthy = undefined;
    expect(await db.revenueEntry.count({ where: { organizationId: org.organizationId } })).toBe(0);
    // And the app serves again without a restart.
    await expect(addRevenueEntry(org.users.finance.id, org.slug, entry)).resolves.toMatchObject({ ok: true });
  });

  it("a connection the server terminates mid-transaction is answered UNAVAILABLE, and the same client serves again", async () => {
    const url = process.env.DATABASE_URL ?? "";
    const [client, admin] = [createPrismaClient(url), createPrismaClient(url)];
    try {
      const result = await client
        .$transaction(async (tx) => {
          const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          // What a PostgreSQL restart does to every open connection.
          await admin.$queryRaw`SELECT pg_terminate_backend(${backend?.pid ?? 0}::int)`;
          return tx.$queryRaw`SELECT 1`;
        })
        .then(
          () => "no error",
          (error: unknown) => error,
        );
      expect(result).not.toBe("no error");
      expect(toFailure(result)).toEqual(UNAVAILABLE);
      await expect(client.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
    } finally {
      await Promise.all([client.$disconnect(), admin.$disconnect()]);
    }
  });
});

describe("finding 7: bad parameters get field messages, not generic errors", () => {
  it("refuses NUL and other control characters in every kind of text field, naming the field", async () => {
    const org = await createPipelineOrganization();
    const { slug, users } = org;
    expect(await createDepartment(users.owner.id, slug, { name: "Ops\u0000", kind: "OTHER" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: [CONTROL] },
    });
    const deal = {
      name: "Deal\u001b[31m",
      account: "Globex",
      amount: "10",
      stageId: org.stage("Commit").id,
      expectedCloseDate: "2026-06-15",
      ownerId: users.salesManager.id,
    };
    expect(await createOpportunity(users.salesManager.id, slug, deal)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: [CONTROL] },
    });
    expect(
      await addRevenueEntry(users.finance.id, slug, { date: "2026-03-10", amount: "1", customer: "Glo\u0000bex" }),
    ).toMatchObject({ ok: false, fieldErrors: { customer: [CONTROL] } });
    const contribution = {
      departmentId: org.billing.id,
      month: "2026-03",
      categoryId: await categoryId(org.organizationId, "BILLING"),
      amount: "5",
      description: "Line one\u0000",
    };
    expect(await logContribution(users.billingHead.id, slug, contribution)).toMatchObject({
      ok: false,
      fieldErrors: { description: [CONTROL] },
    });
    // A multi-line field keeps its line breaks and tabs.
    expect(
      await logContribution(users.billingHead.id, slug, { ...contribution, description: "Line one\n\tLine two" }),
    ).toMatchObject({ ok: true });
    expect(
      await db.department.count({ where: { organizationId: org.organizationId, name: { startsWith: "Ops" } } }),
    ).toBe(0);
    expect(await db.opportunity.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });

  it("refuses dates outside 2000–2100 in forms and month keys with a field message", async () => {
    const org = await createPipelineOrganization();
    const { slug, users } = org;
    expect(await closeMonth(users.owner.id, slug, { month: "0000-01" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { month: [RANGE] },
    });
    expect(await addRevenueEntry(users.finance.id, slug, { date: "9999-12-31", amount: "1" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { date: [RANGE] },
    });
    expect(await addRevenueEntry(users.finance.id, slug, { date: "0000-01-01", amount: "1" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { date: [RANGE] },
    });
    const commitment = {
      departmentId: org.billing.id,
      title: "Collect",
      ownerId: users.billingHead.id,
      dueDate: "1999-12-31",
      expectedImpact: "10",
    };
    expect(await createCommitment(users.billingHead.id, slug, commitment)).toMatchObject({
      ok: false,
      fieldErrors: { dueDate: [RANGE] },
    });
    const deal = {
      name: "Deal",
      account: "Globex",
      amount: "10",
      stageId: org.stage("Commit").id,
      expectedCloseDate: "2101-01-01",
      ownerId: users.salesManager.id,
    };
    expect(await createOpportunity(users.salesManager.id, slug, deal)).toMatchObject({
      ok: false,
      fieldErrors: { expectedCloseDate: [RANGE] },
    });
    // The range's own ends are accepted.
    expect(await addRevenueEntry(users.finance.id, slug, { date: "2000-01-01", amount: "1" })).toMatchObject({
      ok: true,
    });
    expect(await db.periodClose.count({ where: { organizationId: org.organizationId } })).toBe(0);
  });
});

describe("finding 9: a server action's slug argument is validated as a string", () => {
  it("a slug given as a filter object is not found, through the mutation and through the action body, and changes nothing", async () => {
    const org = await createPipelineOrganization();
    const forged = { not: "" } as unknown as string;
    const entry = { date: "2026-03-10", amount: "1" };
    const notFound = { ok: false, code: "NOT_FOUND", message: "That organization was not found." };
    expect(await addRevenueEntry(org.users.finance.id, forged, entry)).toEqual(notFound);
    expect(await runTenantAction(addRevenueEntry, { contains: "" }, entry, () => "saved")).toEqual(notFound);
    expect(await runTenantAction(addRevenueEntry, ["acme"], entry, () => "saved")).toEqual(notFound);
    expect(
      await closeMonth(org.users.owner.id, { startsWith: org.slug.slice(0, 2) } as unknown as string, {
        month: "2026-01",
      }),
    ).toEqual(notFound);
    expect(await db.revenueEntry.count()).toBe(0);
    expect(await db.periodClose.count()).toBe(0);
  });
});
