import "server-only";
import { parseMoneyInput } from "@/lib/money";
import { monthOf, startOfLocalDate } from "@/lib/period";
import { ZAddRevenueEntryInput, ZEntryIdInput } from "@/lib/schemas/revenue";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { createOnce } from "../concurrency";
import { db } from "../db";
import { AppError, assertAmountBound, notFound } from "../errors";
import { assertMonthsOpen } from "../periods/open-months";
import { getOrganizationMoney } from "../organizations/queries";

/** A manual actual: dated at the start of the chosen day in the organization's time zone. */
export const addRevenueEntry = tenantMutation({
  schema: ZAddRevenueEntryInput,
  permission: "actuals.write",
  run: (ctx, input) =>
    createOnce(
      input.submissionId,
      async (submissionId) => {
        const entry = await db.revenueEntry.findUnique({
          where: { organizationId_submissionId: { organizationId: ctx.organizationId, submissionId } },
          select: { id: true },
        });
        return entry && { entryId: entry.id };
      },
      () =>
        db.$transaction(async (tx) => {
          const { digits, timeZone, currency } = await getOrganizationMoney(tx, ctx);
          const amountMinor = parseMoneyInput(input.amount, digits);
          if (amountMinor === null || amountMinor === 0n) {
            throw new AppError("VALIDATION", "Enter the amount.", {
              amount: [`Enter a non-zero amount with at most ${digits} decimals; a refund is negative.`],
            });
          }
          assertAmountBound(amountMinor, currency, "amount");
          const [year, month, day] = input.date.split("-").map(Number) as [number, number, number];
          const occurredAt = startOfLocalDate(year, month, day, timeZone);
          await assertMonthsOpen(tx, ctx, [monthOf(occurredAt, timeZone)]);
          const entry = await tx.revenueEntry.create({
            data: {
              organizationId: ctx.organizationId,
              occurredAt,
              amountMinor,
              source: "MANUAL",
              reference: input.reference,
              customer: input.customer,
              createdById: ctx.userId,
              submissionId: input.submissionId,
            },
          });
          await recordAudit(tx, {
            organizationId: ctx.organizationId,
            actor: ctx.actor,
            action: "revenueEntry.created",
            entityType: "RevenueEntry",
            entityId: entry.id,
            after: entry,
          });
          return { entryId: entry.id };
        }),
    ),
});

/** Deletes a manual entry; imported rows leave with their batch (undo), never one by one. */
export const deleteRevenueEntry = tenantMutation({
  schema: ZEntryIdInput,
  permission: "actuals.write",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const entry = await tx.revenueEntry.findUnique({
        where: { organizationId_id: { organizationId, id: input.entryId } },
      });
      if (entry?.source !== "MANUAL") throw notFound("That manual entry");
      const { timeZone } = await getOrganizationMoney(tx, ctx);
      await assertMonthsOpen(tx, ctx, [monthOf(entry.occurredAt, timeZone)]);
      await tx.revenueEntry.deleteMany({ where: { organizationId, id: entry.id } });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "revenueEntry.deleted",
        entityType: "RevenueEntry",
        entityId: entry.id,
        before: entry,
      });
      return { entryId: entry.id };
    }),
});
