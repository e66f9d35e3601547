import { db } from "@/server/db";

/** "at 10:42" for an instant, as the conflict messages write it (the organization's zone, same day). */
export function atTime(instant: Date, timeZone = "America/New_York"): string {
  return `at ${new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant)}`;
}

/** When the latest audit event of an organization was written (the time a conflict message names). */
export async function lastAuditAt(organizationId: string): Promise<Date> {
  const event = await db.auditEvent.findFirstOrThrow({ where: { organizationId }, orderBy: { createdAt: "desc" } });
  return event.createdAt;
}

/** Gives a user a recognizable name, as the conflict messages name people. */
export async function rename(userId: string, name: string) {
  await db.user.update({ where: { id: userId }, data: { name } });
}
