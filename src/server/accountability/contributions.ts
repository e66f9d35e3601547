import "server-only";
import { parseMoneyInput } from "@/lib/money";
import { monthLabel, monthToDbDate, dbDateToMonth, type MonthKey } from "@/lib/period";
import {
  ZContributionIdInput,
  ZLogContributionInput,
  ZReviewContributionInput,
  ZReviseContributionInput,
} from "@/lib/schemas/accountability";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, assertAmountBound, notFound } from "../errors";
import { assertMonthsOpen } from "../periods/open-months";
import { getOrganizationMoney } from "../organizations/queries";
import { createOnce, lastAuditedChange, staleSave } from "../concurrency";
import type { TTenantContext } from "../tenant";
import { assertDepartmentWrite, departmentForWrite } from "./guards";

async function parseAmount(tx: Tx, ctx: TTenantContext, text: string): Promise<bigint> {
  const { digits, currency } = await getOrganizationMoney(tx, ctx);
  const amountMinor = parseMoneyInput(text, digits);
  if (amountMinor === null || amountMinor === 0n) {
    throw new AppError("VALIDATION", "Enter the amount.", {
      amount: [
        `Enter a non-zero amount with at most ${digits} decimals: positive when the department added revenue, negative when it cost revenue.`,
      ],
    });
  }
  assertAmountBound(amountMinor, currency, "amount");
  return amountMinor;
}

/** A category of this organization for departments of `kind`; an archived one only if the record already had it. */
async function categoryFor(tx: Tx, organizationId: string, categoryId: string, kind: string, keepId?: string) {
  const category = await tx.contributionCategory.findUnique({
    where: { organizationId_id: { organizationId, id: categoryId } },
  });
  if (!category || category.kind !== kind)
    throw new AppError("VALIDATION", "Choose a category.", {
      categoryId: ["Choose one of this department's categories."],
    });
  if (category.archivedAt && category.id !== keepId)
    throw new AppError("VALIDATION", "Choose a category.", {
      categoryId: [`“${category.name}” is archived; choose another.`],
    });
  return category;
}

/** A deal of this organization, or VALIDATION on the field: another organization's id is simply not one of ours. */
async function checkOpportunity(tx: Tx, organizationId: string, opportunityId: string | undefined) {
  if (!opportunityId) return null;
  const deal = await tx.opportunity.findUnique({
    where: { organizationId_id: { organizationId, id: opportunityId } },
    select: { id: true },
  });
  if (!deal)
    throw new AppError("VALIDATION", "Choose a deal.", {
      opportunityId: ["Choose one of this organization's deals, or none."],
    });
  return deal.id;
}

const changedMeanwhile = () =>
  new AppError("CONFLICT", "This contribution changed a moment ago (finance may have reviewed it). Reload to see it.");

async function getContribution(tx: Tx, ctx: TTenantContext, contributionId: string) {
  const contribution = await tx.contribution.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: contributionId } },
  });
  if (!contribution) throw notFound("That contribution");
  return contribution;
}

const CHANGE_VERBS: Record<string, string> = {
  "contribution.revised": "revised",
  "contribution.confirmed": "confirmed",
  "contribution.disputed": "disputed",
  "contribution.logged": "logged",
};

/** A save from a form loaded before the contribution's `version` changed: who changed it, how, when. */
async function assertCurrent(
  tx: Tx,
  ctx: TTenantContext,
  contribution: { id: string; version: number },
  version: number | undefined,
) {
  if (version !== undefined && version !== contribution.version)
    throw await staleContribution(tx, ctx, contribution.id);
}

async function staleContribution(tx: Tx, ctx: TTenantContext, contributionId: string) {
  const change = await lastAuditedChange(tx, ctx, "Contribution", contributionId, Object.keys(CHANGE_VERBS));
  const { timeZone } = await getOrganizationMoney(tx, ctx);
  return staleSave(`${(change && CHANGE_VERBS[change.action]) ?? "changed"} this contribution`, change, timeZone);
}

/** A contribution its department's head may still change or withdraw: any not yet confirmed. */
async function unsettledContribution(
  tx: Tx,
  ctx: TTenantContext,
  contributionId: string,
  verb: "changed" | "withdrawn",
  version?: number,
) {
  const contribution = await getContribution(tx, ctx, contributionId);
  assertDepartmentWrite(ctx, contribution.departmentId);
  await assertCurrent(tx, ctx, contribution, version);
  if (contribution.status === "CONFIRMED")
    throw new AppError("CONFLICT", `This contribution is confirmed; it can no longer be ${verb}.`);
  return contribution;
}

/** The department a contribution belongs to, for the permission declaration (null: not found). */
async function contributionDepartment(ctx: TTenantContext, contributionId: string): Promise<string | null> {
  const row = await db.contribution.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: contributionId } },
    select: { departmentId: true },
  });
  return row?.departmentId ?? null;
}

/** A department head (or owner) logs a signed impact for their own department and a month; it starts CLAIMED. */
export const logContribution = tenantMutation({
  schema: ZLogContributionInput,
  permission: { permission: "department.write", department: (input) => input.departmentId },
  run: (ctx, input) =>
    createOnce(
      input.submissionId,
      async (submissionId) => {
        const found = await db.contribution.findUnique({
          where: { organizationId_submissionId: { organizationId: ctx.organizationId, submissionId } },
          select: { id: true },
        });
        return found && { contributionId: found.id };
      },
      () =>
        db.$transaction(async (tx) => {
          const { organizationId } = ctx;
          const department = await departmentForWrite(tx, ctx, input.departmentId);
          const category = await categoryFor(tx, organizationId, input.categoryId, department.kind);
          const amountMinor = await parseAmount(tx, ctx, input.amount);
          const opportunityId = await checkOpportunity(tx, organizationId, input.opportunityId);
          await assertMonthsOpen(tx, ctx, [input.month]);
          const contribution = await tx.contribution.create({
            data: {
              organizationId,
              departmentId: department.id,
              month: monthToDbDate(input.month),
              categoryId: category.id,
              amountMinor,
              description: input.description,
              evidenceUrl: input.evidenceUrl,
              opportunityId,
              createdById: ctx.userId,
              submissionId: input.submissionId,
            },
          });
          await recordAudit(tx, {
            organizationId,
            actor: ctx.actor,
            action: "contribution.logged",
            entityType: "Contribution",
            entityId: contribution.id,
            after: contribution,
          });
          return { contributionId: contribution.id };
        }),
    ),
});

/**
 * The head revises a claimed or disputed contribution; a disputed one returns to CLAIMED for
 * finance to look at again. A confirmed contribution is settled and does not change.
 */
export const reviseContribution = tenantMutation({
  schema: ZReviseContributionInput,
  permission: {
    permission: "department.write",
    departmentOf: (ctx, input) => contributionDepartment(ctx, input.contributionId),
  },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await unsettledContribution(tx, ctx, input.contributionId, "changed", input.version);
      const department = await departmentForWrite(tx, ctx, before.departmentId);
      const category = await categoryFor(tx, organizationId, input.categoryId, department.kind, before.categoryId);
      const amountMinor = await parseAmount(tx, ctx, input.amount);
      const opportunityId = await checkOpportunity(tx, organizationId, input.opportunityId);
      await assertMonthsOpen(tx, ctx, [dbDateToMonth(before.month), input.month]);
      const data = {
        month: monthToDbDate(input.month),
        categoryId: category.id,
        amountMinor,
        description: input.description,
        evidenceUrl: input.evidenceUrl,
        opportunityId,
        status: "CLAIMED" as const,
        reviewReason: null,
        reviewedById: null,
        reviewedAt: null,
      };
      const { count } = await tx.contribution.updateMany({
        where: { organizationId, id: before.id, status: before.status, version: before.version },
        data,
      });
      if (count !== 1) throw await staleContribution(tx, ctx, before.id);
      const after = { ...before, ...data };
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "contribution.revised",
        entityType: "Contribution",
        entityId: before.id,
        before,
        after,
      });
      return { contributionId: before.id };
    }),
});

/** The head withdraws a contribution that is not confirmed. Its history stays in the audit trail. */
export const withdrawContribution = tenantMutation({
  schema: ZContributionIdInput,
  permission: {
    permission: "department.write",
    departmentOf: (ctx, input) => contributionDepartment(ctx, input.contributionId),
  },
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await unsettledContribution(tx, ctx, input.contributionId, "withdrawn");
      await assertMonthsOpen(tx, ctx, [dbDateToMonth(before.month)]);
      // The status guard: finance may have confirmed it since it was read, and a confirmed one stays.
      const { count } = await tx.contribution.deleteMany({
        where: { organizationId, id: before.id, status: before.status },
      });
      if (count !== 1) throw changedMeanwhile();
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "contribution.withdrawn",
        entityType: "Contribution",
        entityId: before.id,
        before,
      });
      return { contributionId: before.id };
    }),
});

/** FINANCE or OWNER confirms or disputes a claimed contribution, with a reason (required to dispute). */
export const reviewContribution = tenantMutation({
  schema: ZReviewContributionInput,
  permission: "contributions.review",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getContribution(tx, ctx, input.contributionId);
      // Finance decides on what it read: a claim revised since then is reviewed again, not confirmed unseen.
      await assertCurrent(tx, ctx, before, input.version);
      if (before.status !== "CLAIMED") {
        throw new AppError(
          "CONFLICT",
          `This contribution is already ${before.status.toLowerCase()}. The department can revise a disputed one, which returns it to you.`,
        );
      }
      const month: MonthKey = dbDateToMonth(before.month);
      await assertMonthsOpen(tx, ctx, [month]);
      const data = {
        status: input.decision,
        reviewReason: input.reason,
        reviewedById: ctx.userId,
        reviewedAt: new Date(),
      };
      const { count } = await tx.contribution.updateMany({
        where: { organizationId, id: before.id, status: "CLAIMED", version: before.version },
        data,
      });
      if (count !== 1) throw await staleContribution(tx, ctx, before.id);
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: input.decision === "CONFIRMED" ? "contribution.confirmed" : "contribution.disputed",
        entityType: "Contribution",
        entityId: before.id,
        before,
        after: { ...before, ...data },
      });
      return { contributionId: before.id, status: input.decision, month: monthLabel(month) };
    }),
});
