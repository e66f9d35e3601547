import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { isTotalInRange } from "@/lib/csv/summary";
import { amountBoundMessage, isWithinAmountBound, minorToDecimalString, parseMoneyInput } from "@/lib/money";
import { monthOf, startOfLocalDate, type MonthKey } from "@/lib/period";
import type { ZApiRevenueEntriesBody } from "@/lib/schemas/api";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { AppError, type FieldErrors } from "../errors";
import { REVENUE_IMPORT_KIND } from "../revenue/import-batches";
import { lockRevenueImports } from "../revenue/import";
import { assertMonthsOpen } from "../periods/open-months";
import type { TTenantContext } from "../tenant";

type TBody = z.output<typeof ZApiRevenueEntriesBody>;

/** Up to this many bad entries are named one by one; the message counts the rest. */
const ERRORS_NAMED = 50;

/**
 * Writes a request's revenue entries as one batch (source API), listed with the file imports and
 * undone like them, or nothing: every entry is checked first (amount in the currency's digits,
 * not zero, within the bound), then the months must all be open. Runs in the caller's transaction.
 */
export async function pushRevenueEntries(tx: Tx, ctx: TTenantContext, body: TBody) {
  if (ctx.actor.kind !== "token") throw new AppError("FORBIDDEN", "Only an API token pushes entries through the API.");
  const { organizationId, organization } = ctx;
  const { digits, timeZone, currency } = organization;
  const fieldErrors: FieldErrors = {};
  let bad = 0;
  const rows = body.entries.map((entry, index) => {
    const amountMinor = parseMoneyInput(entry.amount, digits);
    const problem =
      amountMinor === null
        ? `Send at most ${digits} decimal${digits === 1 ? "" : "s"} for ${currency}.`
        : amountMinor === 0n
          ? "The amount is zero; send a non-zero amount (a refund is negative)."
          : !isWithinAmountBound(amountMinor)
            ? amountBoundMessage(currency)
            : null;
    if (problem) {
      bad += 1;
      if (bad <= ERRORS_NAMED) fieldErrors[`entries.${index}.amount`] = [problem];
    }
    const [year, month, day] = entry.date.split("-").map(Number) as [number, number, number];
    const occurredAt = startOfLocalDate(year, month, day, timeZone);
    return {
      occurredAt,
      amountMinor: amountMinor ?? 0n,
      reference: entry.reference || null,
      customer: entry.customer || null,
      month: monthOf(occurredAt, timeZone),
    };
  });
  if (bad) {
    const [first] = Object.entries(fieldErrors);
    const where = first ? `entry ${Number(first[0].split(".")[1]) + 1}: ${first[1][0]}` : "";
    throw new AppError(
      "VALIDATION",
      `${bad.toLocaleString("en-US")} entr${bad === 1 ? "y has" : "ies have"} a bad amount (first: ${where}). Nothing was written.`,
      fieldErrors,
    );
  }
  const total = rows.reduce((sum, r) => sum + r.amountMinor, 0n);
  if (!isTotalInRange(total))
    throw new AppError("VALIDATION", "The entries' total is too large to store.", {
      entries: ["The entries' total is too large to store."],
    });
  const months = [...new Set(rows.map((r) => r.month))].sort() as MonthKey[];
  await lockRevenueImports(tx, ctx);
  await assertMonthsOpen(tx, ctx, months);
  const contentHash = createHash("sha256").update(JSON.stringify(body.entries)).digest("hex");
  const batch = await tx.importBatch.create({
    data: {
      organizationId,
      kind: REVENUE_IMPORT_KIND,
      fileName: `API: ${ctx.actor.name}`,
      fileHash: contentHash,
      rowCount: rows.length,
      totalMinor: total,
      roundedCount: 0,
      skipped: [],
      mapping: { source: "api" },
      apiTokenId: ctx.actor.tokenId,
    },
    select: { id: true },
  });
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    await tx.$executeRaw`
      INSERT INTO "RevenueEntry" ("organizationId", id, "occurredAt", "amountMinor", source, reference, customer, "importBatchId")
      SELECT ${organizationId}, gen_random_uuid()::text, r.occurred_at, r.amount_minor, 'API'::"RevenueSource", r.reference, r.customer, ${batch.id}
      FROM unnest(
        ${chunk.map((r) => r.occurredAt)}::timestamptz[],
        ${chunk.map((r) => r.amountMinor.toString())}::bigint[],
        ${chunk.map((r) => r.reference)}::text[],
        ${chunk.map((r) => r.customer)}::text[]
      ) AS r(occurred_at, amount_minor, reference, customer)`;
  }
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: "revenue.pushed",
    entityType: "ImportBatch",
    entityId: batch.id,
    after: { id: batch.id, fileName: `API: ${ctx.actor.name}`, rowCount: rows.length, totalMinor: total, months },
  });
  return { batchId: batch.id, created: rows.length, total: minorToDecimalString(total, digits), currency, months };
}
