import "server-only";
import type { TDateFormat } from "@/lib/csv/date";
import type { TOpportunityImportInput } from "@/lib/csv/opportunity-schema";
import { validateOpportunityRows, type TExistingDeal, type TOpportunityColumnMapping, type TOpportunityRowsResult, type TStageRef } from "@/lib/csv/opportunity-rows";
import { distinctStageValues, readStageMap, resolveStage, stageKey, type TStageMap } from "@/lib/csv/opportunity-stage-map";
import { monthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import type { Tx } from "../db";
import type { TParsedFile } from "../imports/commit";
import { assertColumnsInFile, chooseDateFormat, columnName, readCsvUpload } from "../imports/upload";
import { getOrganizationMoney } from "../revenue/targets";
import type { TTenantContext } from "../tenant";
import { fiscalQuarterEnd } from "./opportunities";
import { now } from "@/server/clock";

// Reads an uploaded CRM export into validated deals against the organization's stages, members,
// departments and the deals it has now (matched by external id). The preview reads the deals
// outside a transaction, the commit inside its own, so what is written matches the database then.

export type TParsedOpportunityImport = Omit<TParsedFile, "rows"> & {
  header: string[];
  delimiter: string;
  dateFormat: TDateFormat;
  isDateFormatDetected: boolean;
  stageNames: Map<string, string>;
  /** Each distinct stage value of the file, its rows and the stage it maps to (null: unmapped). */
  stageValues: { value: string; count: number; stageId: string | null }[];
  /** The organization's remembered mapping with this file's mapped values added, as a commit stores it. */
  stageMapToRemember: TStageMap;
  /** The close date a new open deal without one gets. */
  defaultCloseDate: string;
  rows: TOpportunityRowsResult;
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The organization's deals with an external id among `ids`, as the rows compare them. */
async function existingDeals(tx: Tx, organizationId: string, ids: string[]): Promise<Map<string, TExistingDeal>> {
  if (!ids.length) return new Map();
  const deals = await tx.opportunity.findMany({
    where: { organizationId, externalId: { in: ids } },
    select: { id: true, externalId: true, name: true, account: true, amountMinor: true, stageId: true, outcome: true, probabilityBp: true, forecastCategory: true, expectedCloseDate: true, ownerId: true, sourceDepartmentId: true },
  });
  return new Map(deals.map(({ externalId, expectedCloseDate, ...d }) => [externalId ?? "", { ...d, expectedCloseDate: isoDate(expectedCloseDate) }]));
}

export async function readOpportunityImport(tx: Tx, ctx: TTenantContext, input: TOpportunityImportInput): Promise<TParsedOpportunityImport> {
  const { organizationId } = ctx;
  const { fileName, fileHash, table } = await readCsvUpload(input.file);
  const mapping: TOpportunityColumnMapping = {
    externalId: input.externalIdColumn,
    name: input.nameColumn,
    account: input.accountColumn,
    amount: input.amountColumn,
    stage: input.stageColumn,
    closeDate: input.closeDateColumn,
    probability: input.probabilityColumn,
    category: input.categoryColumn,
    owner: input.ownerColumn,
    sourceDepartment: input.sourceDepartmentColumn,
  };
  assertColumnsInFile(table, [
    ["externalIdColumn", "external id", mapping.externalId],
    ["nameColumn", "name", mapping.name],
    ["accountColumn", "account", mapping.account],
    ["amountColumn", "amount", mapping.amount],
    ["stageColumn", "stage", mapping.stage],
    ["closeDateColumn", "close date", mapping.closeDate],
    ["probabilityColumn", "probability", mapping.probability],
    ["categoryColumn", "forecast category", mapping.category],
    ["ownerColumn", "owner", mapping.owner],
    ["sourceDepartmentColumn", "source department", mapping.sourceDepartment],
  ]);
  const { format: dateFormat, isDetected } = chooseDateFormat(table, mapping.closeDate, input.dateFormat, "dateFormat");
  const ids = [...new Set(table.rows.map((r) => (r.cells[mapping.externalId] ?? "").trim()).filter(Boolean))];
  const [money, organization, stages, members, departments, existing] = await Promise.all([
    getOrganizationMoney(tx, organizationId),
    tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { pipelineStageMap: true } }),
    tx.pipelineStage.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true, outcome: true, probabilityBp: true }, orderBy: { sortOrder: "asc" } }),
    tx.membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { email: true } } } }),
    tx.department.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true } }),
    existingDeals(tx, organizationId, ids),
  ]);
  const today = todayIn(money.timeZone, await now());
  const quarterEnd = fiscalQuarterEnd(monthKey(today.year, today.month), money.fiscalYearStartMonth);
  const defaultCloseDate = input.defaultCloseDate ?? quarterEnd;
  const remembered = readStageMap(organization.pipelineStageMap);
  const chosen = Object.fromEntries(Object.entries(input.stageMap).map(([k, v]) => [stageKey(k), v]));
  const stageValues = distinctStageValues(table.rows, mapping.stage).map((v) => ({ ...v, stageId: resolveStage(v.value, stages, chosen, remembered)?.id ?? null }));
  const stageMapToRemember = { ...remembered };
  for (const v of stageValues) if (v.stageId) stageMapToRemember[stageKey(v.value)] = v.stageId;
  const rows = validateOpportunityRows(table, {
    mapping,
    dateFormat,
    currency: money.currency,
    digits: money.digits,
    stages: stages satisfies TStageRef[],
    members: new Map(members.map((m) => [m.user.email.toLowerCase(), m.userId])),
    departments: new Map(departments.map((d) => [d.name.trim().replace(/\s+/g, " ").toLowerCase(), d])),
    importerId: ctx.userId,
    quarterEnd,
    existing,
    stageMap: chosen,
    rememberedStageMap: remembered,
    defaultCloseDate,
  });
  const columns = Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, columnName(table, v)]));
  return {
    fileName,
    fileHash,
    header: table.header,
    delimiter: table.delimiter,
    dateFormat,
    isDateFormatDetected: isDetected,
    stageNames: new Map(stages.map((s) => [s.id, s.name])),
    stageValues,
    stageMapToRemember,
    defaultCloseDate,
    mapping: { columns, dateFormat, delimiter: table.delimiter, stages: Object.fromEntries(stageValues.map((v) => [v.value, v.stageId])), defaultCloseDate },
    rows,
  };
}
