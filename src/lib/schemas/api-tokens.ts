import { z } from "zod";
import { zText } from "./text";

export const API_SCOPES = ["READ", "REVENUE_WRITE", "PIPELINE_WRITE", "KPIS_WRITE"] as const;
export type TApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<TApiScope, { label: string; grants: string }> = {
  READ: { label: "Read", grants: "dashboard numbers, the gap bridge, scorecards and deals" },
  REVENUE_WRITE: { label: "Write revenue", grants: "push actuals (revenue entries) into open months" },
  PIPELINE_WRITE: { label: "Write pipeline", grants: "create and update deals by their external id" },
  KPIS_WRITE: { label: "Write KPIs", grants: "set KPI values of any department in open months" },
};

export const ZCreateApiTokenInput = z.object({
  name: zText({ error: "Name the token." })
    .trim()
    .min(1, "Name the token, e.g. after the system that will use it.")
    .max(80, "Use at most 80 characters."),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Choose a listed scope." }))
    .min(1, "Choose at least one scope.")
    .transform((s) => [...new Set(s)]),
  /** A calendar day (YYYY-MM-DD): the token stops working at the start of that day, UTC. Empty: no expiry. */
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2027-06-30.")
        .nullable(),
    ),
});
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenInput>;

export const ZRevokeApiTokenInput = z.object({
  tokenId: zText({ error: "Choose a token." }).trim().min(1, "Choose a token.").max(64, "Choose a token."),
});
