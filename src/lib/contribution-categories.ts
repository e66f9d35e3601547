import type { DepartmentKind } from "@db/enums";

/**
 * The contribution categories every organization starts with, per department kind (DESIGN.md
 * "Contribution"). Organizations add, rename and archive their own from these. The migration
 * 20261127200519_departments_accountability inserts the same list for organizations that existed
 * before categories did; keep the two in step.
 */
export const DEFAULT_CONTRIBUTION_CATEGORIES: Record<DepartmentKind, string[]> = {
  SALES: ["Deals won above plan", "Deals lost", "Deals slipped", "Discounting"],
  MARKETING: ["Sourced pipeline won", "Campaign underdelivered", "Event or launch impact"],
  BILLING: ["Invoice errors / credit notes", "Collections recovered", "Billing delays"],
  ACCOUNTING: ["Revenue recognition timing", "Reconciliation adjustments", "Write-offs"],
  AUDIT: ["Audit findings", "Controls recovered revenue", "Compliance hold"],
  LEGAL: ["Contract review delay", "Contract terms unblocked", "Dispute or litigation"],
  MEDIA_RELATIONS: ["Press coverage", "Press crisis", "Analyst or award mention"],
  CUSTOMER_SERVICE: ["Churn after support failure", "Renewals saved", "Upsell from support"],
  EXECUTIVE: ["Strategic deal", "Pricing decision", "Reorganization impact"],
  OTHER: ["Other impact"],
};

export function defaultCategoryRows(
  organizationId: string,
): { organizationId: string; kind: DepartmentKind; name: string }[] {
  return (Object.entries(DEFAULT_CONTRIBUTION_CATEGORIES) as [DepartmentKind, string[]][]).flatMap(([kind, names]) =>
    names.map((name) => ({ organizationId, kind, name })),
  );
}
