import { describe, expect, it } from "vitest";
import { parseTestNow } from "@/server/clock";
import { parseEnv } from "@/env";

const BASE = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x", NEXTAUTH_SECRET: "x".repeat(32) };

describe("the test clock", () => {
  it("takes a UTC instant and nothing else", () => {
    expect(parseTestNow("2026-04-03T10:00:00Z")?.toISOString()).toBe("2026-04-03T10:00:00.000Z");
    expect(parseTestNow("2026-03-31T20:00:00.500Z")?.toISOString()).toBe("2026-03-31T20:00:00.500Z");
    for (const bad of [undefined, "", "2026-04-03", "2026-04-03T10:00:00+02:00", "tomorrow", "2026-13-40T10:00:00Z"])
      expect(parseTestNow(bad)).toBeNull();
  });

  it("is off unless the environment allows it, and the run command refuses to allow it", () => {
    expect(parseEnv(BASE).ALLOW_TEST_CLOCK).toBe(false);
    expect(parseEnv({ ...BASE, ALLOW_TEST_CLOCK: "1" }).ALLOW_TEST_CLOCK).toBe(true);
    expect(() => parseEnv({ ...BASE, ALLOW_TEST_CLOCK: "1", REVTRACE_RUN_COMMAND: "1" })).toThrow(
      /ALLOW_TEST_CLOCK: is for end-to-end tests only; the run command refuses it/,
    );
    expect(() => parseEnv({ ...BASE, ALLOW_TEST_CLOCK: "yes" })).toThrow(/ALLOW_TEST_CLOCK/);
  });
});
