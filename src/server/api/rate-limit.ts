import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/env";

// Requests per API token per minute, counted in PostgreSQL (the same table and library as the
// sign-in throttle), so every app instance draws on one budget: two processes behind a load
// balancer cannot each grant a token the full rate.

export const API_WINDOW_SECONDS = 60;

export type TRateVerdict = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type TApiRateLimiter = { consume(tokenId: string): Promise<TRateVerdict>; limit: number };

export function createApiRateLimiter(pool: Pool, points: number): TApiRateLimiter {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "SignInThrottle",
    tableCreated: true,
    keyPrefix: "api",
    points,
    duration: API_WINDOW_SECONDS,
  });
  return {
    limit: points,
    async consume(tokenId) {
      try {
        const res = await limiter.consume(tokenId);
        return { ok: true, remaining: res.remainingPoints };
      } catch (error) {
        if (error instanceof RateLimiterRes)
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
        throw error;
      }
    },
  };
}

const globalForLimiter = globalThis as unknown as { apiRateLimiter?: TApiRateLimiter };

/** The process's limiter (API_RATE_LIMIT_PER_MINUTE, default 600), on a small pool of its own. */
export function apiRateLimiter(): TApiRateLimiter {
  globalForLimiter.apiRateLimiter ??= createApiRateLimiter(
    new Pool({ connectionString: env().DATABASE_URL, max: 4 }),
    env().API_RATE_LIMIT_PER_MINUTE,
  );
  return globalForLimiter.apiRateLimiter;
}
