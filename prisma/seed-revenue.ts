// Demo revenue for Acme Corp: two fiscal years of targets and invoice-level actuals with
// seasonality, a year that nearly made it and a current year falling short, so the dashboard
// tells a story on first run. Deterministic (seeded random), and written only once.
import type { PrismaClient } from "@db/client";
import { addMonths, fiscalYearMonths, monthRange, monthToDbDate, type MonthKey } from "@/lib/period";
import { spreadAnnual } from "@/lib/targets-spread";
import { random } from "./seed-random";

// Share of the year per month (basis points): a slow summer, a strong Q4.
const SEASONALITY_BP = [700, 750, 850, 800, 800, 750, 650, 650, 850, 950, 1050, 1200];

const CUSTOMERS = [
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Stark Industries",
  "Wayne Enterprises",
  "Soylent",
  "Tyrell",
  "Cyberdyne",
  "Wonka",
  "Vandelay",
  "Massive Dynamic",
];

type TYearPlan = { fiscalYear: number; annualTargetMinor: bigint; attainmentBp: number[] };

export async function seedDemoRevenue(
  db: PrismaClient,
  organizationId: string,
  today: { month: MonthKey; day: number },
  timeZone: string,
) {
  const year = Number(today.month.slice(0, 4));
  const plans: TYearPlan[] = [
    // Last year: 97 % overall, with a weak summer.
    {
      fiscalYear: year - 1,
      annualTargetMinor: 1_200_000_000n,
      attainmentBp: [10_200, 9_900, 10_100, 9_800, 9_900, 9_100, 8_900, 9_200, 9_900, 10_100, 9_800, 9_700],
    },
    // This year: a stronger target, slipping from the spring on.
    {
      fiscalYear: year,
      annualTargetMinor: 1_440_000_000n,
      attainmentBp: [9_800, 10_100, 9_400, 9_000, 8_600, 8_800, 8_200, 8_500, 8_700, 8_400, 8_300, 8_300],
    },
  ];
  const hasEntries = (await db.revenueEntry.count({ where: { organizationId } })) > 0;
  const next = random(20_260_101);
  for (const plan of plans) {
    const months = fiscalYearMonths(plan.fiscalYear, 1);
    const targets = spreadAnnual(plan.annualTargetMinor, SEASONALITY_BP, 11);
    await db.$transaction(
      months.map((month, i) =>
        db.revenueTarget.upsert({
          where: { organizationId_month: { organizationId, month: monthToDbDate(month) } },
          update: { amountMinor: targets[i] ?? 0n },
          create: { organizationId, month: monthToDbDate(month), amountMinor: targets[i] ?? 0n },
        }),
      ),
    );
    if (hasEntries) continue;
    const entries = months.flatMap((month, i) => {
      if (month > today.month) return [];
      // The month in progress has only the days so far.
      const share = month === today.month ? today.day / 30 : 1;
      const monthActual = ((targets[i] ?? 0n) * BigInt(plan.attainmentBp[i] ?? 10_000)) / 10_000n;
      return invoices(month, BigInt(Math.round(Number(monthActual) * share)), timeZone, next, organizationId);
    });
    await db.revenueEntry.createMany({ data: entries });
  }
  // Last year is closed, and this year up to two months ago.
  const closed = [
    ...fiscalYearMonths(year - 1, 1),
    ...fiscalYearMonths(year, 1).filter((m) => m < addMonths(today.month, -1)),
  ];
  // Each closed on the 5th of the following month, as a finance team would.
  const closedAt = (m: MonthKey) =>
    new Date(monthRange(addMonths(m, 1), timeZone).start.getTime() + 4 * 86_400_000 + 15 * 3_600_000);
  await db.periodClose.createMany({
    data: closed.map((m) => ({ organizationId, month: monthToDbDate(m), closedAt: closedAt(m) })),
    skipDuplicates: true,
  });
}

/** Splits a month's revenue into 30–60 invoices on random days, one refund now and then. */
function invoices(month: MonthKey, totalMinor: bigint, timeZone: string, next: () => number, organizationId: string) {
  const { start } = monthRange(month, timeZone);
  // Never in the future: the month in progress only has invoices up to now.
  const end = new Date(Math.min(monthRange(month, timeZone).end.getTime(), Date.now()));
  const count = 30 + Math.floor(next() * 30);
  const weights = Array.from({ length: count }, () => 0.3 + next());
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = totalMinor;
  return weights.map((w, i) => {
    const amountMinor = i === count - 1 ? left : BigInt(Math.floor((Number(totalMinor) * w) / sum));
    left -= amountMinor;
    const occurredAt = new Date(start.getTime() + Math.floor(next() * (end.getTime() - start.getTime() - 1)));
    const customer = CUSTOMERS[Math.floor(next() * CUSTOMERS.length)] ?? "Globex";
    return {
      organizationId,
      occurredAt,
      amountMinor,
      source: "API" as const,
      reference: `INV-${month.replace("-", "")}-${String(i + 1).padStart(3, "0")}`,
      customer,
    };
  });
}
