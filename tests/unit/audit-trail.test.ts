import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_SENTENCES, describeActor, describeAuditAction, describeAuditEntity } from "@/lib/audit-trail";

describe("describeAuditAction", () => {
  it("reads a recorded action as a sentence", () => {
    expect(describeAuditAction("apiToken.created")).toBe("Created API token");
    expect(describeAuditAction("apiToken.revoked")).toBe("Revoked API token");
    expect(describeAuditAction("period.closed")).toBe("Closed a month");
    expect(describeAuditAction("revenue.imported")).toBe("Imported actuals");
  });

  it("shows an action it has no sentence for as recorded, rather than hiding it", () => {
    expect(describeAuditAction("widget.frobnicated")).toBe("widget.frobnicated");
    // Names of Object.prototype are not sentences.
    expect(describeAuditAction("toString")).toBe("toString");
    expect(describeAuditAction("constructor")).toBe("constructor");
  });

  it("has a sentence that starts with a capital and is not the raw action, for every mapped action", () => {
    for (const [action, sentence] of Object.entries(AUDIT_ACTION_SENTENCES)) {
      expect(sentence, action).toMatch(/^[A-Z]/);
      expect(sentence, action).not.toContain(".");
    }
  });
});

describe("describeActor", () => {
  it("names a member, a token and a job the way the trail shows them", () => {
    expect(describeActor({ kind: "member", name: "Dana Chen" })).toBe("Dana Chen");
    expect(describeActor({ kind: "token", name: "Billing sync" })).toBe("API token “Billing sync”");
    expect(describeActor({ kind: "system", job: "weekly-snapshot" })).toBe("System · weekly-snapshot");
  });

  it("says a member was removed when the user is gone", () => {
    expect(describeActor({ kind: "member", name: null })).toBe("A removed member");
  });
});

describe("describeAuditEntity", () => {
  it("names the record type, and the record when the event stored a name", () => {
    expect(describeAuditEntity("ApiToken", "Billing sync")).toBe("API token “Billing sync”");
    expect(describeAuditEntity("PeriodClose", null)).toBe("Month");
    expect(describeAuditEntity("SomethingNew", null)).toBe("SomethingNew");
  });
});
