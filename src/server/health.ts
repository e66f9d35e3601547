import "server-only";
import type { PrismaClient } from "@db/client";
import { db } from "./db";

export type THealth = { status: "ok" } | { status: "unavailable"; database: "unreachable"; message: string };

const TIMEOUT_MS = 3_000;

/**
 * Readiness: can this instance reach its database? Says nothing about any organization. A database
 * that does not answer within 3 s counts as down, so a load balancer's probe never hangs.
 */
export async function checkReadiness(client: Pick<PrismaClient, "$queryRaw"> = db): Promise<THealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS);
  });
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok" };
  } catch {
    return {
      status: "unavailable",
      database: "unreachable",
      message: "The database is not reachable; this instance cannot serve requests.",
    };
  } finally {
    clearTimeout(timer);
  }
}
