import "server-only";
import { cookies } from "next/headers";
import { env } from "@/env";

// The one "now" of every date-dependent server path (to date, month in progress, overdue, stale,
// schedules). Tests fix it: end-to-end runs set ALLOW_TEST_CLOCK=1 on their server and a
// `revtrace-test-now` cookie per browser context; the run command and `next start` in production
// refuse ALLOW_TEST_CLOCK (src/env.ts), so a visitor can never move the clock of a real server.
export const TEST_CLOCK_COOKIE = "revtrace-test-now";

/** Parses the cookie's ISO instant; anything else is ignored. */
export function parseTestNow(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The current instant: the real clock, or the test clock of this request when enabled. */
export async function now(): Promise<Date> {
  if (env().ALLOW_TEST_CLOCK) {
    try {
      const fixed = parseTestNow((await cookies()).get(TEST_CLOCK_COOKIE)?.value);
      if (fixed) return fixed;
    } catch {
      // Outside a request (a script or a job): the real clock.
    }
  }
  return new Date();
}
