import "server-only";
import type { TDateFormat } from "@/lib/csv/date";
import type { TOpportunityImportInput } from "@/lib/csv/opportunity-schema";
import { validateOpportunityRows, type TExistingDeal, type TOpportunityColumnMapping, type TOpportunityRowsResult, type TStageRef } from "@/lib/csv/opportunity-rows";
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
  const [money, stages, members, departments, existing] = await Promise.all([
    getOrganizationMoney(tx, organizationId),
    tx.pipelineStage.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true, outcome: true, probabilityBp: true }, orderBy: { sortOrder: "asc" } }),
    tx.membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { email: true } } } }),
    tx.department.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true } }),
    existingDeals(tx, organizationId, ids),
  ]);
  const today = todayIn(money.timeZone, await now());
  const rows = validateOpportunityRows(table, {
    mapping,
    dateFormat,
    currency: money.currency,
    digits: money.digits,
    stages: stages satisfies TStageRef[],
    members: new Map(members.map((m) => [m.user.email.toLowerCase(), m.userId])),
    departments: new Map(departments.map((d) => [d.name.trim().replace(/\s+/g, " ").toLowerCase(), d])),
    importerId: ctx.userId,
    quarterEnd: fiscalQuarterEnd(monthKey(today.year, today.month), money.fiscalYearStartMonth),
    existing,
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
    mapping: { columns, dateFormat, delimiter: table.delimiter },
    rows,
  };
}
