import { randomUUID } from "node:crypto";
import type { Role } from "@db/enums";
import { db } from "@/server/db";
import { createOrganizationInTx } from "@/server/organizations/create";
import { hashPassword } from "@/server/passwords";

export const PASSWORD = "correct horse battery";

let passwordHash: Promise<string> | undefined;

export async function createUser(overrides: { email?: string; name?: string; verified?: boolean } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const id = randomUUID().slice(0, 8);
  return db.user.create({
    data: {
      email: overrides.email ?? `user-${id}@test.example`,
      name: overrides.name ?? `User ${id}`,
      passwordHash: await passwordHash,
      emailVerifiedAt: overrides.verified === false ? null : new Date(),
    },
  });
}

/** An organization with its default departments and a fresh OWNER. */
export async function createOrganization(name = `Org ${randomUUID().slice(0, 6)}`) {
  const owner = await createUser();
  const organization = await db.$transaction((tx) =>
    createOrganizationInTx(tx, owner.id, {
      name,
      currency: "USD",
      fiscalYearStartMonth: 1,
      timeZone: "America/New_York",
    }),
  );
  const departments = await db.department.findMany({ where: { organizationId: organization.id } });
  const department = (kind: string) => {
    const found = departments.find((d) => d.kind === kind);
    if (!found) throw new Error(`no ${kind} department`);
    return found;
  };
  return { organization, owner, departments, department };
}

/** A new user who is a member of `organizationId` with `role`. */
export async function addMember(organizationId: string, role: Role, departmentId: string | null = null) {
  const user = await createUser();
  const membership = await db.membership.create({ data: { organizationId, userId: user.id, role, departmentId } });
  return { user, membership };
}

/**
 * The tenant context of an organization for a test that reads through data-access functions
 * directly (not as a member): the system actor, as a scheduled job would read.
 */
export async function tenantOf(organizationId: string) {
  const { systemContext } = await import("@/server/tenant");
  return systemContext(organizationId, "test");
}
