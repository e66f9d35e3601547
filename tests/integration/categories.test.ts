import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { defaultCategoryRows } from "@/lib/contribution-categories";
import { addCategory, archiveCategory, renameCategory, restoreCategory } from "@/server/accountability/categories";
import { auditActions, categoryId, createAccountabilityOrganization } from "../factories/accountability";
import { createOrganization } from "../factories";
import { expectFailure, expectOk, snapshotOrganization } from "../support/assertions";

describe("contribution categories", () => {
  it("start as the default list for a new organization", async () => {
    const { organization } = await createOrganization();
    const rows = await db.contributionCategory.findMany({
      where: { organizationId: organization.id },
      select: { kind: true, name: true, archivedAt: true },
    });
    const pairs = (list: { kind: string; name: string }[]) => list.map((r) => `${r.kind}|${r.name}`).sort();
    expect(pairs(rows)).toEqual(pairs(defaultCategoryRows(organization.id)));
    expect(rows.every((r) => r.archivedAt === null)).toBe(true);
  });

  it("let an OWNER add, rename, archive and restore a category, each audited", async () => {
    const org = await createAccountabilityOrganization();
    const { owner } = org.users;
    const { categoryId: id } = expectOk(
      await addCategory(owner.id, org.slug, { kind: "LEGAL", name: "  Export-control review " }),
    );
    expect(
      await db.contributionCategory.findFirstOrThrow({ where: { organizationId: org.organizationId, id } }),
    ).toMatchObject({ kind: "LEGAL", name: "Export-control review", archivedAt: null });
    expectOk(await renameCategory(owner.id, org.slug, { categoryId: id, name: "Export controls" }));
    expectOk(await archiveCategory(owner.id, org.slug, { categoryId: id }));
    const archivedAt = (
      await db.contributionCategory.findFirstOrThrow({ where: { organizationId: org.organizationId, id } })
    ).archivedAt;
    expect(archivedAt).toBeInstanceOf(Date);
    // Archiving twice keeps the first date.
    expectOk(await archiveCategory(owner.id, org.slug, { categoryId: id }));
    expect(
      (await db.contributionCategory.findFirstOrThrow({ where: { organizationId: org.organizationId, id } }))
        .archivedAt,
    ).toEqual(archivedAt);
    expectOk(await restoreCategory(owner.id, org.slug, { categoryId: id }));
    expect(
      await db.contributionCategory.findFirstOrThrow({ where: { organizationId: org.organizationId, id } }),
    ).toMatchObject({ name: "Export controls", archivedAt: null });
    expect(await auditActions(org.organizationId, id)).toEqual([
      "category.added",
      "category.renamed",
      "category.archived",
      "category.archived",
      "category.restored",
    ]);
  });

  it("refuse a name the kind already has, and every role but OWNER", async () => {
    const org = await createAccountabilityOrganization();
    const delay = await categoryId(org.organizationId, "LEGAL", "Contract review delay");
    const before = await snapshotOrganization(org.organizationId);
    const added = await addCategory(org.users.owner.id, org.slug, { kind: "LEGAL", name: "Contract review delay" });
    expectFailure(added, "CONFLICT");
    expect(!added.ok && added.fieldErrors).toEqual({ name: ["That kind already has a category with that name."] });
    expectFailure(
      await renameCategory(org.users.owner.id, org.slug, { categoryId: delay, name: "Dispute or litigation" }),
      "CONFLICT",
    );
    for (const user of [org.users.finance, org.users.legalHead, org.users.salesManager, org.users.viewer]) {
      expectFailure(await addCategory(user.id, org.slug, { kind: "LEGAL", name: "New one" }), "FORBIDDEN");
      expectFailure(await renameCategory(user.id, org.slug, { categoryId: delay, name: "Renamed" }), "FORBIDDEN");
      expectFailure(await archiveCategory(user.id, org.slug, { categoryId: delay }), "FORBIDDEN");
      expectFailure(await restoreCategory(user.id, org.slug, { categoryId: delay }), "FORBIDDEN");
    }
    expect(await snapshotOrganization(org.organizationId)).toEqual(before);
    // The same name under another kind is fine, and renaming to its own name is not a clash.
    expectOk(await addCategory(org.users.owner.id, org.slug, { kind: "BILLING", name: "Contract review delay" }));
    expectOk(await renameCategory(org.users.owner.id, org.slug, { categoryId: delay, name: "Contract review delay" }));
  });
});
