import "server-only";
import { createHash } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/env";

// Sign-in attempts are counted in PostgreSQL (the SignInThrottle table, created by a migration), so
// every app instance sees the same counts, and each attempt is consumed atomically *before* the
// password is checked: parallel attempts cannot all slip through a check made before any was counted.
//
// Two budgets, both per 15 minutes:
// - per account and client address: 10 attempts. A stranger who exhausts it locks out only that
//   account from that address; the owner signing in from another address is untouched.
// - per client address: 30 attempts, whatever the accounts (guessing across many accounts).
// A successful sign-in gives its attempt back and clears the account's count from that address, so
// only failures add up: people who sign in correctly, however often, are never slowed.

export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_LIMITS = { perAccountAndAddress: 10, perAddress: 30 } as const;

export type TAttemptVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export type TSignInThrottle = {
  /** Counts one attempt; refuses it (with the time until the budget refills) when over a budget. */
  attempt(email: string, address: string): Promise<TAttemptVerdict>;
  /** After a correct password: the attempt does not count. */
  succeeded(email: string, address: string): Promise<void>;
};

// Hashed: the table holds no email addresses, and every key fits its varchar(255).
const digest = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex");

export function createSignInThrottle(pool: Pool): TSignInThrottle {
  const common = {
    storeClient: pool,
    storeType: "pool",
    tableName: "SignInThrottle",
    tableCreated: true,
    duration: SIGN_IN_WINDOW_MINUTES * 60,
  };
  const perAddress = new RateLimiterPostgres({ ...common, keyPrefix: "addr", points: SIGN_IN_LIMITS.perAddress });
  const perAccount = new RateLimiterPostgres({
    ...common,
    keyPrefix: "acct",
    points: SIGN_IN_LIMITS.perAccountAndAddress,
  });
  return {
    async attempt(email, address) {
      try {
        await perAddress.consume(digest(address));
        await perAccount.consume(digest(email, address));
        return { ok: true };
      } catch (error) {
        if (error instanceof RateLimiterRes)
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        throw error;
      }
    },
    async succeeded(email, address) {
      await Promise.all([perAddress.reward(digest(address), 1), perAccount.delete(digest(email, address))]);
    },
  };
}

const globalForThrottle = globalThis as unknown as { signInThrottle?: { pool: Pool; throttle: TSignInThrottle } };

/** The process's throttle, on a small pool of its own (created on first use, like the db client). */
export function signInThrottle(): TSignInThrottle {
  globalForThrottle.signInThrottle ??= (() => {
    const pool = new Pool({ connectionString: env().DATABASE_URL, max: 4 });
    return { pool, throttle: createSignInThrottle(pool) };
  })();
  return globalForThrottle.signInThrottle.throttle;
}

export async function closeSignInThrottle(): Promise<void> {
  const current = globalForThrottle.signInThrottle;
  globalForThrottle.signInThrottle = undefined;
  await current?.pool.end();
}
