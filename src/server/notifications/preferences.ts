import "server-only";
import { ZUpdateEmailFrequencyInput } from "@/lib/schemas/notifications";
import { tenantMutation } from "../action";
import { db } from "../db";
import { notFound } from "../errors";
import { memberIdOf, type TTenantContext } from "../tenant";

// The person's own email frequency. It is read and changed through an organization (the slug and
// the membership admit the member, so a stranger to the organization gets not-found) but belongs to
// the user: it applies to all their organizations. Not audited: it is no one's business but theirs.

export type TEmailPreferences = { email: string; emailFrequency: "IMMEDIATE" | "DAILY" | "WEEKLY" | "NONE" };

export async function getEmailPreferences(ctx: TTenantContext): Promise<TEmailPreferences> {
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId: memberIdOf(ctx) } },
    select: { user: { select: { email: true, emailFrequency: true } } },
  });
  if (!membership) throw notFound("That member");
  return membership.user;
}

export const updateEmailFrequency = tenantMutation({
  schema: ZUpdateEmailFrequencyInput,
  permission: "profile.update",
  run: async (ctx, input) => {
    const userId = memberIdOf(ctx);
    await db.user.update({ where: { id: userId }, data: { emailFrequency: input.emailFrequency } });
    return { emailFrequency: input.emailFrequency };
  },
});
