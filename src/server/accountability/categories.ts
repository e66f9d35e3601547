import "server-only";
import { ZAddCategoryInput, ZCategoryIdInput, ZRenameCategoryInput } from "@/lib/schemas/accountability";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { TTenantContext } from "../tenant";

const nameTaken = () =>
  new AppError("CONFLICT", "That kind already has a category with that name.", {
    name: ["That kind already has a category with that name."],
  });

async function getCategory(tx: Tx, ctx: TTenantContext, categoryId: string) {
  const category = await tx.contributionCategory.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: categoryId } },
  });
  if (!category) throw notFound("That category");
  return category;
}

/** Adds a contribution category for departments of one kind. */
export const addCategory = tenantMutation({
  schema: ZAddCategoryInput,
  permission: "departments.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      if (
        await tx.contributionCategory.findUnique({
          where: { organizationId_kind_name: { organizationId, kind: input.kind, name: input.name } },
        })
      )
        throw nameTaken();
      const category = await tx.contributionCategory.create({
        data: { organizationId, kind: input.kind, name: input.name },
      });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "category.added",
        entityType: "ContributionCategory",
        entityId: category.id,
        after: category,
      });
      return { categoryId: category.id };
    }),
});

export const renameCategory = tenantMutation({
  schema: ZRenameCategoryInput,
  permission: "departments.manage",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getCategory(tx, ctx, input.categoryId);
      const clash = await tx.contributionCategory.findUnique({
        where: { organizationId_kind_name: { organizationId, kind: before.kind, name: input.name } },
      });
      if (clash && clash.id !== before.id) throw nameTaken();
      await tx.contributionCategory.updateMany({
        where: { organizationId, id: before.id },
        data: { name: input.name },
      });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "category.renamed",
        entityType: "ContributionCategory",
        entityId: before.id,
        before,
        after: { ...before, name: input.name },
      });
      return { categoryId: before.id };
    }),
});

function setArchived(archived: boolean) {
  return tenantMutation({
    schema: ZCategoryIdInput,
    permission: "departments.manage",
    run: (ctx, input) =>
      db.$transaction(async (tx) => {
        const before = await getCategory(tx, ctx, input.categoryId);
        const archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
        await tx.contributionCategory.updateMany({
          where: { organizationId: ctx.organizationId, id: before.id },
          data: { archivedAt },
        });
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actor: ctx.actor,
          action: archived ? "category.archived" : "category.restored",
          entityType: "ContributionCategory",
          entityId: before.id,
          before,
          after: { ...before, archivedAt },
        });
        return { categoryId: before.id };
      }),
  });
}

/** Archived categories stay on the contributions that use them but are not offered for new ones. */
export const archiveCategory = setArchived(true);
export const restoreCategory = setArchived(false);
