import "server-only";
import type { Tx } from "./db";
import type { TActor } from "./tenant";

export type TAuditInput = {
  organizationId: string;
  /** Who acted: the context's actor (a member, an API token, a job). */
  actor: TActor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// JSON has no BigInt or Date: money becomes its decimal string of minor units, dates ISO strings.
function toJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}

function actorColumns(actor: TActor) {
  switch (actor.kind) {
    case "member":
      return { actorKind: "MEMBER" as const, actorId: actor.userId };
    case "token":
      return { actorKind: "TOKEN" as const, apiTokenId: actor.tokenId };
    case "system":
      return { actorKind: "SYSTEM" as const, systemJob: actor.job };
  }
}

/** Appends an audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, event: TAuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: event.organizationId,
      ...actorColumns(event.actor),
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: toJson(event.before) ?? undefined,
      after: toJson(event.after) ?? undefined,
    },
  });
}
