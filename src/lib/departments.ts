import type { DepartmentKind } from "@db/enums";

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  SALES: "Sales",
  MARKETING: "Marketing",
  BILLING: "Billing",
  ACCOUNTING: "Accounting",
  AUDIT: "Audit",
  LEGAL: "Legal",
  MEDIA_RELATIONS: "Media relations",
  CUSTOMER_SERVICE: "Customer service",
  EXECUTIVE: "Executive",
  OTHER: "Other",
};

/** A new organization starts with one department of each kind but OTHER (DESIGN.md). */
export const DEFAULT_DEPARTMENTS: { name: string; kind: DepartmentKind }[] = (
  Object.keys(DEPARTMENT_KIND_LABELS) as DepartmentKind[]
)
  .filter((kind) => kind !== "OTHER")
  .map((kind) => ({ name: DEPARTMENT_KIND_LABELS[kind], kind }));
