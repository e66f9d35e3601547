import "server-only";
import { landingPath } from "@/lib/inbox/rules";
import { ZAcceptInvitationSignUpInput } from "@/lib/schemas/auth";
import { validationError } from "../action";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, toFailure, type ActionResult } from "../errors";
import { hashToken } from "../members/mutations";
import { emailTaken, isUniqueViolation } from "../organizations/mutations";
import { sendVerificationEmailAfterSignUp } from "../email/verification";
import { hashPassword } from "../passwords";

export type TInvitationState = "valid" | "expired" | "revoked" | "accepted" | "invalid";

function parseToken(token: string): { organizationId: string; tokenHash: string } | null {
  const [organizationId, secret, ...rest] = token.split(".");
  if (!organizationId || !secret || rest.length) return null;
  return { organizationId, tokenHash: hashToken(secret) };
}

function stateOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }): TInvitationState {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= new Date()) return "expired";
  return "valid";
}

/** What the invitation page shows: never more than the organization, role and invited email. */
export async function describeInvitation(token: string) {
  const key = parseToken(token);
  if (!key) return { state: "invalid" as const };
  const invitation = await db.invitation.findUnique({
    where: { organizationId_tokenHash: key },
    select: {
      email: true,
      role: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      organization: { select: { name: true, slug: true } },
      department: { select: { name: true } },
    },
  });
  if (!invitation) return { state: "invalid" as const };
  const hasAccount = (await db.user.count({ where: { email: invitation.email } })) > 0;
  return {
    state: stateOf(invitation),
    email: invitation.email,
    role: invitation.role,
    organization: invitation.organization,
    departmentName: invitation.department?.name ?? null,
    hasAccount,
  };
}

/**
 * The invitation behind `token`, if it can still be accepted by `email`: valid (not accepted, revoked
 * or expired), for that address, and its department (if any) not archived. Throws the reason otherwise.
 */
async function usableInvitation(tx: Tx, token: string, email: string) {
  const key = parseToken(token);
  const invitation = key && (await tx.invitation.findUnique({ where: { organizationId_tokenHash: key } }));
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
  const state = stateOf(invitation);
  if (state !== "valid")
    throw new AppError("CONFLICT", `This invitation has been ${state}. Ask an owner for a new link.`);
  if (invitation.email !== email) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  const { organizationId } = invitation;
  if (invitation.departmentId) {
    const department = await tx.department.findUnique({
      where: { organizationId_id: { organizationId, id: invitation.departmentId } },
      select: { archivedAt: true },
    });
    if (!department || department.archivedAt) {
      throw new AppError(
        "CONFLICT",
        "The department this invitation binds you to has been archived. Ask an owner for a new invitation.",
      );
    }
  }
  return invitation;
}

async function acceptInTx(tx: Tx, token: string, user: { id: string; email: string; emailVerifiedAt: Date | null }) {
  const invitation = await usableInvitation(tx, token, user.email);
  // Only a proven address joins: otherwise anyone could sign up first with an address a colleague
  // is invited with and take the seat.
  if (!user.emailVerifiedAt)
    throw new AppError("FORBIDDEN", `Verify your email address first: we sent a link to ${user.email}.`);
  const { organizationId } = invitation;
  // The conditional update makes a second, concurrent acceptance find nothing to accept.
  const { count } = await tx.invitation.updateMany({
    where: { organizationId, id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date() },
  });
  if (count === 0) throw new AppError("CONFLICT", "This invitation has already been used.");
  const existing = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId: user.id } },
  });
  if (existing) throw new AppError("CONFLICT", "You are already a member of this organization.");
  const membership = await tx.membership.create({
    data: { organizationId, userId: user.id, role: invitation.role, departmentId: invitation.departmentId },
  });
  await recordAudit(tx, {
    organizationId,
    actor: { kind: "member", userId: user.id },
    action: "invitation.accepted",
    entityType: "Membership",
    entityId: membership.id,
    after: membership,
  });
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { slug: true },
  });
  // Where the new member lands: My work for those who answer, the dashboard for the rest.
  return { slug: organization.slug, href: landingPath(organization.slug, invitation.role) };
}

/** An existing, signed-in user joins through the link. */
export async function acceptInvitation(
  userId: string | null,
  token: unknown,
): Promise<ActionResult<{ slug: string; href: string }>> {
  try {
    if (!userId) throw new AppError("UNAUTHENTICATED", "Sign in to accept this invitation.");
    if (typeof token !== "string") throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    return {
      ok: true,
      data: await db.$transaction(async (tx) => {
        const user = await tx.user.findUniqueOrThrow({
          where: { id: userId },
          select: { id: true, email: true, emailVerifiedAt: true },
        });
        return acceptInTx(tx, token, user);
      }),
    };
  } catch (error) {
    return toFailure(error);
  }
}

/**
 * A new person signs up through the link: the account is created for the invited email, unverified,
 * and the verification email is sent; the invitation is accepted only after the address is proven
 * (the verification page leads back to the invitation). Nothing is written for an invitation that
 * could not be accepted.
 */
export async function signUpWithInvitation(
  rawInput: unknown,
  at: Date = new Date(),
): Promise<ActionResult<{ slug: string; href: string; email: string }>> {
  try {
    const parsed = ZAcceptInvitationSignUpInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const { token, name, password } = parsed.data;
    const key = parseToken(token);
    const invitation =
      key && (await db.invitation.findUnique({ where: { organizationId_tokenHash: key }, select: { email: true } }));
    if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    const passwordHash = await hashPassword(password);
    const { user, slug } = await db.$transaction(async (tx) => {
      const usable = await usableInvitation(tx, token, invitation.email);
      const created = await tx.user
        .create({
          data: { email: invitation.email, name, passwordHash },
          select: { id: true, email: true, name: true },
        })
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? emailTaken() : e;
        });
      const organization = await tx.organization.findUniqueOrThrow({
        where: { id: usable.organizationId },
        select: { slug: true },
      });
      return { user: created, slug: organization.slug };
    });
    await sendVerificationEmailAfterSignUp(user, at, { invite: token });
    // Signed in, the new account lands back on the invitation, which asks for the verification first.
    return { ok: true, data: { slug, href: `/invite/${token}`, email: invitation.email } };
  } catch (error) {
    return toFailure(error);
  }
}
