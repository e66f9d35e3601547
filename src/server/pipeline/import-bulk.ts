import "server-only";
import type { PrismaClient } from "@db/client";

type TRawClient = Pick<PrismaClient, "$executeRawUnsafe">;

/** PostgreSQL column types of the rows a bulk insert carries (enums by their quoted type name). */
export type TColumns = Record<string, string>;

const json = (rows: object[]) =>
  JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));

/**
 * Inserts rows in one statement: INSERT … SELECT FROM jsonb_to_recordset($1). One parameter per
 * chunk, whatever the number of rows or columns, so it stays well under PostgreSQL's 65,535
 * bind-parameter limit and spends no time building per-row statements. Table and column names
 * come from the caller's constants, never from user input. Returns the number of rows inserted.
 */
export async function insertRows(
  client: TRawClient,
  table: string,
  columns: TColumns,
  rows: object[],
  options: { onConflict?: string; chunk?: number } = {},
): Promise<number> {
  const names = Object.keys(columns).map((c) => `"${c}"`);
  const shape = Object.entries(columns)
    .map(([c, type]) => `"${c}" ${type}`)
    .join(", ");
  const sql = `INSERT INTO "${table}" (${names.join(", ")}) SELECT ${names.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS r(${shape}) ${options.onConflict ?? ""}`;
  const size = options.chunk ?? 5_000;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += size)
    inserted += await client.$executeRawUnsafe(sql, json(rows.slice(i, i + size)));
  return inserted;
}

export const OPPORTUNITY_COLUMNS: TColumns = {
  organizationId: "text",
  id: "text",
  name: "text",
  account: "text",
  amountMinor: "bigint",
  stageId: "text",
  outcome: '"StageOutcome"',
  probabilityBp: "integer",
  forecastCategory: '"ForecastCategory"',
  expectedCloseDate: "date",
  ownerId: "text",
  sourceDepartmentId: "text",
  externalId: "text",
  closedAt: "timestamptz",
  createdAt: "timestamptz",
  updatedAt: "timestamptz",
};

/** An import also says whether an open deal came without an amount ("No amount"). */
export const IMPORTED_OPPORTUNITY_COLUMNS: TColumns = { ...OPPORTUNITY_COLUMNS, amountMissing: "boolean" };

export const CHANGE_COLUMNS: TColumns = {
  organizationId: "text",
  id: "text",
  opportunityId: "text",
  changedById: "text",
  changedAt: "timestamptz",
  changes: "jsonb",
  importBatchId: "text",
  version: "integer",
};
