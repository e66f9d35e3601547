import "server-only";
import type { z } from "zod";
import type { ZApiDealBody } from "@/lib/schemas/api";
import type { Tx } from "../db";
import { AppError, type FieldErrors } from "../errors";
import { createDealInTx, updateDealInTx } from "../pipeline/opportunities";
import type { TTenantContext } from "../tenant";

type TBody = z.output<typeof ZApiDealBody>;

/** The deal form's field names, as the API calls them: errors name what the caller sent. */
const API_FIELD: Record<string, string> = {
  stageId: "stage",
  ownerId: "ownerEmail",
  expectedCloseDate: "closeDate",
  probability: "probabilityPercent",
  lossCauseId: "lossCause",
  responsibleDepartmentId: "responsibleDepartment",
};

function renameFields(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.fieldErrors) return error;
  const fields: FieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([key, messages]) => [API_FIELD[key] ?? key, messages]),
  );
  return new AppError(error.code, error.message, fields);
}

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** Names → this organization's ids; an unknown name is a field error listing what exists. */
async function resolveNames(tx: Tx, ctx: TTenantContext, body: TBody) {
  const { organizationId } = ctx;
  const [stages, member, causes, departments] = await Promise.all([
    tx.pipelineStage.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { sortOrder: "asc" },
    }),
    tx.membership.findFirst({
      where: { organizationId, user: { email: body.ownerEmail.toLowerCase() } },
      select: { userId: true },
    }),
    body.lossCause
      ? tx.lossCause.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true } })
      : [],
    body.responsibleDepartment
      ? tx.department.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true } })
      : [],
  ]);
  const errors: FieldErrors = {};
  const stage = stages.find((s) => fold(s.name) === fold(body.stage));
  if (!stage) errors.stage = [`Use one of this organization's stages: ${stages.map((s) => s.name).join(", ")}.`];
  if (!member) errors.ownerEmail = ["Use the email of a member of this organization."];
  const cause = body.lossCause ? causes.find((c) => fold(c.name) === fold(body.lossCause ?? "")) : undefined;
  if (body.lossCause && !cause)
    errors.lossCause = [`Use one of this organization's causes: ${causes.map((c) => c.name).join(", ")}.`];
  const department = body.responsibleDepartment
    ? departments.find((d) => fold(d.name) === fold(body.responsibleDepartment ?? ""))
    : undefined;
  if (body.responsibleDepartment && !department)
    errors.responsibleDepartment = [
      `Use one of this organization's departments: ${departments.map((d) => d.name).join(", ")}.`,
    ];
  if (!stage || !member || Object.keys(errors).length)
    throw new AppError("VALIDATION", `Please correct: ${Object.values(errors)[0]?.[0] ?? "the request"}`, errors);
  return {
    stageId: stage.id,
    ownerId: member.userId,
    lossCauseId: cause?.id ?? null,
    responsibleDepartmentId: department?.id ?? null,
  };
}

/**
 * Creates or updates the deal with this external id, through the same code as the deal form: its
 * history row, the cause a loss or a slip out of the quarter needs, the audit event naming the token.
 */
export async function upsertDeal(tx: Tx, ctx: TTenantContext, externalId: string, body: TBody) {
  try {
    const ids = await resolveNames(tx, ctx, body);
    const probability = body.probabilityPercent === undefined ? null : Math.round(body.probabilityPercent * 100);
    const forecastCategory = body.forecastCategory ?? null;
    // Locks the deal (if any) so two upserts of one external id serialize.
    await tx.$queryRaw`SELECT 1 AS locked FROM "Opportunity" WHERE "organizationId" = ${ctx.organizationId} AND "externalId" = ${externalId} FOR UPDATE`;
    const existing = await tx.opportunity.findUnique({
      where: { organizationId_externalId: { organizationId: ctx.organizationId, externalId } },
      select: { id: true },
    });
    if (!existing) {
      const created = await createDealInTx(tx, ctx, {
        name: body.name,
        account: body.account ?? body.name,
        amount: body.amount,
        stageId: ids.stageId,
        probability,
        forecastCategory,
        expectedCloseDate: body.closeDate,
        ownerId: ids.ownerId,
        sourceDepartmentId: null,
        externalId,
        submissionId: null,
      });
      return {
        status: 201,
        body: { id: created.opportunityId, externalId, created: true, changedFields: 0, version: null },
      };
    }
    const updated = await updateDealInTx(tx, ctx, {
      opportunityId: existing.id,
      name: body.name,
      ...(body.account !== undefined && { account: body.account }),
      amount: body.amount,
      stageId: ids.stageId,
      ...(probability !== null && { probability }),
      ...(forecastCategory !== null && { forecastCategory }),
      expectedCloseDate: body.closeDate,
      ownerId: ids.ownerId,
      lossCauseId: ids.lossCauseId,
      responsibleDepartmentId: ids.responsibleDepartmentId,
    });
    return {
      status: 200,
      body: { id: existing.id, externalId, created: false, changedFields: updated.changed, version: updated.version },
    };
  } catch (error) {
    throw renameFields(error);
  }
}
