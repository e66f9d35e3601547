// How the audit trail reads to a person (Settings → Activity): who acted, what they did, to what.
// Actions are the strings mutations record (`recordAudit`); an action missing here is shown raw
// rather than hidden, so a new mutation is never invisible in the trail, only unpolished.

/** Each recorded action as the sentence the trail shows ("apiToken.created" → "Created API token"). */
export const AUDIT_ACTION_SENTENCES: Readonly<Record<string, string>> = {
  "apiToken.created": "Created API token",
  "apiToken.revoked": "Revoked API token",
  "organization.created": "Created the organization",
  "organization.updated": "Changed the organization's settings",
  "organization.headlineForecast": "Changed the headline forecast",
  "invitation.created": "Invited a person",
  "invitation.revoked": "Revoked an invitation",
  "invitation.accepted": "Accepted an invitation",
  "membership.updated": "Changed a member's role",
  "membership.removed": "Removed a member",
  "department.created": "Added a department",
  "department.renamed": "Renamed a department",
  "department.archived": "Archived a department",
  "department.restored": "Restored a department",
  "department.deleted": "Deleted a department",
  "category.added": "Added a contribution category",
  "category.renamed": "Renamed a contribution category",
  "category.archived": "Archived a contribution category",
  "category.restored": "Restored a contribution category",
  "stage.created": "Added a pipeline stage",
  "stage.updated": "Changed a pipeline stage",
  "stage.archived": "Archived a pipeline stage",
  "stage.restored": "Restored a pipeline stage",
  "lossCause.added": "Added a loss cause",
  "lossCause.renamed": "Renamed a loss cause",
  "lossCause.archived": "Archived a loss cause",
  "lossCause.restored": "Restored a loss cause",
  "revenueTargets.updated": "Changed revenue targets",
  "revenueEntry.created": "Added an actual",
  "revenueEntry.deleted": "Deleted an actual",
  "revenue.imported": "Imported actuals",
  "revenue.importUndone": "Undid an import of actuals",
  "revenue.importReplaced": "Replaced an import of actuals",
  "revenue.pushed": "Pushed actuals through the API",
  "period.closed": "Closed a month",
  "period.reopened": "Reopened a month",
  "kpi.created": "Added a KPI",
  "kpi.updated": "Changed a KPI",
  "kpi.archived": "Archived a KPI",
  "kpi.restored": "Restored a KPI",
  "kpiValue.set": "Entered a KPI value",
  "kpiValue.cleared": "Cleared a KPI value",
  "kpiValues.imported": "Imported KPI values",
  "kpiValues.importUndone": "Undid an import of KPI values",
  "narrative.saved": "Wrote a month's narrative",
  "narrative.reviewed": "Reviewed a month's narrative",
  "contribution.logged": "Logged a contribution",
  "contribution.revised": "Revised a contribution",
  "contribution.withdrawn": "Withdrew a contribution",
  "contribution.confirmed": "Confirmed a contribution",
  "contribution.disputed": "Disputed a contribution",
  "commitment.created": "Made a commitment",
  "commitment.done": "Marked a commitment done",
  "commitment.missed": "Marked a commitment missed",
  "commitment.reopened": "Reopened a commitment",
  "opportunity.created": "Added a deal",
  "opportunity.updated": "Changed a deal",
  "opportunity.lost": "Charged a lost deal to a department",
  "opportunity.slipped": "Charged a slipped deal to a department",
  "opportunity.lossWithdrawn": "Withdrew a deal's loss charge",
  "opportunities.imported": "Imported deals",
  "opportunities.importUndone": "Undid an import of deals",
  "cause.disputed": "Disputed a lost or slipped deal's charge",
  "cause.upheld": "Upheld a disputed charge",
  "cause.overturned": "Overturned a disputed charge",
  "pipeline.snapshot": "Took a pipeline snapshot",
  "pipeline.snapshot.weekly": "Took the weekly pipeline snapshot",
  "boardPack.recipients": "Chose who receives the board pack",
  "alerts.evaluated": "Evaluated alerts: opened and cleared what is owed",
  "alert.snoozed": "Snoozed an item of My work",
  "alert.woken": "Woke a snoozed item of My work",
};

/** The sentence for `action`, or the action itself when it has none yet. */
export function describeAuditAction(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_SENTENCES, action) ? (AUDIT_ACTION_SENTENCES[action] as string) : action;
}

/** Record types as the trail names them; an unknown type is shown as recorded. */
const ENTITY_LABELS: Readonly<Record<string, string>> = {
  ApiToken: "API token",
  Organization: "Organization",
  Invitation: "Invitation",
  Membership: "Member",
  Department: "Department",
  ContributionCategory: "Contribution category",
  PipelineStage: "Pipeline stage",
  LossCause: "Loss cause",
  RevenueTarget: "Revenue targets",
  RevenueEntry: "Actual",
  ImportBatch: "Import",
  PeriodClose: "Month",
  Kpi: "KPI",
  KpiValue: "KPI value",
  Narrative: "Narrative",
  Contribution: "Contribution",
  Commitment: "Commitment",
  Opportunity: "Deal",
  OpportunityCause: "Deal charge",
  PipelineSnapshot: "Pipeline snapshot",
  Alert: "Alerts",
};

/** "API token “Billing sync”", "Department", or the raw type when unknown. */
export function describeAuditEntity(entityType: string, name: string | null): string {
  const label = Object.hasOwn(ENTITY_LABELS, entityType) ? (ENTITY_LABELS[entityType] as string) : entityType;
  return name ? `${label} “${name}”` : label;
}

/** Whoever acted, as stored: a member (null name once the user is deleted), an API token, a job. */
export type TAuditActor =
  | { kind: "member"; name: string | null }
  | { kind: "token"; name: string | null }
  | { kind: "system"; job: string | null };

/** "Dana Chen", "API token “Billing sync”", "System · weekly-snapshot", "A removed member". */
export function describeActor(actor: TAuditActor): string {
  switch (actor.kind) {
    case "member":
      return actor.name ?? "A removed member";
    case "token":
      return actor.name ? `API token “${actor.name}”` : "An API token";
    case "system":
      return actor.job ? `System · ${actor.job}` : "System";
  }
}
