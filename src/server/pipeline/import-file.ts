import "server-only";
import type { TDateFormat } from "@/lib/csv/date";
import type { TOpportunityImportInput } from "@/lib/csv/opportunity-schema";
import {
  validateOpportunityRows,
  type TExistingDeal,
  type TOpportunityColumnMapping,
  type TOpportunityRowsResult,
  type TStageRef,
} from "@/lib/csv/opportunity-rows";
import {
  distinctStageValues,
  readStageMap,
  resolveStage,
  stageKey,
  type TStageMap,
} from "@/lib/csv/opportunity-stage-map";
import { rememberValues, resolveCategory, resolveOwner } from "@/lib/csv/opportunity-value-maps";
import { monthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import type { Tx } from "../db";
import type { TParsedFile } from "../imports/commit";
import { assertColumnsInFile, chooseDateFormat, columnName, readCsvUpload } from "../imports/upload";
import { getOrganizationMoney } from "../organizations/queries";
import { memberIdOf, type TTenantContext } from "../tenant";
import { fiscalQuarterEnd } from "./opportunities";
import { now } from "@/server/clock";
import { isoDate } from "@/lib/dates";

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
  /** Each distinct owner value of the file, its rows and the member it maps to (null: unmapped). */
  ownerValues: { value: string; count: number; userId: string | null }[];
  /** Each distinct forecast category value of the file, its rows and the category it maps to (null: unmapped). */
  categoryValues: { value: string; count: number; category: string | null }[];
  /** The organization's remembered mappings with this file's mapped values added, as a commit stores them. */
  stageMapToRemember: TStageMap;
  ownerMapToRemember: TStageMap;
  categoryMapToRemember: TStageMap;
  /** The close date a new open deal without one gets. */
  defaultCloseDate: string;
  rows: TOpportunityRowsResult;
};

const foldKeys = (map: TStageMap): TStageMap =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [stageKey(k), v]));

/** The organization's deals with an external id among `ids`, as the rows compare them. */
async function existingDeals(tx: Tx, organizationId: string, ids: string[]): Promise<Map<string, TExistingDeal>> {
  if (!ids.length) return new Map();
  const deals = await tx.opportunity.findMany({
    where: { organizationId, externalId: { in: ids } },
    select: {
      id: true,
      externalId: true,
      name: true,
      account: true,
      amountMinor: true,
      amountMissing: true,
      stageId: true,
      outcome: true,
      probabilityBp: true,
      forecastCategory: true,
      expectedCloseDate: true,
      ownerId: true,
      sourceDepartmentId: true,
    },
  });
  return new Map(
    deals.map(({ externalId, expectedCloseDate, ...d }) => [
      externalId ?? "",
      { ...d, expectedCloseDate: isoDate(expectedCloseDate) },
    ]),
  );
}

export async function readOpportunityImport(
  tx: Tx,
  ctx: TTenantContext,
  input: TOpportunityImportInput,
): Promise<TParsedOpportunityImport> {
  const { organizationId } = ctx;
  const { fileName, fileHash, table } = await readCsvUpload(input.file);
  const mapping: TOpportunityColumnMapping = {
    externalId: input.externalIdColumn,
    name: input.nameColumn,
    nameParts: input.nameColumn === null ? input.nameColumns : [],
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
    ...(mapping.nameParts ?? []).map((c) => ["nameColumns", "name part", c] as [string, string, number]),
  ]);
  const { format: dateFormat, isDetected } = chooseDateFormat(table, mapping.closeDate, input.dateFormat, "dateFormat");
  const ids = [...new Set(table.rows.map((r) => (r.cells[mapping.externalId] ?? "").trim()).filter(Boolean))];
  const [money, organization, stages, members, departments, existing] = await Promise.all([
    getOrganizationMoney(tx, ctx),
    tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { pipelineStageMap: true, pipelineOwnerMap: true, pipelineCategoryMap: true },
    }),
    tx.pipelineStage.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true, outcome: true, probabilityBp: true },
      orderBy: { sortOrder: "asc" },
    }),
    tx.membership.findMany({
      where: { organizationId },
      select: { userId: true, user: { select: { email: true, name: true } } },
    }),
    tx.department.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true } }),
    existingDeals(tx, organizationId, ids),
  ]);
  const today = todayIn(money.timeZone, await now());
  const quarterEnd = fiscalQuarterEnd(monthKey(today.year, today.month), money.fiscalYearStartMonth);
  const defaultCloseDate = input.defaultCloseDate ?? quarterEnd;
  const remembered = readStageMap(organization.pipelineStageMap);
  const chosen = foldKeys(input.stageMap);
  const stageValues = distinctStageValues(table.rows, mapping.stage).map((v) => ({
    ...v,
    stageId: resolveStage(v.value, stages, chosen, remembered)?.id ?? null,
  }));
  const stageMapToRemember = rememberValues(
    remembered,
    stageValues.map((v) => ({ value: v.value, target: v.stageId })),
  );
  // Owners by the member's email or name, categories by their usual names; both remembered like stages.
  const people = members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name }));
  const rememberedOwners = readStageMap(organization.pipelineOwnerMap);
  const ownerChoices = foldKeys(input.ownerMap);
  const ownerValues =
    mapping.owner === null
      ? []
      : distinctStageValues(table.rows, mapping.owner).map((v) => ({
          ...v,
          userId: resolveOwner(v.value, people, ownerChoices, rememberedOwners)?.userId ?? null,
        }));
  const rememberedCategories = readStageMap(organization.pipelineCategoryMap);
  const categoryChoices = foldKeys(input.categoryMap);
  const categoryValues =
    mapping.category === null
      ? []
      : distinctStageValues(table.rows, mapping.category).map((v) => ({
          ...v,
          category: resolveCategory(v.value, categoryChoices, rememberedCategories),
        }));
  const rows = validateOpportunityRows(table, {
    mapping,
    dateFormat,
    currency: money.currency,
    digits: money.digits,
    stages: stages satisfies TStageRef[],
    members: new Map(ownerValues.flatMap((v) => (v.userId ? [[stageKey(v.value), v.userId] as const] : []))),
    unmappedOwnerToImporter: input.unmappedOwner === "importer",
    categoryMap: categoryChoices,
    rememberedCategoryMap: rememberedCategories,
    departments: new Map(departments.map((d) => [d.name.trim().replace(/\s+/g, " ").toLowerCase(), d])),
    importerId: memberIdOf(ctx),
    quarterEnd,
    existing,
    stageMap: chosen,
    rememberedStageMap: remembered,
    defaultCloseDate,
  });
  const { nameParts: _parts, ...single } = mapping;
  const columns = Object.fromEntries(Object.entries(single).map(([k, v]) => [k, columnName(table, v)]));
  return {
    fileName,
    fileHash,
    header: table.header,
    delimiter: table.delimiter,
    dateFormat,
    isDateFormatDetected: isDetected,
    stageNames: new Map(stages.map((s) => [s.id, s.name])),
    stageValues,
    ownerValues,
    categoryValues,
    stageMapToRemember,
    ownerMapToRemember: rememberValues(
      rememberedOwners,
      ownerValues.map((v) => ({ value: v.value, target: v.userId })),
    ),
    categoryMapToRemember: rememberValues(
      rememberedCategories,
      categoryValues.map((v) => ({ value: v.value, target: v.category })),
    ),
    defaultCloseDate,
    mapping: {
      columns,
      nameColumns: (mapping.nameParts ?? []).map((c) => columnName(table, c)),
      dateFormat,
      delimiter: table.delimiter,
      stages: Object.fromEntries(stageValues.map((v) => [v.value, v.stageId])),
      owners: Object.fromEntries(ownerValues.map((v) => [v.value, v.userId])),
      unmappedOwner: input.unmappedOwner,
      categories: Object.fromEntries(categoryValues.map((v) => [v.value, v.category])),
      defaultCloseDate,
    },
    rows,
  };
}
