import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiScope } from "@db/enums";
import { db } from "@/server/db";
import { createApiToken, revokeApiToken } from "@/server/api/tokens";
import {
  getBridge,
  getDashboard,
  getDeals,
  getScorecards,
  postRevenueEntries,
  putDeal,
  putKpiValuesHandler,
} from "@/server/api/endpoints";
import { closeMonth } from "@/server/month-close/close";
import { insertKpi } from "../factories/accountability";
import { createPipelineOrganization, insertOpportunity, type TPipelineOrganization } from "../factories/pipeline";
import { expectOk } from "../support/assertions";

// /api/v1 through its real handlers: a Request in, a Response out, PostgreSQL behind. Every
// endpoint is probed with another organization's token, a token without the scope, and a revoked
// or expired one; writes with replayed and conflicting Idempotency-Keys and with one bad row.

type THandler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ALL_SCOPES: ApiScope[] = ["READ", "REVENUE_WRITE", "PIPELINE_WRITE", "KPIS_WRITE"];

async function tokenFor(org: TPipelineOrganization, scopes: ApiScope[] = ALL_SCOPES, name = "Billing sync") {
  return expectOk(await createApiToken(org.users.owner.id, org.slug, { name, scopes })).bearer;
}

const freshKey = () => `key-${randomUUID()}`;

function call(
  handler: THandler,
  method: string,
  path: string,
  options: { bearer?: string; body?: unknown; key?: string; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (method !== "GET") headers["idempotency-key"] = options.key ?? freshKey();
  const request = new Request(`http://revtrace.test/api/v1${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

const entries = (month = "2026-11") => ({
  entries: [
    { date: `${month}-03`, amount: "1250.00", reference: "INV-1001", customer: "Globex" },
    { date: `${month}-17`, amount: "749.99", reference: "INV-1002" },
  ],
});

const revenueCount = (organizationId: string) => db.revenueEntry.count({ where: { organizationId } });

afterEach(() => {
  vi.useRealTimers();
});

describe("authentication and scopes", () => {
  it("answers 401 without a token, with a malformed or unknown one, and after revocation or expiry", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a, ["READ"]);
    expect((await call(getDeals, "GET", "/deals")).status).toBe(401);
    expect((await call(getDeals, "GET", "/deals", { bearer: "not-a-token" })).status).toBe(401);
    expect((await call(getDeals, "GET", "/deals", { bearer: `${bearer.slice(0, -4)}AAAA` })).status).toBe(401);
    expect((await call(getDeals, "GET", "/deals", { bearer })).status).toBe(200);

    const token = await db.apiToken.findFirstOrThrow({ where: { organizationId: a.organizationId } });
    expectOk(await revokeApiToken(a.users.owner.id, a.slug, { tokenId: token.id }));
    const revoked = await call(getDeals, "GET", "/deals", { bearer });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({
      error: {
        code: "UNAUTHENTICATED",
        message: "That API token was revoked. Ask an owner for a new one.",
        fields: {},
      },
    });

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T12:00:00Z"));
    const expiring = expectOk(
      await createApiToken(a.users.owner.id, a.slug, { name: "Short", scopes: ["READ"], expiresOn: "2026-12-05" }),
    ).bearer;
    expect((await call(getDeals, "GET", "/deals", { bearer: expiring })).status).toBe(200);
    vi.setSystemTime(new Date("2026-12-05T00:00:00Z"));
    const expired = await call(getDeals, "GET", "/deals", { bearer: expiring });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toContain("expired");
  });

  it("refuses a write with a read-only token (403) and writes nothing", async () => {
    const a = await createPipelineOrganization("Alpha");
    const readOnly = await tokenFor(a, ["READ"]);
    const res = await call(postRevenueEntries, "POST", "/revenue-entries", { bearer: readOnly, body: entries() });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({
      code: "FORBIDDEN",
      message: "This token lacks the revenue:write scope.",
    });
    const deal = await call(putDeal, "PUT", "/deals/CRM-1", {
      bearer: readOnly,
      params: { externalId: "CRM-1" },
      body: {
        name: "Deal",
        amount: "10.00",
        stage: "Proposal",
        closeDate: "2026-12-15",
        ownerEmail: a.users.salesManager.email,
      },
    });
    expect(deal.status).toBe(403);
    const kpi = await call(putKpiValuesHandler, "PUT", "/kpi-values", {
      bearer: readOnly,
      body: { month: "2026-11", values: [{ department: "Legal", kpi: "Contracts", value: "3" }] },
    });
    expect(kpi.status).toBe(403);
    expect(await revenueCount(a.organizationId)).toBe(0);
    expect(await db.opportunity.count({ where: { organizationId: a.organizationId } })).toBe(0);
  });

  it("refuses reads without the read scope", async () => {
    const a = await createPipelineOrganization("Alpha");
    const writeOnly = await tokenFor(a, ["REVENUE_WRITE"]);
    for (const [handler, path] of [
      [getDashboard, "/dashboard"],
      [getBridge, "/bridge"],
      [getScorecards, "/scorecards"],
      [getDeals, "/deals"],
    ] as const) {
      expect((await call(handler, "GET", path, { bearer: writeOnly })).status, path).toBe(403);
    }
  });
});

describe("POST /revenue-entries", () => {
  it("writes a batch the dashboard counts, listed as the token's, audited with the token as actor", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T15:00:00Z"));
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const res = await call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: entries() });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ created: 2, total: "1999.99", currency: "USD", months: ["2026-11"] });

    const rows = await db.revenueEntry.findMany({
      where: { organizationId: a.organizationId },
      orderBy: { occurredAt: "asc" },
    });
    expect(rows.map((r) => [r.amountMinor, r.source, r.reference, r.importBatchId])).toEqual([
      [125000n, "API", "INV-1001", body.batchId],
      [74999n, "API", "INV-1002", body.batchId],
    ]);
    // Dated at the start of the day in the organization's zone (New York, UTC−5 in November).
    expect(rows[0]?.occurredAt.toISOString()).toBe("2026-11-03T05:00:00.000Z");
    const token = await db.apiToken.findFirstOrThrow({ where: { organizationId: a.organizationId } });
    expect(
      await db.importBatch.findFirstOrThrow({ where: { organizationId: a.organizationId, id: body.batchId } }),
    ).toMatchObject({
      kind: "revenue",
      apiTokenId: token.id,
      fileName: "API: Billing sync",
      rowCount: 2,
      totalMinor: 199999n,
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { organizationId: a.organizationId, action: "revenue.pushed" } }),
    ).toMatchObject({ actorKind: "TOKEN", apiTokenId: token.id, actorId: null, entityId: body.batchId });

    const dashboard = await (await call(getDashboard, "GET", "/dashboard?period=m-2026-11", { bearer })).json();
    expect(dashboard.toDate).toMatchObject({ months: ["2026-11"], actual: "1999.99", target: null });
  });

  it("replays the first answer for the same key and body, and writes nothing the second time", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const key = "push-2026-11";
    const first = await call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: entries(), key });
    const second = await call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: entries(), key });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await revenueCount(a.organizationId)).toBe(2);
  });

  it("answers 409 for the same key with another body, and writes nothing", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    await call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: entries(), key: "k1" });
    const other = await call(postRevenueEntries, "POST", "/revenue-entries", {
      bearer,
      body: entries("2026-10"),
      key: "k1",
    });
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe("IDEMPOTENCY_CONFLICT");
    expect(await revenueCount(a.organizationId)).toBe(2);
  });

  it("lets two concurrent requests with one key write once", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const [one, two] = await Promise.all([
      call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: entries(), key: "same" }),
      call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: entries(), key: "same" }),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(await two.json()).toEqual(await one.json());
    expect(await revenueCount(a.organizationId)).toBe(2);
  });

  it("refuses a batch with one bad row, names the row, and writes nothing; the key can then be reused", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const bad = {
      entries: [...entries().entries, { date: "2026-11-31", amount: "5.00" }, { date: "2026-11-04", amount: "12.345" }],
    };
    const res = await call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: bad, key: "retry-me" });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields)).toEqual(["entries.2.date"]);
    const fixedDate = {
      entries: [...entries().entries, { date: "2026-11-30", amount: "5.00" }, { date: "2026-11-04", amount: "12.345" }],
    };
    const res2 = await call(postRevenueEntries, "POST", "/revenue-entries", {
      bearer,
      body: fixedDate,
      key: "retry-me",
    });
    expect(res2.status).toBe(400);
    expect((await res2.json()).error.fields).toEqual({ "entries.3.amount": ["Send at most 2 decimals for USD."] });
    expect(await revenueCount(a.organizationId)).toBe(0);
    const good = await call(postRevenueEntries, "POST", "/revenue-entries", {
      bearer,
      body: entries(),
      key: "retry-me",
    });
    expect(good.status).toBe(201);
    expect(await revenueCount(a.organizationId)).toBe(2);
  });

  it("takes exactly 10,000 entries in one request, to the cent", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    // 10,000 entries of 0.01 … 100.00 (i % 10,000 + 1 cents): Σ = 10,000 × 10,001 / 2 cents = 500,050.00.
    const many = {
      entries: Array.from({ length: 10_000 }, (_, i) => ({
        date: `2026-11-${String((i % 28) + 1).padStart(2, "0")}`,
        amount: ((i + 1) / 100).toFixed(2),
        reference: `INV-${i}`,
      })),
    };
    const res = await call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: many });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ created: 10_000, total: "500050.00" });
    const sums = await db.$queryRaw<
      { sum: bigint }[]
    >`SELECT SUM("amountMinor")::bigint AS sum FROM "RevenueEntry" WHERE "organizationId" = ${a.organizationId}`;
    expect(sums[0]?.sum).toBe(50_005_000n);
  });

  it("refuses more than 10,000 entries and a missing Idempotency-Key", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const tooMany = { entries: Array.from({ length: 10_001 }, () => ({ date: "2026-11-03", amount: "1.00" })) };
    const res = await call(postRevenueEntries, "POST", "/revenue-entries", { bearer, body: tooMany });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.entries).toEqual(["Send at most 10,000 entries per request."]);
    const noKey = await postRevenueEntries(
      new Request("http://revtrace.test/api/v1/revenue-entries", {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}` },
        body: JSON.stringify(entries()),
      }),
      { params: Promise.resolve({}) },
    );
    expect(noKey.status).toBe(400);
    expect(await revenueCount(a.organizationId)).toBe(0);
  });

  it("refuses a closed month with 409 and writes nothing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T15:00:00Z"));
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    expectOk(await closeMonth(a.users.owner.id, a.slug, { month: "2026-10", confirmOpenItems: true }));
    const res = await call(postRevenueEntries, "POST", "/revenue-entries", {
      bearer,
      body: { entries: [...entries().entries, { date: "2026-10-30", amount: "1.00" }] },
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe(
      "Oct 2026 is closed. An owner must reopen it before anything in it can change.",
    );
    expect(await revenueCount(a.organizationId)).toBe(0);
  });

  it("keeps another organization's token out: its writes land in its own organization only", async () => {
    const a = await createPipelineOrganization("Alpha");
    const b = await createPipelineOrganization("Beta");
    const bearerB = await tokenFor(b);
    await call(postRevenueEntries, "POST", "/revenue-entries", { bearer: bearerB, body: entries() });
    expect(await revenueCount(a.organizationId)).toBe(0);
    expect(await revenueCount(b.organizationId)).toBe(2);
  });
});

describe("PUT /deals/{externalId}", () => {
  const deal = (org: TPipelineOrganization, overrides: Record<string, unknown> = {}) => ({
    name: "Globex renewal",
    amount: "48000.00",
    stage: "proposal",
    closeDate: "2026-12-15",
    ownerEmail: org.users.salesManager.email.toUpperCase(),
    ...overrides,
  });

  it("creates the deal, then updates it with a history row, both audited with the token", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T15:00:00Z"));
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const created = await call(putDeal, "PUT", "/deals/CRM-4411", {
      bearer,
      params: { externalId: "CRM-4411" },
      body: deal(a),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const updated = await call(putDeal, "PUT", "/deals/CRM-4411", {
      bearer,
      params: { externalId: "CRM-4411" },
      body: deal(a, { amount: "52000.00", stage: "Negotiation" }),
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id, created: false, changedFields: 3 });
    const row = await db.opportunity.findFirstOrThrow({
      where: { organizationId: a.organizationId, externalId: "CRM-4411" },
    });
    expect(row).toMatchObject({
      amountMinor: 5_200_000n,
      stageId: a.stage("Negotiation").id,
      ownerId: a.users.salesManager.id,
      account: "Globex renewal",
    });
    const history = await db.opportunityChange.findMany({
      where: { organizationId: a.organizationId, opportunityId: id },
      orderBy: { changedAt: "asc" },
    });
    expect(history.map((h) => Object.keys(h.changes as object).sort())).toEqual([
      ["created"],
      ["amountMinor", "probabilityBp", "stageId"],
    ]);
    const audits = await db.auditEvent.findMany({
      where: { organizationId: a.organizationId, entityId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((e) => [e.action, e.actorKind])).toEqual([
      ["opportunity.created", "TOKEN"],
      ["opportunity.updated", "TOKEN"],
    ]);

    const page = await (await call(getDeals, "GET", "/deals", { bearer })).json();
    expect(page.deals).toEqual([
      expect.objectContaining({
        externalId: "CRM-4411",
        amount: "52000.00",
        stage: "Negotiation",
        owner: { name: a.users.salesManager.name, email: a.users.salesManager.email },
      }),
    ]);
  });

  it("names unknown stages and owners by field and writes nothing", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const res = await call(putDeal, "PUT", "/deals/X", {
      bearer,
      params: { externalId: "X" },
      body: deal(a, { stage: "Imaginary", ownerEmail: "nobody@example.com" }),
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(["ownerEmail", "stage"]);
    expect(await db.opportunity.count({ where: { organizationId: a.organizationId } })).toBe(0);
  });

  it("cannot touch another organization's deal with the same external id", async () => {
    const a = await createPipelineOrganization("Alpha");
    const b = await createPipelineOrganization("Beta");
    await insertOpportunity(a, { externalId: "CRM-1", amountMinor: 1_000_00n });
    const bearerB = await tokenFor(b);
    const res = await call(putDeal, "PUT", "/deals/CRM-1", {
      bearer: bearerB,
      params: { externalId: "CRM-1" },
      body: deal(b, { amount: "9.00" }),
    });
    expect(res.status).toBe(201);
    expect(
      (await db.opportunity.findFirstOrThrow({ where: { organizationId: a.organizationId, externalId: "CRM-1" } }))
        .amountMinor,
    ).toBe(1_000_00n);
  });
});

describe("GET /deals pagination", () => {
  it("walks every deal once with the cursor, and refuses a forged cursor", async () => {
    const a = await createPipelineOrganization("Alpha");
    const b = await createPipelineOrganization("Beta");
    for (let i = 0; i < 5; i += 1) await insertOpportunity(a, { name: `Deal ${i}`, externalId: `A-${i}` });
    await insertOpportunity(b, { name: "Beta's deal", externalId: "B-1" });
    const bearer = await tokenFor(a, ["READ"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await (
        await call(getDeals, "GET", `/deals?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { bearer })
      ).json();
      seen.push(...page.deals.map((d: { externalId: string }) => d.externalId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(["A-0", "A-1", "A-2", "A-3", "A-4"]);
    const forged = await call(getDeals, "GET", "/deals?cursor=%7Bnot", { bearer });
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.fields.cursor).toBeDefined();
  });
});

describe("PUT /kpi-values", () => {
  it("sets values by department and KPI name; a bad value writes nothing and names its position", async () => {
    const a = await createPipelineOrganization("Alpha");
    const bearer = await tokenFor(a);
    const contracts = await insertKpi(a.organizationId, a.legal.id, { name: "Contracts reviewed" });
    const res = await call(putKpiValuesHandler, "PUT", "/kpi-values", {
      bearer,
      body: { month: "2026-11", values: [{ department: "legal", kpi: "contracts reviewed", value: "42" }] },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ changed: 1, departments: ["Legal"] });
    expect(
      (await db.kpiValue.findFirstOrThrow({ where: { organizationId: a.organizationId, kpiId: contracts.id } }))
        .valueScaled,
    ).toBe(42_00n); // counts are stored in hundredths

    const bad = await call(putKpiValuesHandler, "PUT", "/kpi-values", {
      bearer,
      body: { month: "2026-12", values: [{ department: "Legal", kpi: "Contracts reviewed", value: "lots" }] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(["values.0.value"]);
    const unknown = await call(putKpiValuesHandler, "PUT", "/kpi-values", {
      bearer,
      body: { month: "2026-12", values: [{ department: "Legal", kpi: "Nope", value: "1" }] },
    });
    expect((await unknown.json()).error.fields["values.0.kpi"]).toEqual(["Legal's KPIs are: Contracts reviewed."]);
    expect(await db.kpiValue.count({ where: { organizationId: a.organizationId } })).toBe(1);
  });
});

describe("reads", () => {
  it("answer the organization's own numbers only", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T15:00:00Z"));
    const a = await createPipelineOrganization("Alpha");
    const b = await createPipelineOrganization("Beta");
    await call(postRevenueEntries, "POST", "/revenue-entries", { bearer: await tokenFor(b), body: entries() });
    const bearer = await tokenFor(a, ["READ"]);
    const dashboard = await (await call(getDashboard, "GET", "/dashboard?period=fy-2026", { bearer })).json();
    expect(dashboard.organization.name).toBe("Alpha");
    expect(dashboard.actualYearToDate).toBe("0.00");
    // A month after D has no actual yet: null, not a zero that reads as data.
    const nextYear = await (await call(getDashboard, "GET", "/dashboard?period=fy-2027", { bearer })).json();
    expect(nextYear.months[0]).toEqual({ month: "2027-01", target: null, actual: null, isComplete: false });
    const bridge = await call(getBridge, "GET", "/bridge?period=fy-2026&includeClaimed=maybe", { bearer });
    expect(bridge.status).toBe(400);
    const scorecards = await (await call(getScorecards, "GET", "/scorecards?period=m-2026-11", { bearer })).json();
    expect(scorecards.departments.map((d: { name: string }) => d.name)).toContain("Legal");
    expect((await (await call(getDeals, "GET", "/deals", { bearer })).json()).deals).toEqual([]);
  });
});

describe("every endpoint", () => {
  type TProbe = {
    name: string;
    handler: THandler;
    method: string;
    path: string;
    scope: ApiScope;
    params?: Record<string, string>;
    body?: (org: TPipelineOrganization) => unknown;
  };
  const PROBES: TProbe[] = [
    { name: "dashboard", handler: getDashboard, method: "GET", path: "/dashboard", scope: "READ" },
    { name: "bridge", handler: getBridge, method: "GET", path: "/bridge", scope: "READ" },
    { name: "scorecards", handler: getScorecards, method: "GET", path: "/scorecards", scope: "READ" },
    { name: "deals", handler: getDeals, method: "GET", path: "/deals", scope: "READ" },
    {
      name: "revenue entries",
      handler: postRevenueEntries,
      method: "POST",
      path: "/revenue-entries",
      scope: "REVENUE_WRITE",
      body: () => entries(),
    },
    {
      name: "deal upsert",
      handler: putDeal,
      method: "PUT",
      path: "/deals/CRM-9",
      scope: "PIPELINE_WRITE",
      params: { externalId: "CRM-9" },
      body: (org) => ({
        name: "Deal",
        amount: "10.00",
        stage: "Proposal",
        closeDate: "2026-12-15",
        ownerEmail: org.users.salesManager.email,
      }),
    },
    {
      name: "KPI values",
      handler: putKpiValuesHandler,
      method: "PUT",
      path: "/kpi-values",
      scope: "KPIS_WRITE",
      body: () => ({ month: "2026-11", values: [{ department: "Legal", kpi: "Contracts reviewed", value: "3" }] }),
    },
  ];

  async function writesOf(organizationId: string) {
    const [entries, deals, values] = await Promise.all([
      db.revenueEntry.count({ where: { organizationId } }),
      db.opportunity.count({ where: { organizationId } }),
      db.kpiValue.count({ where: { organizationId } }),
    ]);
    return { entries, deals, values };
  }

  it("answers 401 to a revoked token and 403 to a token without its scope, writing nothing", async () => {
    const a = await createPipelineOrganization("Alpha");
    await insertKpi(a.organizationId, a.legal.id, { name: "Contracts reviewed" });
    const revoked = await tokenFor(a, ALL_SCOPES, "Old");
    expectOk(
      await revokeApiToken(a.users.owner.id, a.slug, {
        tokenId: (await db.apiToken.findFirstOrThrow({ where: { organizationId: a.organizationId, name: "Old" } })).id,
      }),
    );
    const before = await writesOf(a.organizationId);
    for (const probe of PROBES) {
      const args = { params: probe.params, body: probe.body?.(a) };
      expect(
        (await call(probe.handler, probe.method, probe.path, { ...args, bearer: revoked })).status,
        probe.name,
      ).toBe(401);
      const others = ALL_SCOPES.filter((s) => s !== probe.scope);
      const withoutScope = await tokenFor(a, others, `No ${probe.scope} ${probe.name}`);
      expect(
        (await call(probe.handler, probe.method, probe.path, { ...args, bearer: withoutScope })).status,
        probe.name,
      ).toBe(403);
    }
    expect(await writesOf(a.organizationId)).toEqual(before);
  });

  it("answers 404 to another organization's token naming this organization's records, and changes nothing here", async () => {
    const a = await createPipelineOrganization("Alpha");
    const b = await createPipelineOrganization("Beta");
    await insertKpi(a.organizationId, a.legal.id, { name: "Contracts reviewed" });
    const bearerB = await tokenFor(b);
    const before = await writesOf(a.organizationId);
    const scorecard = await call(getScorecards, "GET", `/scorecards?departmentId=${a.legal.id}`, { bearer: bearerB });
    expect(scorecard.status).toBe(404);
    // By name, Beta's token reaches Beta's own Legal department, which has no such KPI.
    const kpi = await call(putKpiValuesHandler, "PUT", "/kpi-values", {
      bearer: bearerB,
      body: { month: "2026-11", values: [{ department: "Legal", kpi: "Contracts reviewed", value: "3" }] },
    });
    expect(kpi.status).toBe(400);
    expect((await kpi.json()).error.fields["values.0.kpi"]).toEqual(["Legal has no KPIs yet."]);
    expect(await writesOf(a.organizationId)).toEqual(before);
    // Its own scorecard of the same department kind answers.
    expect(
      (await call(getScorecards, "GET", `/scorecards?departmentId=${b.legal.id}`, { bearer: bearerB })).status,
    ).toBe(200);
  });
});
