import "server-only";
import type { Prisma, StageOutcome } from "@db/client";
import { parseMoneyInput } from "@/lib/money";
import { categoryForStage } from "@/lib/pipeline";
import {
  fiscalQuarterOfMonth,
  fiscalYearMonths,
  fiscalYearOfMonth,
  monthKey,
  monthToDbDate,
  type MonthKey,
} from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { ZCreateOpportunityInput, ZUpdateOpportunityInput } from "@/lib/schemas/pipeline";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, assertAmountBound, notFound, type FieldErrors } from "../errors";
import { getOrganizationMoney } from "../organizations/queries";
import { now } from "@/server/clock";
import { createOnce, listText, staleSave } from "../concurrency";
import type { TTenantContext } from "../tenant";
import type { z } from "zod";
import { isoDate, lastDayOfMonth } from "@/lib/dates";

export { categoryForStage };

const dbDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The last day (YYYY-MM-DD) of the fiscal quarter that `month` falls in. */
export function fiscalQuarterEnd(month: MonthKey, fiscalYearStartMonth: number): string {
  const quarter = fiscalQuarterOfMonth(month, fiscalYearStartMonth);
  const last =
    fiscalYearMonths(fiscalYearOfMonth(month, fiscalYearStartMonth), fiscalYearStartMonth)[quarter * 3 - 1] ?? month;
  return lastDayOfMonth(last);
}

async function stageFor(tx: Tx, ctx: TTenantContext, stageId: string) {
  const { organizationId } = ctx;
  const stage = await tx.pipelineStage.findUnique({ where: { organizationId_id: { organizationId, id: stageId } } });
  if (!stage || stage.archivedAt)
    throw new AppError("VALIDATION", "Choose a stage.", { stageId: ["Choose one of this organization's stages."] });
  return stage;
}

async function checkMember(tx: Tx, ctx: TTenantContext, userId: string) {
  const { organizationId } = ctx;
  const member = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    select: { userId: true },
  });
  if (!member)
    throw new AppError("VALIDATION", "Choose an owner.", { ownerId: ["Choose a member of this organization."] });
}

/** A department newly named on a deal or a cause: one of this organization's, and not archived. */
async function checkDepartment(tx: Tx, ctx: TTenantContext, departmentId: string, field: string) {
  const { organizationId } = ctx;
  const department = await tx.department.findUnique({
    where: { organizationId_id: { organizationId, id: departmentId } },
    select: { id: true, name: true, archivedAt: true },
  });
  if (!department)
    throw new AppError("VALIDATION", "Choose a department.", {
      [field]: ["Choose one of this organization's departments."],
    });
  if (department.archivedAt)
    throw new AppError("VALIDATION", "Choose a department.", {
      [field]: [`${department.name} is archived; choose another department.`],
    });
}

const externalIdTaken = () =>
  new AppError("CONFLICT", "A deal with that external id exists.", {
    externalId: ["A deal with that external id exists."],
  });

async function parseAmount(tx: Tx, ctx: TTenantContext, text: string) {
  const { digits, currency } = await getOrganizationMoney(tx, ctx);
  const amount = parseMoneyInput(text, digits);
  if (amount === null || amount < 0n)
    throw new AppError("VALIDATION", "Enter the amount.", {
      amount: [`Enter the deal's amount, zero or more, with at most ${digits} decimals.`],
    });
  assertAmountBound(amount, currency, "amount");
  return amount;
}

/** A SALES_MANAGER or OWNER adds a deal. */
export const createOpportunity = tenantMutation({
  schema: ZCreateOpportunityInput,
  permission: "pipeline.write",
  run: (ctx, input) =>
    createOnce(
      input.submissionId,
      async (submissionId) => {
        const found = await db.opportunity.findUnique({
          where: { organizationId_submissionId: { organizationId: ctx.organizationId, submissionId } },
          select: { id: true },
        });
        return found && { opportunityId: found.id };
      },
      () => db.$transaction((tx) => createDealInTx(tx, ctx, input)),
    ),
});

/** Creates a deal inside `tx` with its first history row and audit event (the form and the API). */
export async function createDealInTx(tx: Tx, ctx: TTenantContext, input: z.output<typeof ZCreateOpportunityInput>) {
  const { organizationId } = ctx;
  const stage = await stageFor(tx, ctx, input.stageId);
  await checkMember(tx, ctx, input.ownerId);
  if (input.sourceDepartmentId) await checkDepartment(tx, ctx, input.sourceDepartmentId, "sourceDepartmentId");
  const amountMinor = await parseAmount(tx, ctx, input.amount);
  if (
    input.externalId &&
    (await tx.opportunity.findUnique({
      where: { organizationId_externalId: { organizationId, externalId: input.externalId } },
    }))
  ) {
    throw externalIdTaken();
  }
  const opportunity = await tx.opportunity.create({
    data: {
      organizationId,
      name: input.name,
      account: input.account,
      amountMinor,
      stageId: stage.id,
      outcome: stage.outcome,
      probabilityBp: input.probability ?? stage.probabilityBp,
      forecastCategory: input.forecastCategory ?? categoryForStage(stage.outcome, null, stage.name),
      expectedCloseDate: dbDate(input.expectedCloseDate),
      ownerId: input.ownerId,
      sourceDepartmentId: input.sourceDepartmentId,
      externalId: input.externalId,
      closedAt: stage.outcome === "OPEN" ? null : new Date(),
      submissionId: input.submissionId,
    },
  });
  await tx.opportunityChange.create({
    data: {
      organizationId,
      opportunityId: opportunity.id,
      changedById: ctx.userId,
      changes: { created: [null, opportunity.name] },
    },
  });
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: "opportunity.created",
    entityType: "Opportunity",
    entityId: opportunity.id,
    after: opportunity,
  });
  return { opportunityId: opportunity.id };
}

type TOpportunity = Prisma.OpportunityGetPayload<object>;

const FIELD_LABELS: Record<string, string> = {
  name: "name",
  account: "account",
  amountMinor: "amount",
  stageId: "stage",
  probabilityBp: "probability",
  forecastCategory: "forecast category",
  expectedCloseDate: "close date",
  ownerId: "owner",
  sourceDepartmentId: "source department",
  externalId: "external id",
};

/** Who changed the deal since the form loaded it, which fields and when: its latest history row. */
async function staleDeal(tx: Tx, ctx: TTenantContext, opportunityId: string) {
  const { organizationId } = ctx;
  const last = await tx.opportunityChange.findFirst({
    where: { organizationId, opportunityId },
    orderBy: { changedAt: "desc" },
    include: { changedBy: { select: { name: true } } },
  });
  const fields = Object.keys((last?.changes ?? {}) as object).flatMap((f) => FIELD_LABELS[f] ?? []);
  const { timeZone } = await getOrganizationMoney(tx, ctx);
  const change = last ? { by: last.changedBy?.name ?? "Someone", at: last.changedAt } : null;
  return staleSave(`changed this deal's ${fields.length ? listText(fields) : "details"}`, change, timeZone);
}

/**
 * Whether this change loses the deal or slips it out of the current fiscal quarter, and if so the
 * cause record it needs: a lost deal counts in the month it was expected to close when it was lost,
 * a slipped one in the month it slipped out of (DESIGN.md "The gap bridge").
 */
export function causeNeeded(
  before: Pick<TOpportunity, "outcome" | "expectedCloseDate">,
  after: { outcome: StageOutcome; expectedCloseDate: string },
  quarterEnd: string,
): { kind: "LOST" | "SLIPPED"; month: MonthKey } | null {
  const beforeDate = isoDate(before.expectedCloseDate);
  const month = beforeDate.slice(0, 7) as MonthKey;
  if (before.outcome !== "LOST" && after.outcome === "LOST") return { kind: "LOST", month };
  if (
    before.outcome === "OPEN" &&
    after.outcome === "OPEN" &&
    beforeDate <= quarterEnd &&
    after.expectedCloseDate > quarterEnd
  )
    return { kind: "SLIPPED", month };
  return null;
}

const FIELDS = [
  "name",
  "account",
  "amountMinor",
  "stageId",
  "probabilityBp",
  "forecastCategory",
  "expectedCloseDate",
  "ownerId",
  "sourceDepartmentId",
  "externalId",
] as const;
const asHistory = (v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Date ? isoDate(v) : (v ?? null));

/**
 * Changes a deal (inline edits send one field at a time). Moving the stage sets its default
 * probability unless one is given; losing the deal or moving its close date out of the current
 * fiscal quarter needs a cause and a responsible department. Every save is kept as history.
 */
export const updateOpportunity = tenantMutation({
  schema: ZUpdateOpportunityInput,
  permission: "pipeline.write",
  run: (ctx, input) => db.$transaction((tx) => updateDealInTx(tx, ctx, input)),
});

/** Changes a deal inside `tx` (the form and the API): history row, causes, audit. */
export async function updateDealInTx(tx: Tx, ctx: TTenantContext, input: z.output<typeof ZUpdateOpportunityInput>) {
  const { organizationId } = ctx;
  // Lock the deal before reading it: two people losing (or slipping) it at once would otherwise
  // both see it open and charge the loss twice. The second waits here, then reads the first's save.
  await tx.$queryRaw`SELECT 1 AS locked FROM "Opportunity" WHERE "organizationId" = ${organizationId} AND id = ${input.opportunityId} FOR UPDATE`;
  const before = await tx.opportunity.findUnique({
    where: { organizationId_id: { organizationId, id: input.opportunityId } },
  });
  if (!before) throw notFound("That deal");
  if (input.version !== undefined && input.version !== before.version) throw await staleDeal(tx, ctx, before.id);
  const stage = input.stageId && input.stageId !== before.stageId ? await stageFor(tx, ctx, input.stageId) : null;
  if (input.ownerId && input.ownerId !== before.ownerId) await checkMember(tx, ctx, input.ownerId);
  // Only a newly named department is checked: an edit that resends the current one still saves
  // after that department is archived.
  if (input.sourceDepartmentId && input.sourceDepartmentId !== before.sourceDepartmentId)
    await checkDepartment(tx, ctx, input.sourceDepartmentId, "sourceDepartmentId");
  if (
    input.externalId &&
    input.externalId !== before.externalId &&
    (await tx.opportunity.findUnique({
      where: { organizationId_externalId: { organizationId, externalId: input.externalId } },
      select: { id: true },
    }))
  ) {
    throw externalIdTaken();
  }
  const outcome = stage?.outcome ?? before.outcome;
  const after = {
    name: input.name ?? before.name,
    account: input.account ?? before.account,
    amountMinor: input.amount === undefined ? before.amountMinor : await parseAmount(tx, ctx, input.amount),
    // An amount typed on a deal imported without one (even 0) is its amount from now on.
    amountMissing: input.amount === undefined ? before.amountMissing : false,
    stageId: stage?.id ?? before.stageId,
    outcome,
    probabilityBp: input.probability ?? stage?.probabilityBp ?? before.probabilityBp,
    forecastCategory:
      input.forecastCategory ??
      (stage ? categoryForStage(outcome, before.forecastCategory, stage.name) : before.forecastCategory),
    expectedCloseDate: input.expectedCloseDate ? dbDate(input.expectedCloseDate) : before.expectedCloseDate,
    ownerId: input.ownerId ?? before.ownerId,
    sourceDepartmentId: input.sourceDepartmentId === undefined ? before.sourceDepartmentId : input.sourceDepartmentId,
    externalId: input.externalId === undefined ? before.externalId : input.externalId,
    closedAt: outcome === before.outcome ? before.closedAt : outcome === "OPEN" ? null : new Date(),
  };
  // A deal without an amount reads as "—" in its history, so setting one (even 0) is a change.
  const value = (
    deal: { amountMissing: boolean } & Record<(typeof FIELDS)[number], unknown>,
    f: (typeof FIELDS)[number],
  ) => (f === "amountMinor" && deal.amountMissing ? null : asHistory(deal[f]));
  const changes = Object.fromEntries(
    FIELDS.filter((f) => value(before, f) !== value(after, f)).map((f) => [f, [value(before, f), value(after, f)]]),
  );
  if (!Object.keys(changes).length)
    return { opportunityId: before.id, changed: 0, cause: null, version: before.version };

  const { timeZone, fiscalYearStartMonth } = await getOrganizationMoney(tx, ctx);
  const today = todayIn(timeZone, await now());
  const needed = causeNeeded(
    before,
    { outcome, expectedCloseDate: isoDate(after.expectedCloseDate) },
    fiscalQuarterEnd(monthKey(today.year, today.month), fiscalYearStartMonth),
  );
  let causeId: string | null = null;
  if (needed) {
    const missing: FieldErrors = {};
    if (!input.lossCauseId)
      missing.lossCauseId = [
        needed.kind === "LOST" ? "Say why the deal was lost." : "Say why the deal slipped out of the quarter.",
      ];
    if (!input.responsibleDepartmentId) missing.responsibleDepartmentId = ["Name the department responsible."];
    if (Object.keys(missing).length)
      throw new AppError(
        "VALIDATION",
        needed.kind === "LOST"
          ? "A lost deal needs a cause and a responsible department."
          : "A deal slipping out of the quarter needs a cause and a responsible department.",
        missing,
      );
    const lossCause = await tx.lossCause.findUnique({
      where: { organizationId_id: { organizationId, id: input.lossCauseId ?? "" } },
    });
    if (!lossCause || lossCause.archivedAt)
      throw new AppError("VALIDATION", "Choose a cause.", {
        lossCauseId: ["Choose one of this organization's causes."],
      });
    await checkDepartment(tx, ctx, input.responsibleDepartmentId ?? "", "responsibleDepartmentId");
    const cause = await tx.opportunityCause.create({
      data: {
        organizationId,
        opportunityId: before.id,
        kind: needed.kind,
        month: monthToDbDate(needed.month),
        amountMinor: before.amountMinor,
        lossCauseId: lossCause.id,
        responsibleDepartmentId: input.responsibleDepartmentId ?? "",
        createdById: ctx.userId,
      },
    });
    causeId = cause.id;
    await recordAudit(tx, {
      organizationId,
      actor: ctx.actor,
      action: `opportunity.${needed.kind === "LOST" ? "lost" : "slipped"}`,
      entityType: "OpportunityCause",
      entityId: cause.id,
      after: cause,
    });
  }
  if (before.outcome === "LOST" && outcome !== "LOST") {
    // Reopened or won after all: the loss no longer stands, so it stops counting against the
    // department it named (the audit keeps the withdrawn causes; losing it again asks anew).
    const withdrawn = await tx.opportunityCause.findMany({
      where: { organizationId, opportunityId: before.id, kind: "LOST" },
    });
    if (withdrawn.length) {
      await tx.opportunityCause.deleteMany({ where: { organizationId, opportunityId: before.id, kind: "LOST" } });
      for (const cause of withdrawn) {
        await recordAudit(tx, {
          organizationId,
          actor: ctx.actor,
          action: "opportunity.lossWithdrawn",
          entityType: "OpportunityCause",
          entityId: cause.id,
          before: cause,
        });
      }
    }
  }
  // The row is locked above, so the version cannot move in between; the guard states the rule.
  const { count } = await tx.opportunity.updateMany({
    where: { organizationId, id: before.id, version: before.version },
    data: after,
  });
  if (count !== 1) throw await staleDeal(tx, ctx, before.id);
  const { version } = await tx.opportunity.findUniqueOrThrow({
    where: { organizationId_id: { organizationId, id: before.id } },
    select: { version: true },
  });
  await tx.opportunityChange.create({
    data: { organizationId, opportunityId: before.id, changedById: ctx.userId, changes },
  });
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: "opportunity.updated",
    entityType: "Opportunity",
    entityId: before.id,
    before,
    after: { ...before, ...after },
  });
  return {
    opportunityId: before.id,
    changed: Object.keys(changes).length,
    cause: causeId ? { id: causeId, kind: needed?.kind } : null,
    version,
  };
}
