import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createOrganization } from "../factories";

describe("AuditEvent", () => {
  it("is append-only in the database: updates and deletes are refused", async () => {
    const a = await createOrganization("Alpha");
    const where = { organizationId: a.organization.id };
    const [event] = await db.auditEvent.findMany({ where });
    expect(event?.action).toBe("organization.created");
    await expect(db.auditEvent.updateMany({ where, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where })).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findMany({ where })).toEqual([event]);
  });
});
