import { describe, expect, it } from "vitest";
import { apiExamples, sampleAmount } from "@/lib/api-examples";

describe("apiExamples", () => {
  const examples = apiExamples("https://revtrace.acme.example", 2);

  it("calls the organization's own address with the token as a Bearer header", () => {
    for (const e of examples) {
      expect(e.command, e.id).toContain(`"https://revtrace.acme.example/api/v1/`);
      expect(e.command, e.id).toContain(`-H "Authorization: Bearer $REVTRACE_TOKEN"`);
    }
  });

  it("names the period as the dashboard's address does", () => {
    expect(examples.find((e) => e.id === "dashboard")?.command).toContain('/api/v1/dashboard?period=fy-2026"');
    expect(examples.find((e) => e.id === "scorecards")?.command).toContain('/api/v1/scorecards?period=m-2026-11"');
    expect(examples.find((e) => e.id === "deals")?.command).toContain('/api/v1/deals?limit=100"');
  });

  it("sends an Idempotency-Key with every write (the API refuses a write without one)", () => {
    const writes = examples.filter((e) => e.command.startsWith("curl -X "));
    expect(writes.map((e) => e.id)).toEqual(["revenue-entries", "deal", "kpi-values"]);
    for (const e of writes) expect(e.command, e.id).toMatch(/-H "Idempotency-Key: [\x21-\x7e]+" \\/);
  });

  it("sends a JSON body with the revenue entries", () => {
    const push = examples.find((e) => e.id === "revenue-entries");
    expect(push?.command).toContain('curl -X POST "https://revtrace.acme.example/api/v1/revenue-entries"');
    expect(push?.command).toContain('-H "Idempotency-Key: ');
    expect(push?.command).toContain('-H "Content-Type: application/json"');
    // The body, as the shell passes it, is the JSON the endpoint takes.
    const body = /-d '([\s\S]*)'$/.exec(push?.command ?? "")?.[1];
    expect(JSON.parse(body ?? "")).toEqual({
      entries: [{ date: "2026-11-03", amount: "1250.00", reference: "INV-1001", customer: "Globex" }],
    });
  });

  it("writes every body as valid JSON, and keeps each line short enough for a laptop", () => {
    for (const e of examples) {
      const body = /-d '([\s\S]*)'$/.exec(e.command)?.[1];
      if (body) expect(() => JSON.parse(body), e.id).not.toThrow();
      for (const line of e.command.split("\n")) expect(line.length, `${e.id}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it("writes amounts with the currency's minor digits", () => {
    expect(sampleAmount("1250", 2)).toBe("1250.00");
    expect(sampleAmount("1250", 0)).toBe("1250");
    const yen = apiExamples("https://x.example", 0).find((e) => e.id === "deal");
    expect(JSON.parse(/-d '([\s\S]*)'$/.exec(yen?.command ?? "")?.[1] ?? "")).toMatchObject({ amount: "48000" });
  });
});
