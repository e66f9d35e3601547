import "server-only";
import { currencyDigits, formatMoney, parseMoneyInput } from "@/lib/money";
import { dbDateToMonth, fiscalYearMonths, monthLabel, monthToDbDate, type MonthKey } from "@/lib/period";
import { ZSetMonthlyTargetsInput, ZSpreadAnnualTargetInput } from "@/lib/schemas/revenue";
import { EVEN_WEIGHTS_BP, percentToBasisPoints, spreadAnnual } from "@/lib/targets-spread";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, assertAmountBound, type FieldErrors } from "../errors";
import { amountBoundMessage, isWithinAmountBound } from "@/lib/money";
import type { TTenantContext } from "../tenant";
import { assertMonthsOpen } from "./period-close";

export async function getOrganizationMoney(tx: Tx, organizationId: string) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { currency: true, timeZone: true, fiscalYearStartMonth: true } });
  return { ...org, digits: currencyDigits(org.currency) };
}

const amountHint = (digits: number) => `Enter an amount like 125000 or 125,000${digits ? `.${"5".padEnd(digits, "0")}` : ""}.`;

/**
 * Writes the targets of one fiscal year: `wanted` maps a month to its amount, or to null to remove
 * it. Only months whose value changes are written, so an untouched closed month does not block an
 * edit elsewhere; a changed closed month refuses the whole write.
 */
async function writeTargets(tx: Tx, ctx: TTenantContext, fiscalYear: number, wanted: Map<MonthKey, bigint | null>) {
  const { organizationId } = ctx;
  const existing = await tx.revenueTarget.findMany({
    where: { organizationId, month: { in: [...wanted.keys()].map(monthToDbDate) } },
    select: { month: true, amountMinor: true },
  });
  const before = new Map(existing.map((t) => [dbDateToMonth(t.month), t.amountMinor]));
  const changed = [...wanted].filter(([month, amount]) => (before.get(month) ?? null) !== amount);
  await assertMonthsOpen(tx, organizationId, changed.map(([m]) => m));
  for (const [month, amountMinor] of changed) {
    const where = { organizationId_month: { organizationId, month: monthToDbDate(month) } };
    if (amountMinor === null) await tx.revenueTarget.deleteMany({ where: { organizationId, month: monthToDbDate(month) } });
    else await tx.revenueTarget.upsert({ where, update: { amountMinor }, create: { organizationId, month: monthToDbDate(month), amountMinor } });
  }
  if (changed.length) {
    await recordAudit(tx, {
      organizationId,
      actorId: ctx.userId,
      action: "revenueTargets.updated",
      entityType: "RevenueTarget",
      entityId: `FY${fiscalYear}`,
      before: Object.fromEntries(changed.map(([m]) => [m, before.get(m) ?? null])),
      after: Object.fromEntries(changed),
    });
  }
  return { changedMonths: changed.map(([m]) => m) };
}

export const setMonthlyTargets = tenantMutation({
  schema: ZSetMonthlyTargetsInput,
  permission: "targets.write",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { digits, fiscalYearStartMonth, currency } = await getOrganizationMoney(tx, ctx.organizationId);
      const yearMonths = new Set(fiscalYearMonths(input.fiscalYear, fiscalYearStartMonth));
      const wanted = new Map<MonthKey, bigint | null>();
      const fieldErrors: FieldErrors = {};
      for (const [month, text] of Object.entries(input.targets) as [MonthKey, string][]) {
        if (!yearMonths.has(month)) throw new AppError("VALIDATION", `${monthLabel(month)} is not in FY${input.fiscalYear}.`);
        const amount = text === "" ? null : parseMoneyInput(text, digits);
        if (text !== "" && (amount === null || amount < 0n)) fieldErrors[`targets.${month}`] = [amountHint(digits)];
        else if (amount !== null && !isWithinAmountBound(amount)) fieldErrors[`targets.${month}`] = [amountBoundMessage(currency)];
        else wanted.set(month, amount);
      }
      if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Some targets are not amounts: see the marked months.", fieldErrors);
      return writeTargets(tx, ctx, input.fiscalYear, wanted);
    }),
});

export const spreadAnnualTarget = tenantMutation({
  schema: ZSpreadAnnualTargetInput,
  permission: "targets.write",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { digits, fiscalYearStartMonth, currency } = await getOrganizationMoney(tx, ctx.organizationId);
      const annual = parseMoneyInput(input.annual, digits);
      if (annual === null || annual <= 0n) throw new AppError("VALIDATION", "Enter the annual target.", { annual: [amountHint(digits)] });
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
