import "server-only";
import { formatMoney, parseMoneyInput } from "@/lib/money";
import { dbDateToMonth, fiscalYearMonths, monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import { ZSetMonthlyTargetsInput, ZSpreadAnnualTargetInput } from "@/lib/schemas/revenue";
import { EVEN_WEIGHTS_BP, percentToBasisPoints, spreadAnnual } from "@/lib/targets-spread";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, assertAmountBound, type FieldErrors } from "../errors";
import { amountBoundMessage, isWithinAmountBound } from "@/lib/money";
import { cellToken, staleSave } from "../concurrency";
import type { TTenantContext } from "../tenant";
import { getOrganizationMoney } from "../organizations/queries";
import { assertMonthsOpen } from "../periods/open-months";

const amountHint = (digits: number) =>
  `Enter an amount like 125000 or 125,000${digits ? `.${"5".padEnd(digits, "0")}` : ""}.`;

type TTargetRow = { id: string; month: Date; amountMinor: bigint; version: number };

/**
 * Writes the targets of one fiscal year: `wanted` maps a month to its amount, or to null to remove
 * it. Only months whose value changes are written, so an untouched closed month does not block an
 * edit elsewhere; a changed closed month refuses the whole write. With `versions` (the grid's
 * loaded tokens), each written month must still be the copy the user saw, else nothing is written.
 */
async function writeTargets(
  tx: Tx,
  ctx: TTenantContext,
  fiscalYear: number,
  wanted: Map<MonthKey, bigint | null>,
  versions?: Record<string, string>,
) {
  const { organizationId } = ctx;
  const existing: TTargetRow[] = await tx.revenueTarget.findMany({
    where: { organizationId, month: { in: [...wanted.keys()].map(monthToDbDate) } },
    select: { id: true, month: true, amountMinor: true, version: true },
  });
  const rows = new Map(existing.map((t) => [dbDateToMonth(t.month), t]));
  const before = new Map(existing.map((t) => [dbDateToMonth(t.month), t.amountMinor]));
  const changed = [...wanted].filter(([month, amount]) => (before.get(month) ?? null) !== amount);
  if (versions) {
    const stale = changed.map(([m]) => m).filter((m) => versions[m] !== cellToken(rows.get(m)));
    if (stale.length) throw await staleTargets(tx, ctx, fiscalYear, stale);
  }
  await assertMonthsOpen(
    tx,
    ctx,
    changed.map(([m]) => m),
  );
  for (const [month, amountMinor] of changed) {
    if (!(await writeCell(tx, organizationId, month, rows.get(month), amountMinor)))
      throw await staleTargets(tx, ctx, fiscalYear, [month]);
  }
  if (changed.length) {
    await recordAudit(tx, {
      organizationId,
      actor: ctx.actor,
      action: "revenueTargets.updated",
      entityType: "RevenueTarget",
      entityId: `FY${fiscalYear}`,
      before: Object.fromEntries(changed.map(([m]) => [m, before.get(m) ?? null])),
      after: Object.fromEntries(changed),
    });
  }
  return { changedMonths: changed.map(([m]) => m) };
}

/**
 * Writes one month, guarded by the version read with `row` (or by the month being still empty):
 * false when another save landed in between, and nothing was written.
 */
async function writeCell(
  tx: Tx,
  organizationId: string,
  month: MonthKey,
  row: TTargetRow | undefined,
  amountMinor: bigint | null,
): Promise<boolean> {
  if (!row) {
    if (amountMinor === null) return true;
    const { count } = await tx.revenueTarget.createMany({
      data: [{ organizationId, month: monthToDbDate(month), amountMinor }],
      skipDuplicates: true,
    });
    return count === 1;
  }
  const guard = { organizationId, id: row.id, version: row.version };
  const { count } =
    amountMinor === null
      ? await tx.revenueTarget.deleteMany({ where: guard })
      : await tx.revenueTarget.updateMany({ where: guard, data: { amountMinor } });
  return count === 1;
}

/**
 * The conflict for months changed since the grid loaded: who set each one to what, and when (from
 * the audit trail, whose FY event lists the months it changed), each on its cell.
 */
async function staleTargets(tx: Tx, ctx: TTenantContext, fiscalYear: number, months: MonthKey[]) {
  const { currency, timeZone } = await getOrganizationMoney(tx, ctx);
  const fieldErrors: FieldErrors = {};
  const sentences: string[] = [];
  for (const month of months) {
    const [last] = await tx.$queryRaw<{ name: string | null; at: Date; value: string | null }[]>`
      SELECT u.name, a."createdAt" AS at, a.after ->> ${month} AS value
      FROM "AuditEvent" a LEFT JOIN "User" u ON u.id = a."actorId"
      WHERE a."organizationId" = ${ctx.organizationId} AND a."entityType" = 'RevenueTarget' AND a."entityId" = ${`FY${fiscalYear}`}
        AND jsonb_exists(a.after, ${month})
      ORDER BY a."createdAt" DESC LIMIT 1`;
    const what =
      last?.value == null
        ? `removed ${monthLabel(month)}'s target`
        : `changed ${monthLabel(month)}'s target to ${formatMoney(BigInt(last.value), currency)}`;
    const error = await staleSave(what, last ? { by: last.name ?? "Someone", at: last.at } : null, timeZone);
    fieldErrors[`targets.${month}`] = [error.message];
    sentences.push(error.message);
  }
  const message =
    sentences.length > 1
      ? `${sentences[0]} (${sentences.length - 1} more month${sentences.length > 2 ? "s" : ""} changed too: see the marked months.)`
      : (sentences[0] ?? "");
  return new AppError("CONFLICT", message, fieldErrors);
}

export const setMonthlyTargets = tenantMutation({
  schema: ZSetMonthlyTargetsInput,
  permission: "targets.write",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { digits, fiscalYearStartMonth, currency } = await getOrganizationMoney(tx, ctx);
      const yearMonths = new Set(fiscalYearMonths(input.fiscalYear, fiscalYearStartMonth));
      const wanted = new Map<MonthKey, bigint | null>();
      const fieldErrors: FieldErrors = {};
      for (const [month, text] of Object.entries(input.targets) as [MonthKey, string][]) {
        if (!yearMonths.has(month))
          throw new AppError("VALIDATION", `${monthLabel(month)} is not in FY${input.fiscalYear}.`);
        const amount = text === "" ? null : parseMoneyInput(text, digits);
        if (text !== "" && (amount === null || amount < 0n)) fieldErrors[`targets.${month}`] = [amountHint(digits)];
        else if (amount !== null && !isWithinAmountBound(amount))
          fieldErrors[`targets.${month}`] = [amountBoundMessage(currency)];
        else wanted.set(month, amount);
      }
      if (Object.keys(fieldErrors).length)
        throw new AppError("VALIDATION", "Some targets are not amounts: see the marked months.", fieldErrors);
      if (input.versions)
        for (const month of wanted.keys())
          if (input.versions[month] === undefined)
            throw new AppError("VALIDATION", "This form is out of date; reload the page.");
      return writeTargets(tx, ctx, input.fiscalYear, wanted, input.versions);
    }),
});

export const spreadAnnualTarget = tenantMutation({
  schema: ZSpreadAnnualTargetInput,
  permission: "targets.write",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { digits, fiscalYearStartMonth, currency } = await getOrganizationMoney(tx, ctx);
      const annual = parseMoneyInput(input.annual, digits);
      if (annual === null || annual <= 0n)
        throw new AppError("VALIDATION", "Enter the annual target.", { annual: [amountHint(digits)] });
      assertAmountBound(annual, currency, "annual");
      const weights = input.distribution === "even" ? EVEN_WEIGHTS_BP : parsePercentages(input.percentages ?? []);
      const months = fiscalYearMonths(input.fiscalYear, fiscalYearStartMonth);
      const shares = spreadAnnual(annual, weights, input.remainderMonth);
      const result = await writeTargets(tx, ctx, input.fiscalYear, new Map(months.map((m, i) => [m, shares[i] ?? 0n])));
      return { ...result, annual: formatMoney(annual, currency) };
    }),
});

function parsePercentages(texts: string[]): number[] {
  const fieldErrors: FieldErrors = {};
  const weights = texts.map((text, i) => {
    const bp = percentToBasisPoints(text === "" ? "0" : text);
    if (bp === null) fieldErrors[`percentages.${i}`] = ["Use a percentage with at most two decimals."];
    return bp ?? 0;
  });
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Some percentages are not valid.", fieldErrors);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total !== 10_000) {
    const message = `The percentages add up to ${(total / 100).toFixed(2)} %; they must add up to exactly 100 %.`;
    throw new AppError("VALIDATION", message, { percentages: [message] });
  }
  return weights;
}
