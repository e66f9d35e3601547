// The WebAssembly schema engine and the database adapter it runs on, with the fixes the engine
// needs on our stack (see ../shared/STACK.md): "char" columns relabelled for adapter-pg, migration
// scripts sent whole, and a shadow database we create and drop ourselves. schema-engine.ts holds the
// commands built on it.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

declare global {
  // Read by the engine's panic hook (schema_engine_bg.js); without it a panic surfaces only as "unreachable".
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

const PG_TEXT_OID = 25;
const PG_CHAR_OID = 18;
// ---------------------------------------------------------------------------------------------------
// Engine and database plumbing

let wasmReady: Promise<void> | undefined;

// The package's entry imports the .wasm file as an ES module, which Node 20 cannot do; instantiate the
// binary ourselves and hand it to the JS glue, as that entry would.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const glue = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": { ...engineBindings } });
    engineBindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("schema_engine_bg.wasm has no __wbindgen_start export.");
    Reflect.apply(start, undefined, []);
  })();
  return wasmReady;
}

let lastPanic: string | undefined;
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message;
  },
};

export async function withEngine<T>(
  databaseUrl: string,
  schemaPath: string,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const connections = new ConnectionTracker(databaseUrl);
  lastPanic = undefined;
  let engine: SchemaEngine | undefined;
  try {
    engine = await engineBindings.SchemaEngine.new(
      { datamodels: [[schemaPath, await readFile(schemaPath, "utf8")]] },
      (log: string) => {
        if (/schema-engine|prisma:\*/.test(process.env.DEBUG ?? "")) console.error(log);
      },
      bindMigrationAwareSqlAdapterFactory(connections.factory()),
    );
    return await run(engine);
  } catch (error) {
    throw engineError(error);
  } finally {
    try {
      engine?.free();
    } catch {
      // After a panic the wasm instance refuses to free the engine; the error being thrown says more.
    }
    await connections.closeAll();
  }
}

// A panic reaches JS as a bare "unreachable" trap; the message the panic hook saved says what happened.
function engineError(error: unknown): unknown {
  if (!lastPanic) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}\nSchema engine panicked: ${lastPanic}`, { cause: error });
}

// adapter-pg keeps the result's `rows` array when it builds its result set, so this maps that array
// to the columns that were Postgres "char" before being reported as text.
const charColumnsByRows = new WeakMap<object, number[]>();

function isQueryResultLike(value: unknown): value is { fields: { dataTypeID: number }[]; rows: object } {
  return (
    typeof value === "object" && value !== null && "fields" in value && Array.isArray(value.fields) && "rows" in value
  );
}

function relabelCharColumns(result: unknown): void {
  for (const one of Array.isArray(result) ? result : [result]) {
    if (!isQueryResultLike(one)) continue;
    const indexes: number[] = [];
    one.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length > 0) charColumnsByRows.set(one.rows, indexes);
  }
}

// adapter-pg 7.10.1 throws "UnsupportedNativeDataType char" for OID 18, which the engine's catalog
// queries return (pg_class.relkind, pg_constraint.contype, ...). pg leaves such values as strings, so
// the pool's clients relabel those fields as text before the adapter looks at them.
function patchClientForCharColumns(client: object): void {
  const original: unknown = Reflect.get(client, "query");
  if (typeof original !== "function") return;
  Reflect.set(client, "query", (...args: unknown[]): unknown => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (!error) relabelCharColumns(result);
        Reflect.apply(callback, undefined, [error, result]);
      };
    }
    const returned: unknown = Reflect.apply(original, client, args);
    if (returned instanceof Promise) {
      return returned.then((result: unknown) => {
        relabelCharColumns(result);
        return result;
      });
    }
    return returned;
  });
}

// The engine reads "char" columns as single characters, so the relabelled text columns are tagged back.
async function queryWithCharColumns(
  inner: { queryRaw(query: SqlQuery): Promise<SqlResultSet> },
  query: SqlQuery,
): Promise<SqlResultSet> {
  const result = await inner.queryRaw(query);
  const charColumns = charColumnsByRows.get(result.rows);
  if (!charColumns) return result;
  return {
    ...result,
    columnTypes: result.columnTypes.map((type, i) => (charColumns.includes(i) ? ColumnTypeEnum.Character : type)),
  };
}

function wrapTransaction(tx: Transaction): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => queryWithCharColumns(tx, query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
    ...(tx.createSavepoint && { createSavepoint: tx.createSavepoint.bind(tx) }),
    ...(tx.rollbackToSavepoint && { rollbackToSavepoint: tx.rollbackToSavepoint.bind(tx) }),
    ...(tx.releaseSavepoint && { releaseSavepoint: tx.releaseSavepoint.bind(tx) }),
  };
}

function wrapAdapter(adapter: SqlDriverAdapter, dispose: () => Promise<void>): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => queryWithCharColumns(adapter, query),
    executeRaw: (query) => adapter.executeRaw(query),
    // adapter-pg splits scripts on every ";", which breaks semicolons inside strings, comments and
    // $$ bodies, and runs the pieces outside any transaction. A parameterless query goes to Postgres
    // whole over the simple protocol, so a migration applies atomically, as with the native engine.
    executeScript: async (script) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    startTransaction: async (isolationLevel) => wrapTransaction(await adapter.startTransaction(isolationLevel)),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose,
  };
}

// The engine describes the adapter's schema but runs migration scripts unqualified, i.e. in the
// search_path, and the app's PrismaPg uses no schema option either: anything but public would split
// the two. Refuse it rather than migrate one schema and inspect another.
export function assertPublicSchema(databaseUrl: string): void {
  const schema = new URL(databaseUrl).searchParams.get("schema");
  if (schema !== null && schema !== "public") {
    throw new Error(
      `DATABASE_URL selects schema "${schema}"; only the public schema is supported (use a separate database instead).`,
    );
  }
}

function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** Owns every pool and shadow database an engine run opens, so that all of them are gone afterwards. */
class ConnectionTracker {
  private readonly open = new Set<PgAdapter>();
  private readonly shadowDatabases = new Set<string>();

  constructor(private readonly databaseUrl: string) {}

  factory(): SqlMigrationAwareDriverAdapterFactory {
    return {
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: () => this.adapterFor(this.databaseUrl),
      connectToShadowDb: () => this.connectToShadowDb(),
    };
  }

  async closeAll(): Promise<void> {
    for (const adapter of [...this.open]) await this.disposeAdapter(adapter);
    for (const name of [...this.shadowDatabases]) await this.dropShadowDatabase(name);
  }

  // A config rather than a pg.Pool: adapter-pg brings newer @types/pg than the project's, so a pool
  // built here does not type-check as its argument (same runtime module, different declarations).
  private async adapterFor(connectionString: string, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const adapter = await new PrismaPg({ connectionString, max: 4 }).connect();
    adapter.underlyingDriver().on("connect", patchClientForCharColumns);
    this.open.add(adapter);
    return wrapAdapter(adapter, async () => {
      await this.disposeAdapter(adapter);
      await afterDispose?.();
    });
  }

  private async disposeAdapter(adapter: PgAdapter): Promise<void> {
    if (this.open.delete(adapter)) await adapter.dispose();
  }

  // adapter-pg's own helper drops the shadow database before closing the pool that is still connected
  // to it, which fails; this one closes the pool first and forces the drop in case a session lingers.
  private async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
    await runAdminStatement(this.databaseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
    this.shadowDatabases.add(name);
    return this.adapterFor(withDatabase(this.databaseUrl, name), () => this.dropShadowDatabase(name));
  }

  private async dropShadowDatabase(name: string): Promise<void> {
    if (!this.shadowDatabases.delete(name)) return;
    await runAdminStatement(this.databaseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
}

async function runAdminStatement(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface RecordedMigration {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
}

export async function readMigrationsTable(databaseUrl: string): Promise<RecordedMigration[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = "public._prisma_migrations";
    const exists = await client.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [table]);
    if (!exists.rows[0]?.found) return [];
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished: boolean;
      rolled_back: boolean;
    }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM ${table} ORDER BY started_at`,
    );
    return rows.map((r) => ({
      name: r.migration_name,
      checksum: r.checksum,
      finished: r.finished,
      rolledBack: r.rolled_back,
    }));
  } finally {
    await client.end();
  }
}

// `prisma migrate deploy` creates a missing database; do the same so a fresh machine needs one command.
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return;
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "3D000")) throw error;
  } finally {
    await client.end().catch(() => {});
  }
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await admin.end();
  }
}
