// Demo pipeline for Acme Corp (issue 5): a few hundred deals over the two fiscal years with their
// history. Past close dates are mostly won or lost, future ones open, a handful of open deals are
// stale; lost and slipped deals name the department that caused them (legal, billing, customer
// service, media relations, marketing as well as sales), a few of those attributions are disputed
// and settled. Two weekly snapshots give "what changed" something to show. Deterministic (seeded
// random, ids derived from the deal's index) and written once: when the organization already has
// deals, nothing here runs again. Everything is bulk-inserted, so it adds well under a second.
import type { Prisma, PrismaClient } from "@db/client";
import type { AttributionStatus, CauseKind, DepartmentKind, ForecastCategory, StageOutcome } from "@db/enums";
import {
  fiscalQuarterOfMonth,
  fiscalYearMonths,
  fiscalYearOfMonth,
  addMonths,
  monthToDbDate,
  type MonthKey,
} from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { CHANGE_COLUMNS, insertRows, OPPORTUNITY_COLUMNS } from "@/server/pipeline/import-bulk";
import { random } from "./seed-random";

const SNAPSHOT_ITEM_COLUMNS = {
  organizationId: "text",
  snapshotId: "text",
  opportunityId: "text",
  name: "text",
  amountMinor: "bigint",
  stageId: "text",
  outcome: '"StageOutcome"',
  probabilityBp: "integer",
  forecastCategory: '"ForecastCategory"',
  expectedCloseDate: "date",
};

const DAY = 86_400_000;
const ACCOUNTS = [
  // seed-revenue's customers first, then more.
  ...[
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
  ],
  ...[
    "Acme Logistics",
    "Bluth Company",
    "Dunder Mifflin",
    "Gringotts",
    "Oscorp",
    "Pied Piper",
    "Prestige Worldwide",
    "Sterling Cooper",
    "Wernham Hogg",
    "Monarch Solutions",
    "Nakatomi Trading",
    "Virtucon",
    "Ollivanders",
    "Krusty Krab",
  ],
];
const PRODUCTS = [
  "Platform licence",
  "Renewal",
  "Expansion",
  "Analytics add-on",
  "Onboarding services",
  "Enterprise upgrade",
  "Pilot",
  "Multi-year renewal",
];

/** Who caused lost or slipped deals, with weights: sales is one cause among several. */
const BLAME: { kind: DepartmentKind; cause: string; weight: number }[] = [
  { kind: "LEGAL", cause: "Contract terms took too long", weight: 20 },
  { kind: "SALES", cause: "Pricing", weight: 9 },
  { kind: "SALES", cause: "Competitor", weight: 8 },
  { kind: "CUSTOMER_SERVICE", cause: "Support escalation", weight: 15 },
  { kind: "BILLING", cause: "Invoice dispute", weight: 13 },
  { kind: "MEDIA_RELATIONS", cause: "Bad press", weight: 8 },
  { kind: "MARKETING", cause: "Product gap", weight: 6 },
  { kind: "MARKETING", cause: "Competitor", weight: 4 },
];
const DISPUTE_REASONS: Partial<Record<DepartmentKind, string>> = {
  LEGAL: "The customer's procurement held the contract, not our review: we returned it in two days.",
  BILLING: "The invoice was correct; the customer disputed the price sales agreed.",
  CUSTOMER_SERVICE: "The escalation was resolved within our 24-hour rule; the deal was lost on budget.",
  MEDIA_RELATIONS: "The article ran after the customer had already chosen another vendor.",
  MARKETING: "The gap was in the product roadmap, not in what marketing promised.",
  SALES: "The customer went with a competitor on features, not on price.",
};

type TStage = { id: string; name: string; probabilityBp: number; outcome: StageOutcome };
type TState = {
  stage: number;
  amountMinor: bigint;
  closeDate: string;
  probabilityBp: number;
  forecastCategory: ForecastCategory;
};
type TEvent = { at: number; apply: (s: TState) => TState; cause?: { kind: CauseKind; month: MonthKey } };

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** The category a rep would give a deal at this stage; `u` is the deal's own fixed random number. */
function categoryAt(stage: number, u: number): ForecastCategory {
  if (stage === 5) return "CLOSED";
  if (stage === 6) return "OMITTED";
  if (stage === 4) return "COMMIT";
  if (stage === 3) return u < 0.8 ? "BEST_CASE" : "COMMIT";
  if (stage === 2) return u < 0.65 ? "PIPELINE" : u < 0.97 ? "BEST_CASE" : "OMITTED";
  return "PIPELINE";
}

type TCauseRow = Prisma.OpportunityCauseCreateManyInput & { id: string; createdAt: Date; kindOfDept: DepartmentKind };

/** Attributions the heads answered: a few disputed, one upheld, one overturned (all in the past). */
function answerSome(
  causeRows: TCauseRow[],
  nowMs: number,
  heads: Partial<Record<DepartmentKind, string>>,
  settlerId: string,
): Prisma.OpportunityCauseCreateManyInput[] {
  const past = causeRows.filter(
    (c) => c.createdAt.getTime() < nowMs - 20 * DAY && c.kindOfDept !== "SALES" && heads[c.kindOfDept],
  );
  const answered = [
    ...past.filter((c) => c.kindOfDept === "LEGAL").slice(-2),
    ...past.filter((c) => c.kindOfDept !== "LEGAL").slice(-5),
  ];
  const statuses: AttributionStatus[] = [
    "DISPUTED",
    "UPHELD",
    "DISPUTED",
    "OVERTURNED",
    "DISPUTED",
    "DISPUTED",
    "DISPUTED",
  ];
  return causeRows.map(({ kindOfDept, ...c }) => {
    const index = answered.findIndex((a) => a.id === c.id);
    if (index < 0) return c;
    const status = statuses[index] ?? "DISPUTED";
    const disputedAt = new Date(c.createdAt.getTime() + 3 * DAY);
    const settled = status === "UPHELD" || status === "OVERTURNED";
    return {
      ...c,
      status,
      disputeReason: DISPUTE_REASONS[kindOfDept] ?? "This was not ours.",
      disputedById: heads[kindOfDept] ?? null,
      disputedAt,
      settleReason: settled
        ? status === "UPHELD"
          ? "The review notes show the delay was ours to fix; the attribution stands."
          : "The customer's email confirms the budget was cut; removed from the bridge."
        : null,
      settledById: settled ? settlerId : null,
      settledAt: settled ? new Date(disputedAt.getTime() + 4 * DAY) : null,
    };
  });
}

export async function seedDemoPipeline(
  db: PrismaClient,
  organization: { id: string; timeZone: string; fiscalYearStartMonth: number },
  heads: Partial<Record<DepartmentKind, string>>,
  now: Date = new Date(),
) {
  const organizationId = organization.id;
  if ((await db.opportunity.count({ where: { organizationId } })) > 0) return;
  const next = random(20_261_128);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const stages: TStage[] = await db.pipelineStage.findMany({
    where: { organizationId, archivedAt: null },
    orderBy: { sortOrder: "asc" },
  });
  const byOutcome = (o: StageOutcome) => stages.filter((s) => s.outcome === o);
  // Index 0–4 are the open stages in order, 5 won, 6 lost (the defaults; an edited list still maps).
  const ladder = [...byOutcome("OPEN").slice(0, 5), byOutcome("WON")[0], byOutcome("LOST")[0]];
  if (ladder.length < 7 || ladder.some((s) => !s)) return;
  const stageAt = (i: number) => ladder[i] as TStage;
  const causes = await db.lossCause.findMany({ where: { organizationId } });
  const departments = await db.department.findMany({ where: { organizationId, archivedAt: null } });
  const deptOf = (kind: DepartmentKind) => departments.find((d) => d.kind === kind);
  const owner = await db.membership.findFirstOrThrow({
    where: { organizationId, role: "OWNER" },
    select: { userId: true },
  });
  const finance = await db.membership.findFirst({
    where: { organizationId, role: "FINANCE" },
    select: { userId: true },
  });
  const salesId = heads.SALES ?? owner.userId;
  const blame = BLAME.flatMap((b) => {
    const department = deptOf(b.kind);
    const lossCause = causes.find((c) => c.name === b.cause);
    return department && lossCause ? [{ ...b, departmentId: department.id, lossCauseId: lossCause.id }] : [];
  });
  const totalWeight = blame.reduce((a, b) => a + b.weight, 0);
  const pickBlame = () => {
    let r = next() * totalWeight;
    for (const b of blame) {
      r -= b.weight;
      if (r < 0) return b;
    }
    return blame[0];
  };
  const sources = [...Array(11).fill("SALES"), ...Array(7).fill("MARKETING"), "CUSTOMER_SERVICE", "EXECUTIVE"].map(
    (k) => deptOf(k as DepartmentKind)?.id ?? null,
  );

  const today = todayIn(organization.timeZone, now);
  const todayIso = `${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`;
  const nowMs = now.getTime();
  const quarterEnd = (date: string) => {
    const month = date.slice(0, 7) as MonthKey;
    const q = fiscalQuarterOfMonth(month, organization.fiscalYearStartMonth);
    const last =
      fiscalYearMonths(fiscalYearOfMonth(month, organization.fiscalYearStartMonth), organization.fiscalYearStartMonth)[
        q * 3 - 1
      ] ?? month;
    return iso(ms(`${addMonths(last, 1)}-01`) - DAY);
  };
  const fy = fiscalYearOfMonth(todayIso.slice(0, 7) as MonthKey, organization.fiscalYearStartMonth);
  const fyMonths = fiscalYearMonths(fy - 1, organization.fiscalYearStartMonth);
  const firstDay = ms(`${fyMonths[0]}-01`);
  const yearEnd =
    ms(`${addMonths(fiscalYearMonths(fy, organization.fiscalYearStartMonth)[11] ?? fyMonths[0]!, 1)}-01`) - DAY;
  // Last week's and this week's weekly snapshots (Monday 08:00 UTC): the deals as they stood then.
  // Seeding this week's too keeps the page's first read from snapshotting the pipeline as it is
  // now, which would leave "what changed" empty on the demo's first visit.
  const monday = ms(todayIso) - ((new Date(ms(todayIso)).getUTCDay() + 6) % 7) * DAY;
  const snapshotTimes = [monday - 7 * DAY + 8 * 3_600_000, Math.min(monday + 8 * 3_600_000, nowMs - 2 * 3_600_000)];

  const opportunities: (Prisma.OpportunityCreateManyInput & { updatedAt: Date })[] = [];
  const changes: Prisma.OpportunityChangeCreateManyInput[] = [];
  const causeRows: TCauseRow[] = [];
  const history = new Map<string, { at: number; state: TState }[]>();
  const names = new Map<string, string>();

  // Closed deals over the two years so far, open deals to a quarter past year end, a few stale.
  const plan: ("closed" | "open" | "stale")[] = [
    ...Array(190).fill("closed"),
    ...Array(84).fill("open"),
    ...Array(7).fill("stale"),
  ];
  for (const [i, kind] of plan.entries()) {
    const id = `demo-deal-${String(i + 1).padStart(4, "0")}`;
    const u = next();
    let closeMs: number;
    let finalStage: number;
    if (kind === "closed") {
      closeMs = firstDay + Math.floor(next() * (ms(todayIso) - firstDay - DAY));
      finalStage = next() < 0.68 ? 5 : 6;
    } else if (kind === "stale") {
      closeMs = ms(todayIso) - (3 + Math.floor(next() * 40)) * DAY;
      finalStage = 1 + Math.floor(next() * 4);
    } else {
      // Mostly before the fiscal year ends; nearer deals are further along.
      const horizon = next() < 0.7 ? Math.max(yearEnd - ms(todayIso), 20 * DAY) : 95 * DAY;
      const ahead = DAY + Math.floor(next() * horizon);
      closeMs = ms(todayIso) + ahead;
      const near = ahead < 45 * DAY;
      finalStage = Math.min(4, Math.floor(next() * 3) + (near ? 2 : 0));
    }
    const account = pick(ACCOUNTS);
    const name = `${account} — ${pick(PRODUCTS)}`;
    names.set(id, name);
    // $8k–$90k, log-uniform, in round hundreds.
    // Lost deals are mostly the small ones that never got far, so the losses stay moderate.
    const dollars = Math.exp(Math.log(8_000) + next() * Math.log(90 / 8)) * (finalStage === 6 ? 0.45 : 1);
    const amountMinor = BigInt(Math.round(dollars / 100) * 100) * 100n;
    const closeDate = iso(closeMs);
    let createdAt =
      Math.min(closeMs - (25 + Math.floor(next() * 120)) * DAY, nowMs - 2 * DAY) + Math.floor(next() * 9) * 3_600_000;
    const closedAt =
      finalStage >= 5 ? Math.min(closeMs + Math.floor(next() * 3) * DAY + 16 * 3_600_000, nowMs - 3_600_000) : null;
    const end = closedAt ?? nowMs - 3_600_000;

    // A slip: the deal was due a quarter earlier and moved out of that quarter before its date.
    let initialClose = closeDate;
    const events: TEvent[] = [];
    if (next() < 0.09) {
      const original = iso(closeMs - (35 + Math.floor(next() * 50)) * DAY);
      const slipAt = ms(original) - (1 + Math.floor(next() * 12)) * DAY + 10 * 3_600_000;
      const quarterStart = ms(`${original.slice(0, 7)}-01`) - 62 * DAY;
      if (quarterEnd(original) < closeDate && slipAt < end && slipAt > Math.max(quarterStart, firstDay)) {
        initialClose = original;
        createdAt = Math.min(createdAt, slipAt - 10 * DAY);
        events.push({
          at: slipAt,
          apply: (s) => ({ ...s, closeDate }),
          cause: { kind: "SLIPPED", month: original.slice(0, 7) as MonthKey },
        });
      }
    }
    // Amount renegotiated once, for a third of the deals (and for quiet deals, so each has some history).
    const quiet = finalStage === 0 && events.length === 0;
    const initialAmount =
      quiet || next() < 0.35
        ? ((amountMinor * BigInt(80 + Math.floor(next() * 45))) / 100n / 10_000n) * 10_000n
        : amountMinor;
    if (initialAmount !== amountMinor)
      events.push({ at: createdAt + (end - createdAt) * (0.2 + next() * 0.6), apply: (s) => ({ ...s, amountMinor }) });
    // Stage moves up the ladder (skipping some), then the close.
    const top = finalStage >= 5 ? (finalStage === 5 ? 4 : Math.floor(next() * 4) + 1) : finalStage;
    const steps = Array.from({ length: top }, (_, k) => k + 1).filter((s) => s === top || next() < 0.45);
    if (finalStage >= 5) steps.push(finalStage);
    for (const [k, stage] of steps.entries()) {
      const at =
        stage >= 5 ? end : createdAt + ((end - createdAt) * (k + 1)) / (steps.length + 1) + (next() - 0.5) * DAY;
      events.push({
        at,
        apply: (s) => ({
          ...s,
          stage,
          probabilityBp: stageAt(stage).probabilityBp,
          forecastCategory: categoryAt(stage, u),
        }),
        cause: stage === 6 ? { kind: "LOST", month: closeDate.slice(0, 7) as MonthKey } : undefined,
      });
    }
    // At least two changes after the creation: a rep's own probability call otherwise.
    while (events.length < 2)
      events.push({
        at: createdAt + (end - createdAt) * 0.1 * (events.length + 1),
        apply: (s) => ({ ...s, probabilityBp: s.probabilityBp + 500 }),
      });
    events.sort((a, b) => a.at - b.at);

    // Replay: one history row per event with the fields that moved.
    let state: TState = {
      stage: 0,
      amountMinor: initialAmount,
      closeDate: initialClose,
      probabilityBp: stageAt(0).probabilityBp,
      forecastCategory: "PIPELINE",
    };
    const ownerId = next() < 0.75 ? salesId : owner.userId;
    const timeline = [{ at: createdAt, state }];
    changes.push({
      organizationId,
      id: `${id}-h0`,
      opportunityId: id,
      changedById: ownerId,
      changedAt: new Date(createdAt),
      changes: { created: [null, name] },
    });
    for (const [k, event] of events.entries()) {
      const after = event.apply(state);
      const diff: Record<string, [string | number | null, string | number | null]> = {};
      if (after.stage !== state.stage) diff.stageId = [stageAt(state.stage).id, stageAt(after.stage).id];
      if (after.probabilityBp !== state.probabilityBp) diff.probabilityBp = [state.probabilityBp, after.probabilityBp];
      if (after.forecastCategory !== state.forecastCategory)
        diff.forecastCategory = [state.forecastCategory, after.forecastCategory];
      if (after.amountMinor !== state.amountMinor)
        diff.amountMinor = [state.amountMinor.toString(), after.amountMinor.toString()];
      if (after.closeDate !== state.closeDate) diff.expectedCloseDate = [state.closeDate, after.closeDate];
      if (event.cause) {
        const b = pickBlame();
        if (b) {
          causeRows.push({
            organizationId,
            id: `${id}-c${k}`,
            opportunityId: id,
            kind: event.cause.kind,
            month: monthToDbDate(event.cause.month),
            amountMinor: state.amountMinor,
            lossCauseId: b.lossCauseId,
            responsibleDepartmentId: b.departmentId,
            createdById: ownerId,
            createdAt: new Date(event.at),
            kindOfDept: b.kind,
          });
        }
      }
      state = after;
      timeline.push({ at: event.at, state });
      changes.push({
        organizationId,
        id: `${id}-h${k + 1}`,
        opportunityId: id,
        changedById: ownerId,
        changedAt: new Date(event.at),
        changes: diff,
      });
    }
    history.set(id, timeline);
    const stage = stageAt(state.stage);
    opportunities.push({
      organizationId,
      id,
      name,
      account,
      amountMinor: state.amountMinor,
      stageId: stage.id,
      outcome: stage.outcome,
      probabilityBp: state.probabilityBp,
      forecastCategory: state.forecastCategory,
      expectedCloseDate: new Date(ms(state.closeDate)),
      ownerId,
      sourceDepartmentId: pick(sources),
      externalId: `CRM-${String(10_000 + i * 7)}`,
      closedAt: closedAt === null ? null : new Date(closedAt),
      createdAt: new Date(createdAt),
      updatedAt: new Date(end),
    });
  }

  const rows = answerSome(causeRows, nowMs, heads, finance?.userId ?? owner.userId);

  // Each deal as it stood at each snapshot: the last state at or before that time.
  const snapshots = snapshotTimes.map((at, k) => ({
    organizationId,
    id: `demo-snapshot-${k + 1}`,
    kind: "WEEKLY" as const,
    weekOf: new Date(monday - (1 - k) * 7 * DAY),
    takenAt: new Date(at),
  }));
  const items = snapshotTimes.flatMap((at, k) =>
    [...history.entries()].flatMap(([opportunityId, timeline]) => {
      const state = timeline.filter((t) => t.at <= at).at(-1)?.state;
      if (!state) return [];
      const stage = stageAt(state.stage);
      return [
        {
          organizationId,
          snapshotId: `demo-snapshot-${k + 1}`,
          opportunityId,
          name: names.get(opportunityId) ?? "",
          amountMinor: state.amountMinor,
          stageId: stage.id,
          outcome: stage.outcome,
          probabilityBp: state.probabilityBp,
          forecastCategory: state.forecastCategory,
          expectedCloseDate: new Date(ms(state.closeDate)),
        },
      ];
    }),
  );

  // Raw bulk inserts: Prisma's createMany spends seconds building a few thousand rows.
  await db.$transaction(
    async (tx) => {
      await insertRows(tx, "Opportunity", OPPORTUNITY_COLUMNS, opportunities);
      await insertRows(tx, "OpportunityChange", CHANGE_COLUMNS, changes);
      await tx.opportunityCause.createMany({ data: rows });
      await tx.pipelineSnapshot.createMany({ data: snapshots, skipDuplicates: true });
      await insertRows(tx, "PipelineSnapshotItem", SNAPSHOT_ITEM_COLUMNS, items);
    },
    { timeout: 60_000 },
  );
}
