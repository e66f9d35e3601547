import { afterEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@db/enums";
import { createApiToken, listApiTokens, revokeApiToken, verifyBearer } from "@/server/api/tokens";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { decodeActivityCursor, listActivity } from "@/server/organizations/activity";
import { listImportBatches } from "@/server/revenue/import-batches";
import { findDuplicateRows } from "@/server/revenue/import-duplicates";
import { resolveTenant, systemContext, type TMemberContext } from "@/server/tenant";
import { describeActor, describeAuditAction } from "@/lib/audit-trail";
import { addMember, createOrganization, tenantOf } from "../factories";
import { expectFailure, expectOk } from "../support/assertions";

// Settings → API tokens (issue 13): an owner creates, lists and revokes tokens; the secret is shown
// once and stored as a hash; Activity names whoever acted.

afterEach(() => {
  vi.useRealTimers();
});

const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
};

const tokensOf = (organizationId: string) =>
  db.apiToken.findMany({ where: { organizationId }, orderBy: { id: "asc" } });
const auditCount = (organizationId: string) => db.auditEvent.count({ where: { organizationId } });

async function ownerContext(org: Awaited<ReturnType<typeof createOrganization>>): Promise<TMemberContext> {
  const ctx = await resolveTenant(org.owner.id, org.organization.slug);
  if (!ctx) throw new Error("the owner has no context");
  return ctx;
}

async function createToken(
  org: Awaited<ReturnType<typeof createOrganization>>,
  input: { name?: string; scopes?: string[]; expiresOn?: string } = {},
) {
  return expectOk(
    await createApiToken(org.owner.id, org.organization.slug, {
      name: input.name ?? "Billing sync",
      scopes: input.scopes ?? ["READ", "REVENUE_WRITE"],
      expiresOn: input.expiresOn,
    }),
  );
}

describe("createApiToken", () => {
  it("gives the owner a bearer value that verifies once, stores only its hash, and lists the prefix, not the secret", async () => {
    const a = await createOrganization("Alpha");
    const created = await createToken(a);
    expect(created.bearer).toMatch(/^rvt_/);

    const verdict = await verifyBearer(`Bearer ${created.bearer}`);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) {
      expect(verdict.ctx.organizationId).toBe(a.organization.id);
      expect(verdict.ctx.actor).toEqual({ kind: "token", tokenId: created.id, name: "Billing sync" });
      expect(verdict.ctx.scopes).toEqual(["READ", "REVENUE_WRITE"]);
    }

    const [stored] = await tokensOf(a.organization.id);
    expect(stored?.secretHash).not.toBe(created.bearer);
    expect(created.bearer).not.toContain(stored?.secretHash ?? "");
    const secret = created.bearer.split("_").slice(2).join("_");
    expect(stored?.secretHash).not.toBe(secret);

    const [listed] = await listApiTokens(await ownerContext(a));
    expect(listed).toMatchObject({
      id: created.id,
      name: "Billing sync",
      prefix: created.prefix,
      scopes: ["READ", "REVENUE_WRITE"],
      createdBy: a.owner.name,
      revokedAt: null,
      expiresAt: null,
    });
    // The list carries nothing the bearer could be rebuilt from.
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain(stored?.secretHash ?? "");
    expect(secret.startsWith(listed?.prefix.replace("rvt_…", "") ?? "x")).toBe(true);
  });

  it("refuses every role but the owner and writes nothing", async () => {
    const a = await createOrganization("Alpha");
    const roles: [Role, string | null][] = [
      ["FINANCE", null],
      ["VIEWER", null],
      ["DEPARTMENT_HEAD", a.department("MARKETING").id],
      ["SALES_MANAGER", a.department("SALES").id],
    ];
    const audits = await auditCount(a.organization.id);
    for (const [role, departmentId] of roles) {
      const { user } = await addMember(a.organization.id, role, departmentId);
      const result = await createApiToken(user.id, a.organization.slug, { name: "Sneaky", scopes: ["READ"] });
      expectFailure(result, "FORBIDDEN");
    }
    expect(await tokensOf(a.organization.id)).toEqual([]);
    expect(await auditCount(a.organization.id)).toBe(audits);
  });

  it("refuses an expiry in the past (or today) with a message on the field, and creates nothing", async () => {
    at("2026-12-03T15:00:00Z");
    const a = await createOrganization("Alpha");
    for (const expiresOn of ["2026-11-30", "2026-12-03"]) {
      const result = await createApiToken(a.owner.id, a.organization.slug, {
        name: "Old",
        scopes: ["READ"],
        expiresOn,
      });
      expectFailure(result, "VALIDATION");
      expect(!result.ok && result.fieldErrors?.expiresOn?.[0]).toBeTruthy();
    }
    expect(await tokensOf(a.organization.id)).toEqual([]);
  });

  it("refuses a token without a name or a scope, naming the field", async () => {
    const a = await createOrganization("Alpha");
    const result = await createApiToken(a.owner.id, a.organization.slug, { name: " ", scopes: [] });
    expectFailure(result, "VALIDATION");
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["name", "scopes"]);
    expect(await tokensOf(a.organization.id)).toEqual([]);
  });
});

describe("revokeApiToken", () => {
  it("makes the bearer answer revoked, and the list shows when", async () => {
    const a = await createOrganization("Alpha");
    const created = await createToken(a);
    expect(expectOk(await revokeApiToken(a.owner.id, a.organization.slug, { tokenId: created.id }))).toEqual({
      tokenId: created.id,
      name: "Billing sync",
      alreadyRevoked: false,
    });
    expect(await verifyBearer(`Bearer ${created.bearer}`)).toEqual({ ok: false, reason: "revoked" });
    const [listed] = await listApiTokens(await ownerContext(a));
    expect(listed?.revokedAt).toBeInstanceOf(Date);
  });

  it("answers not found to a member of another organization naming this organization's token, which stays active", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const created = await createToken(a);
    const audits = await auditCount(a.organization.id);
    // B's owner, in B's own organization, with A's token id.
    expectFailure(await revokeApiToken(b.owner.id, b.organization.slug, { tokenId: created.id }), "NOT_FOUND");
    // B's owner cannot reach A's organization at all.
    expectFailure(await revokeApiToken(b.owner.id, a.organization.slug, { tokenId: created.id }), "NOT_FOUND");
    expect((await tokensOf(a.organization.id))[0]?.revokedAt).toBeNull();
    expect(await auditCount(a.organization.id)).toBe(audits);
    expect((await verifyBearer(`Bearer ${created.bearer}`)).ok).toBe(true);
  });

  it("refuses a non-owner of the same organization, and the token keeps working", async () => {
    const a = await createOrganization("Alpha");
    const created = await createToken(a);
    const { user } = await addMember(a.organization.id, "FINANCE");
    expectFailure(await revokeApiToken(user.id, a.organization.slug, { tokenId: created.id }), "FORBIDDEN");
    expect((await verifyBearer(`Bearer ${created.bearer}`)).ok).toBe(true);
  });
});

describe("an expired token", () => {
  it("verifies until the start of its expiry day (UTC) and answers expired from then on", async () => {
    at("2026-12-03T15:00:00Z");
    const a = await createOrganization("Alpha");
    const created = await createToken(a, { expiresOn: "2026-12-10" });
    expect(created.expiresAt?.toISOString()).toBe("2026-12-10T00:00:00.000Z");
    at("2026-12-09T23:59:59Z");
    expect((await verifyBearer(`Bearer ${created.bearer}`)).ok).toBe(true);
    at("2026-12-10T00:00:00Z");
    expect(await verifyBearer(`Bearer ${created.bearer}`)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("the audit trail (Settings → Activity)", () => {
  it("names the owner who created and revoked a token, newest first", async () => {
    const a = await createOrganization("Alpha");
    const created = await createToken(a);
    expectOk(await revokeApiToken(a.owner.id, a.organization.slug, { tokenId: created.id }));
    const { events } = await listActivity(await ownerContext(a), null);
    expect(
      events
        .slice(0, 2)
        .map((e) => [describeActor(e.actor), describeAuditAction(e.action), e.entityType, e.entityName]),
    ).toEqual([
      [a.owner.name, "Revoked API token", "ApiToken", "Billing sync"],
      [a.owner.name, "Created API token", "ApiToken", "Billing sync"],
    ]);
  });

  it("names a token, the system, and a member whose account is gone", async () => {
    const a = await createOrganization("Alpha");
    const ctx = await ownerContext(a);
    const created = await createToken(a, { name: "CRM push" });
    await db.$transaction(async (tx) => {
      await recordAudit(tx, {
        organizationId: a.organization.id,
        actor: { kind: "token", tokenId: created.id, name: "CRM push" },
        action: "opportunity.updated",
        entityType: "Opportunity",
        entityId: "deal-1",
        after: { name: "Globex renewal" },
      });
      await recordAudit(tx, {
        organizationId: a.organization.id,
        actor: (await systemContext(a.organization.id, "weekly-snapshot")).actor,
        action: "pipeline.snapshot.weekly",
        entityType: "PipelineSnapshot",
        entityId: "snap-1",
      });
    });
    // A member event whose user is gone: the schema keeps it with no actor (onDelete SetNull).
    await db.auditEvent.create({
      data: {
        organizationId: a.organization.id,
        actorKind: "MEMBER",
        actorId: null,
        action: "period.closed",
        entityType: "PeriodClose",
        entityId: "2026-11",
      },
    });

    const who = (await listActivity(ctx, null)).events.slice(0, 3).map((e) => describeActor(e.actor));
    expect(who.sort()).toEqual(["A removed member", "API token “CRM push”", "System · weekly-snapshot"]);
  });

  it("pages by 'Load older' without skipping or repeating events, and shows only this organization's", async () => {
    const a = await createOrganization("Alpha");
    const b = await createOrganization("Beta");
    const ctx = await ownerContext(a);
    // Several events in one millisecond: the id breaks the tie.
    const createdAt = new Date("2026-11-02T10:00:00Z");
    await db.auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        organizationId: a.organization.id,
        actorKind: "MEMBER" as const,
        actorId: a.owner.id,
        action: "kpiValue.set",
        entityType: "KpiValue",
        entityId: `v${i}`,
        createdAt,
      })),
    });
    await db.auditEvent.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({
        organizationId: b.organization.id,
        actorKind: "MEMBER" as const,
        actorId: b.owner.id,
        action: "kpiValue.set",
        entityType: "KpiValue",
        entityId: `b${i}`,
        createdAt,
      })),
    });
    const all = await db.auditEvent.findMany({ where: { organizationId: a.organization.id }, select: { id: true } });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listActivity>> = await listActivity(ctx, decodeActivityCursor(cursor), 3);
      seen.push(...page.events.map((e) => e.id));
      for (let i = 1; i < page.events.length; i++) expect(page.events[i - 1]!.at >= page.events[i]!.at).toBe(true);
      cursor = page.next;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen)).toEqual(new Set(all.map((e) => e.id)));
  });
});

describe("import batches sent with a token", () => {
  it("name the token as who imported, in the list of imports and when a file repeats their rows", async () => {
    const a = await createOrganization("Alpha");
    const created = await createToken(a, { name: "Billing sync" });
    const occurredAt = new Date("2026-11-03T17:00:00Z");
    const batch = await db.importBatch.create({
      data: {
        organizationId: a.organization.id,
        kind: "revenue",
        fileName: "API: Billing sync",
        fileHash: "h1",
        rowCount: 1,
        totalMinor: 125000n,
        roundedCount: 0,
        skipped: [],
        mapping: {},
        apiTokenId: created.id,
      },
    });
    await db.revenueEntry.create({
      data: {
        organizationId: a.organization.id,
        occurredAt,
        amountMinor: 125000n,
        source: "API",
        reference: "INV-1001",
        importBatchId: batch.id,
      },
    });

    const [listed] = await listImportBatches(await ownerContext(a), "America/New_York");
    expect(listed).toMatchObject({ fileName: "API: Billing sync", createdBy: null, apiTokenName: "Billing sync" });

    const row = {
      line: 2,
      occurredAt,
      month: "2026-11" as const,
      amountMinor: 125000n,
      isRounded: false,
      reference: "INV-1001",
      customer: null,
    };
    const { batches } = await findDuplicateRows(db, await tenantOf(a.organization.id), "America/New_York", [row]);
    expect(batches).toMatchObject([{ batchId: batch.id, importedBy: "API token “Billing sync”", rowCount: 1 }]);
  });
});
