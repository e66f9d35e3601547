import "server-only";
import {
  ZCreateStageInput,
  ZHeadlineForecastInput,
  ZLossCauseIdInput,
  ZLossCauseInput,
  ZRenameLossCauseInput,
  ZStageIdInput,
  ZUpdateStageInput,
} from "@/lib/schemas/pipeline";
import { tenantMutation } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { TTenantContext } from "../tenant";

// The organization's sales process (stages with default probabilities), its list of loss causes,
// and which forecast the dashboard headlines: OWNER only ("pipeline.configure").

const stageNameTaken = () =>
  new AppError("CONFLICT", "A stage with that name exists.", { name: ["A stage with that name exists."] });
const causeNameTaken = () =>
  new AppError("CONFLICT", "A cause with that name exists.", { name: ["A cause with that name exists."] });

async function getStage(tx: Tx, ctx: TTenantContext, stageId: string) {
  const stage = await tx.pipelineStage.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: stageId } },
  });
  if (!stage) throw notFound("That stage");
  return stage;
}

async function getLossCause(tx: Tx, ctx: TTenantContext, lossCauseId: string) {
  const cause = await tx.lossCause.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: lossCauseId } },
  });
  if (!cause) throw notFound("That cause");
  return cause;
}

export const createStage = tenantMutation({
  schema: ZCreateStageInput,
  permission: "pipeline.configure",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      if (await tx.pipelineStage.findUnique({ where: { organizationId_name: { organizationId, name: input.name } } }))
        throw stageNameTaken();
      const sortOrder = await tx.pipelineStage.count({ where: { organizationId } });
      const stage = await tx.pipelineStage.create({
        data: { organizationId, name: input.name, probabilityBp: input.probability, outcome: input.outcome, sortOrder },
      });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "stage.created",
        entityType: "PipelineStage",
        entityId: stage.id,
        after: stage,
      });
      return { stageId: stage.id };
    }),
});

/** Renames a stage or changes its default probability (deals keep theirs). Its outcome is fixed once deals use it. */
export const updateStage = tenantMutation({
  schema: ZUpdateStageInput,
  permission: "pipeline.configure",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getStage(tx, ctx, input.stageId);
      const clash = await tx.pipelineStage.findUnique({
        where: { organizationId_name: { organizationId, name: input.name } },
      });
      if (clash && clash.id !== before.id) throw stageNameTaken();
      if (
        input.outcome !== before.outcome &&
        (await tx.opportunity.count({ where: { organizationId, stageId: before.id } })) > 0
      ) {
        throw new AppError("CONFLICT", "Deals are in this stage; its outcome cannot change.", {
          outcome: ["Deals are in this stage; its outcome cannot change."],
        });
      }
      const data = { name: input.name, probabilityBp: input.probability, outcome: input.outcome };
      await tx.pipelineStage.updateMany({ where: { organizationId, id: before.id }, data });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "stage.updated",
        entityType: "PipelineStage",
        entityId: before.id,
        before,
        after: { ...before, ...data },
      });
      return { stageId: before.id };
    }),
});

function setStageArchived(archived: boolean) {
  return tenantMutation({
    schema: ZStageIdInput,
    permission: "pipeline.configure",
    run: (ctx, input) =>
      db.$transaction(async (tx) => {
        const before = await getStage(tx, ctx, input.stageId);
        if (
          archived &&
          (await tx.opportunity.count({
            where: { organizationId: ctx.organizationId, stageId: before.id, outcome: "OPEN" },
          })) > 0
        ) {
          throw new AppError("CONFLICT", `Open deals are in ${before.name}; move them before archiving it.`);
        }
        const archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
        await tx.pipelineStage.updateMany({
          where: { organizationId: ctx.organizationId, id: before.id },
          data: { archivedAt },
        });
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actor: ctx.actor,
          action: archived ? "stage.archived" : "stage.restored",
          entityType: "PipelineStage",
          entityId: before.id,
          before,
          after: { ...before, archivedAt },
        });
        return { stageId: before.id };
      }),
  });
}
export const archiveStage = setStageArchived(true);
export const restoreStage = setStageArchived(false);

export const addLossCause = tenantMutation({
  schema: ZLossCauseInput,
  permission: "pipeline.configure",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      if (await tx.lossCause.findUnique({ where: { organizationId_name: { organizationId, name: input.name } } }))
        throw causeNameTaken();
      const cause = await tx.lossCause.create({ data: { organizationId, name: input.name } });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "lossCause.added",
        entityType: "LossCause",
        entityId: cause.id,
        after: cause,
      });
      return { lossCauseId: cause.id };
    }),
});

export const renameLossCause = tenantMutation({
  schema: ZRenameLossCauseInput,
  permission: "pipeline.configure",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await getLossCause(tx, ctx, input.lossCauseId);
      const clash = await tx.lossCause.findUnique({
        where: { organizationId_name: { organizationId, name: input.name } },
      });
      if (clash && clash.id !== before.id) throw causeNameTaken();
      await tx.lossCause.updateMany({ where: { organizationId, id: before.id }, data: { name: input.name } });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "lossCause.renamed",
        entityType: "LossCause",
        entityId: before.id,
        before,
        after: { ...before, name: input.name },
      });
      return { lossCauseId: before.id };
    }),
});

function setCauseArchived(archived: boolean) {
  return tenantMutation({
    schema: ZLossCauseIdInput,
    permission: "pipeline.configure",
    run: (ctx, input) =>
      db.$transaction(async (tx) => {
        const before = await getLossCause(tx, ctx, input.lossCauseId);
        const archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
        await tx.lossCause.updateMany({
          where: { organizationId: ctx.organizationId, id: before.id },
          data: { archivedAt },
        });
        await recordAudit(tx, {
          organizationId: ctx.organizationId,
          actor: ctx.actor,
          action: archived ? "lossCause.archived" : "lossCause.restored",
          entityType: "LossCause",
          entityId: before.id,
          before,
          after: { ...before, archivedAt },
        });
        return { lossCauseId: before.id };
      }),
  });
}
export const archiveLossCause = setCauseArchived(true);
export const restoreLossCause = setCauseArchived(false);

/** Which forecast the dashboard's headline and outlook use: weighted (default), commit or best case. */
export const setHeadlineForecast = tenantMutation({
  schema: ZHeadlineForecastInput,
  permission: "organization.update",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const { organizationId } = ctx;
      const before = await tx.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { headlineForecast: true },
      });
      await tx.organization.update({
        where: { id: organizationId },
        data: { headlineForecast: input.headlineForecast },
      });
      await recordAudit(tx, {
        organizationId,
        actor: ctx.actor,
        action: "organization.headlineForecast",
        entityType: "Organization",
        entityId: organizationId,
        before,
        after: input,
      });
      return { headlineForecast: input.headlineForecast };
    }),
});
