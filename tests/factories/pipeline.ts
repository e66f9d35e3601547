import type { ForecastCategory, StageOutcome } from "@db/enums";
import { addMonths, monthKey, monthToDbDate, type MonthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { db } from "@/server/db";
import { createAccountabilityOrganization } from "./accountability";

/**
 * An organization with a member of every role (see createAccountabilityOrganization), its default
 * stages and loss causes looked up by name. Fiscal year starts in January; zone America/New_York.
 */
export async function createPipelineOrganization(name?: string) {
  const org = await createAccountabilityOrganization(name);
  const [stages, lossCauses] = await Promise.all([
    db.pipelineStage.findMany({ where: { organizationId: org.organizationId } }),
    db.lossCause.findMany({ where: { organizationId: org.organizationId } }),
  ]);
  const stage = (stageName: string) => {
    const found = stages.find((s) => s.name === stageName);
    if (!found) throw new Error(`no stage ${stageName}`);
    return found;
  };
  const lossCause = (causeName: string) => {
    const found = lossCauses.find((c) => c.name === causeName);
    if (!found) throw new Error(`no loss cause ${causeName}`);
    return found;
  };
  return { ...org, stage, lossCause };
}

export type TPipelineOrganization = Awaited<ReturnType<typeof createPipelineOrganization>>;

/** A deal written straight to the database (for tests about updates, causes and snapshots). */
export async function insertOpportunity(
  org: TPipelineOrganization,
  fields: {
    name?: string;
    amountMinor?: bigint;
    stage?: string;
    probabilityBp?: number;
    forecastCategory?: ForecastCategory;
    expectedCloseDate?: string;
    externalId?: string | null;
  } = {},
) {
  const stage = org.stage(fields.stage ?? "Proposal");
  const outcome: StageOutcome = stage.outcome;
  return db.opportunity.create({
    data: {
      organizationId: org.organizationId,
      name: fields.name ?? "Globex expansion",
      account: "Globex",
      amountMinor: fields.amountMinor ?? 40_000_00n,
      stageId: stage.id,
      outcome,
      probabilityBp: fields.probabilityBp ?? stage.probabilityBp,
      forecastCategory:
        fields.forecastCategory ?? (outcome === "WON" ? "CLOSED" : outcome === "LOST" ? "OMITTED" : "PIPELINE"),
      expectedCloseDate: new Date(`${fields.expectedCloseDate ?? today().iso}T00:00:00Z`),
      ownerId: org.users.salesManager.id,
      sourceDepartmentId: org.sales.id,
      externalId: fields.externalId ?? null,
      closedAt: outcome === "OPEN" ? null : new Date(),
    },
  });
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoOf(new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000));

/**
 * The real "today" in the factories' zone (America/New_York) and the current calendar quarter
 * (the fiscal year starts in January): the update mutation reads the clock, so tests choose
 * dates relative to it.
 */
export function today() {
  const t = todayIn("America/New_York");
  const iso = `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  const month: MonthKey = monthKey(t.year, t.month);
  const quarterStartMonth = monthKey(t.year, Math.floor((t.month - 1) / 3) * 3 + 1);
  const quarterStart = isoOf(monthToDbDate(quarterStartMonth));
  const quarterEnd = addDays(isoOf(monthToDbDate(addMonths(quarterStartMonth, 3))), -1);
  return { iso, month, quarterStart, quarterEnd, addDays: (days: number) => addDays(iso, days) };
}

export { addDays as addDaysIso };
