import { Pool } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate, getAuthOptions, TooManyAttemptsError } from "@/server/auth";
import {
  closeSignInThrottle,
  createSignInThrottle,
  SIGN_IN_LIMITS,
  SIGN_IN_WINDOW_MINUTES,
} from "@/server/security/sign-in-throttle";
import { createUser, PASSWORD } from "../factories";

// Finding 1 of issue 10, the sign-in throttle can be raced: 101 parallel sign-ins (100 wrong, the
// right one in the middle) were all checked and the right one got a session, against a limit of
// 10; anyone could lock a real user out with 10 wrong passwords; and tries spread over many
// accounts from one client were never slowed.

const STRANGER = "198.51.100.66";
const OWNER_ADDRESS = "203.0.113.10";

type TOutcome = "signed-in" | "refused" | "throttled";
const outcome = (email: string, password: string, address: string): Promise<TOutcome> =>
  authenticate(email, password, address).then(
    (user) => (user ? "signed-in" : "refused"),
    (error: unknown) => {
      if (error instanceof TooManyAttemptsError) return "throttled";
      throw error;
    },
  );
const count = (outcomes: TOutcome[], which: TOutcome) => outcomes.filter((o) => o === which).length;

const pools: Pool[] = [];
/** A second "app instance": its own connection pool and its own limiter objects, the same database. */
function anotherInstance() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  pools.push(pool);
  return createSignInThrottle(pool);
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await closeSignInThrottle();
});

describe("the sign-in throttle can be raced (issue 10, finding 1)", () => {
  it("checks only 10 of 101 concurrent attempts on one account, and refuses the right password among them", async () => {
    const user = await createUser();
    const attempts = Array.from({ length: 101 }, (_, i) => (i === 50 ? PASSWORD : `wrong-${i}`));
    const outcomes = await Promise.all(attempts.map((password) => outcome(user.email, password, STRANGER)));
    expect(outcomes[50], "the right password, sent after 50 wrong ones were counted").toBe("throttled");
    expect(count(outcomes, "refused"), "passwords actually checked").toBe(SIGN_IN_LIMITS.perAccountAndAddress);
    expect(count(outcomes, "throttled")).toBe(101 - SIGN_IN_LIMITS.perAccountAndAddress);
    expect(count(outcomes, "signed-in")).toBe(0);
  });

  it("says when to retry: at the end of the 15-minute window", async () => {
    const user = await createUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i++)
      expect(await outcome(user.email, `wrong-${i}`, STRANGER)).toBe("refused");
    const error = await authenticate(user.email, PASSWORD, STRANGER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyAttemptsError);
    const seconds = (error as TooManyAttemptsError).retryAfterSeconds;
    expect(seconds).toBeGreaterThan(SIGN_IN_WINDOW_MINUTES * 60 - 60);
    expect(seconds).toBeLessThanOrEqual(SIGN_IN_WINDOW_MINUTES * 60);
    expect((error as Error).message).toBe(`TOO_MANY_ATTEMPTS:${seconds}`);
  });

  it("a stranger's 10 failures from another address do not stop the owner from a clean address", async () => {
    const owner = await createUser();
    for (let i = 0; i < 10; i++) expect(await outcome(owner.email, `guess-${i}`, STRANGER)).toBe("refused");
    expect(await outcome(owner.email, PASSWORD, STRANGER), "the stranger's address is slowed down").toBe("throttled");
    expect(await outcome(owner.email, PASSWORD, OWNER_ADDRESS), "the owner, from their own address").toBe("signed-in");
    // And again: the owner's sign-ins never used up anything.
    expect(await outcome(owner.email, PASSWORD, OWNER_ADDRESS)).toBe("signed-in");
  });

  it("slows down one address guessing across many accounts after 30 failures, for every account, but not other addresses", async () => {
    const users = await Promise.all(Array.from({ length: 16 }, () => createUser()));
    // Two guesses per account: never 10 on any one account, 30 from the address in all.
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      expect(await outcome(users[i % 15]!.email, `guess-${i}`, STRANGER)).toBe("refused");
    expect(await outcome(users[15]!.email, "guess", STRANGER)).toBe("throttled");
    expect(await outcome(users[15]!.email, PASSWORD, STRANGER), "even a right password from that address").toBe(
      "throttled",
    );
    expect(await outcome(users[0]!.email, PASSWORD, OWNER_ADDRESS)).toBe("signed-in");
  });

  it("never slows down correct sign-ins, however many come from one address", async () => {
    const users = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    const rounds = SIGN_IN_LIMITS.perAddress + 5;
    for (let i = 0; i < rounds; i++) expect(await outcome(users[i % 3]!.email, PASSWORD, STRANGER)).toBe("signed-in");
    // A failure after all that is only the first one.
    expect(await outcome(users[0]!.email, "wrong", STRANGER)).toBe("refused");
    expect(await outcome(users[0]!.email, PASSWORD, STRANGER)).toBe("signed-in");
  });

  it("shares the count between two app instances through PostgreSQL", async () => {
    const first = anotherInstance();
    const second = anotherInstance();
    const email = "shared@test.example";
    for (let i = 0; i < 5; i++) expect(await first.attempt(email, STRANGER)).toEqual({ ok: true });
    for (let i = 0; i < 5; i++) expect(await second.attempt(email, STRANGER)).toEqual({ ok: true });
    expect(await first.attempt(email, STRANGER)).toMatchObject({ ok: false });
    expect(await second.attempt(email, STRANGER)).toMatchObject({ ok: false });

    // Concurrently, split over both instances: still exactly 10 let through.
    const racing = "racing@test.example";
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? first : second).attempt(racing, OWNER_ADDRESS)),
    );
    expect(verdicts.filter((v) => v.ok)).toHaveLength(SIGN_IN_LIMITS.perAccountAndAddress);
  });
});

describe("sign-in while the throttle's database is down", () => {
  it("says sign-in is unavailable, never that the password is wrong, and passes no database error to the browser", async () => {
    const user = await createUser();
    await closeSignInThrottle();
    const pool = new Pool({
      connectionString: "postgresql://postgres@127.0.0.1:1/revtrace_down",
      connectionTimeoutMillis: 2_000,
    });
    (globalThis as { signInThrottle?: unknown }).signInThrottle = { pool, throttle: createSignInThrottle(pool) };
    // The authorize function next-auth calls, as configured (CredentialsProvider keeps it in options).
    const provider = getAuthOptions().providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    try {
      await expect(
        provider.options.authorize({ email: user.email, password: PASSWORD }, { headers: {} }),
      ).rejects.toThrow(/^SIGN_IN_UNAVAILABLE$/);
    } finally {
      await closeSignInThrottle();
    }
  });
});
