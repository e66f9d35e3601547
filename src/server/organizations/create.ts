import "server-only";
import { randomBytes } from "node:crypto";
import { defaultCategoryRows } from "@/lib/contribution-categories";
import { DEFAULT_DEPARTMENTS } from "@/lib/departments";
import { defaultPipelineRows } from "@/lib/pipeline-defaults";
import type { TOrganizationFields } from "@/lib/schemas/organization";
import { recordAudit } from "../audit";
import type { Tx } from "../db";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base.length >= 2 ? base : "org";
}

async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await tx.organization.findUnique({ where: { slug: base }, select: { id: true } }))) return base;
  return `${base}-${randomBytes(3).toString("hex")}`;
}

/** Creates an organization with its default departments, contribution categories, pipeline stages and loss causes, and `userId` as its OWNER. */
export async function createOrganizationInTx(tx: Tx, userId: string, fields: TOrganizationFields) {
  const organization = await tx.organization.create({
    data: { ...fields, slug: await uniqueSlug(tx, fields.name) },
  });
  await tx.department.createMany({
    data: DEFAULT_DEPARTMENTS.map((d) => ({ ...d, organizationId: organization.id })),
  });
  await tx.contributionCategory.createMany({ data: defaultCategoryRows(organization.id) });
  const pipeline = defaultPipelineRows(organization.id);
  await tx.pipelineStage.createMany({ data: pipeline.stages });
  await tx.lossCause.createMany({ data: pipeline.lossCauses });
  const membership = await tx.membership.create({
    data: { organizationId: organization.id, userId, role: "OWNER" },
  });
  await recordAudit(tx, {
    organizationId: organization.id,
    actor: { kind: "member", userId },
    action: "organization.created",
    entityType: "Organization",
    entityId: organization.id,
    after: { organization, ownerMembershipId: membership.id, departments: DEFAULT_DEPARTMENTS },
  });
  return organization;
}
