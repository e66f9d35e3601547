import "server-only";
import { Prisma } from "@db/client";
import { ZSignUpInput, type TSignUpInput } from "@/lib/schemas/auth";
import { ZOrganizationFields, ZUpdateOrganizationInput } from "@/lib/schemas/organization";
import { tenantMutation, validationError } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, toFailure, type ActionResult } from "../errors";
import { changedFields, lastAuditedChange, listText, staleSave } from "../concurrency";
import type { TOrganizationLocks } from "@/lib/organization-options";
import { sendVerificationEmailAfterSignUp } from "../email/verification";
import { hashPassword } from "../passwords";
import { lockPeriods } from "../periods/open-months";
import { createOrganizationInTx } from "./create";
import type { TTenantContext } from "../tenant";

export const emailTaken = () =>
  new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", {
    email: ["An account with this email already exists. Sign in instead."],
  });

export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Sign-up: a new user and their first organization, written together or not at all; then the
 * verification email (a failure to send is logged and leaves the sign-up done: the user can resend).
 */
export async function signUp(
  rawInput: unknown,
  at: Date = new Date(),
): Promise<ActionResult<{ slug: string; email: string }>> {
  try {
    const parsed = ZSignUpInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const input: TSignUpInput = parsed.data;
    const passwordHash = await hashPassword(input.password);
    const { user, organization } = await db.$transaction(async (tx) => {
      const user = await tx.user
        .create({ data: { email: input.email, name: input.name, passwordHash } })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? emailTaken() : e;
        });
      return { user, organization: await createOrganizationInTx(tx, user.id, input.organization) };
    });
    await sendVerificationEmailAfterSignUp(user, at);
    return { ok: true, data: { slug: organization.slug, email: input.email } };
  } catch (error) {
    return toFailure(error);
  }
}

/** A signed-in user starts another organization. */
export async function createOrganization(
  userId: string | null,
  rawInput: unknown,
): Promise<ActionResult<{ slug: string }>> {
  try {
    const parsed = ZOrganizationFields.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    if (!userId) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const organization = await db.$transaction((tx) => createOrganizationInTx(tx, userId, parsed.data));
    return { ok: true, data: { slug: organization.slug } };
  } catch (error) {
    return toFailure(error);
  }
}

async function hasMoneyRecords(tx: Tx, organizationId: string): Promise<boolean> {
  const where = { organizationId };
  const [targets, entries] = await Promise.all([tx.revenueTarget.count({ where }), tx.revenueEntry.count({ where })]);
  return targets + entries > 0;
}

/**
 * Why the currency, fiscal-year start or time zone can no longer change, per field (absent: it
 * can). Amounts are minor units of the currency, so money fixes the currency; the zone and the
 * fiscal year decide which month — and which closed month — each amount belongs to, so a closed
 * month fixes them.
 */
export async function organizationSettingLocks(ctx: TTenantContext, tx: Tx = db): Promise<TOrganizationLocks> {
  const { organizationId } = ctx;
  const [hasMoney, closedCount] = await Promise.all([
    hasMoneyRecords(tx, organizationId),
    tx.periodClose.count({ where: { organizationId } }),
  ]);
  const closed = `Locked: ${closedCount === 1 ? "a month is" : `${closedCount} months are`} closed, and changing this would move amounts between closed months. Reopen every closed month to change it.`;
  return {
    ...(hasMoney && { currency: "Locked: this organization already has targets or actuals in this currency." }),
    ...(closedCount > 0 && { fiscalYearStartMonth: closed, timeZone: closed }),
  };
}

const SETTINGS_FIELDS = {
  name: "name",
  currency: "currency",
  fiscalYearStartMonth: "fiscal year start",
  timeZone: "time zone",
  onTrackThresholdBp: "on-track threshold",
  atRiskThresholdBp: "at-risk threshold",
};

/** Who changed which settings since the form loaded them, and when. */
async function staleSettings(tx: Tx, ctx: TTenantContext, timeZone: string) {
  const { organizationId } = ctx;
  const change = await lastAuditedChange(tx, ctx, "Organization", organizationId, ["organization.updated"]);
  const fields = changedFields(change, SETTINGS_FIELDS);
  return staleSave(`changed the organization's ${fields.length ? listText(fields) : "settings"}`, change, timeZone);
}

export const updateOrganization = tenantMutation({
  schema: ZUpdateOrganizationInput,
  permission: "organization.update",
  run: (ctx, input) =>
    db.$transaction(async (tx) => {
      const where = { id: ctx.organizationId };
      const before = await tx.organization.findUniqueOrThrow({ where });
      if (input.version !== undefined && input.version !== before.version)
        throw await staleSettings(tx, ctx, before.timeZone);
      if (input.currency !== before.currency && (await hasMoneyRecords(tx, ctx.organizationId))) {
        // Amounts are stored as minor units of the currency: switching USD to JPY would silently
        // multiply every figure by 100. Converting existing money is a migration, not a setting.
        const message = `The currency stays ${before.currency}: this organization already has targets or actuals in it.`;
        throw new AppError("VALIDATION", message, { currency: [message] });
      }
      if (input.timeZone !== before.timeZone || input.fiscalYearStartMonth !== before.fiscalYearStartMonth) {
        // Read under the period lock: no month closes between this check and the update.
        await lockPeriods(tx, ctx, "shared");
        const locks = await organizationSettingLocks(ctx, tx);
        const fieldErrors = {
          ...(input.timeZone !== before.timeZone &&
            locks.timeZone && { timeZone: [`The time zone stays ${before.timeZone}. ${locks.timeZone}`] }),
          ...(input.fiscalYearStartMonth !== before.fiscalYearStartMonth &&
            locks.fiscalYearStartMonth && {
              fiscalYearStartMonth: [`The fiscal year start stays as it is. ${locks.fiscalYearStartMonth}`],
            }),
        };
        const first = Object.values(fieldErrors)[0]?.[0];
        if (first) throw new AppError("VALIDATION", first, fieldErrors);
      }
      const data = {
        name: input.name,
        currency: input.currency,
        fiscalYearStartMonth: input.fiscalYearStartMonth,
        timeZone: input.timeZone,
        onTrackThresholdBp: Math.round(input.onTrackThresholdPct * 100),
        atRiskThresholdBp: Math.round(input.atRiskThresholdPct * 100),
      };
      // Guarded by the version read above: a save landing in between makes the count 0.
      const { count } = await tx.organization.updateMany({ where: { ...where, version: before.version }, data });
      if (count !== 1) throw await staleSettings(tx, ctx, before.timeZone);
      const after = await tx.organization.findUniqueOrThrow({ where });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: "organization.updated",
        entityType: "Organization",
        entityId: ctx.organizationId,
        before,
        after,
      });
      return { slug: after.slug };
    }),
});
