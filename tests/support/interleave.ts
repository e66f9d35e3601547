import { db, type Tx } from "@/server/db";

/** Resolves once some connection to the test database is waiting for a lock. */
async function waitForLockWaiter(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the action never waited for the lock");
}

/**
 * Two users at once, made deterministic: a transaction locks a row (`lock`), `action` starts and
 * reads the row, then blocks writing it; `change` is then written and committed by the first
 * transaction, and `action` resumes against the changed row. Returns what `action` returned.
 */
export async function interleave<T>(
  lock: (tx: Tx) => Promise<unknown>,
  action: () => Promise<T>,
  change: (tx: Tx) => Promise<unknown>,
): Promise<T> {
  const { settled } = await db.$transaction(
    async (tx) => {
      await lock(tx);
      // Wrapped so that a failure of `action` surfaces below, not as an unhandled rejection.
      const settled = action().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      await waitForLockWaiter();
      await change(tx);
      return { settled };
    },
    { timeout: 20_000 },
  );
  const outcome = await settled;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
