import { z } from "zod";
import { SNOOZE_DAYS } from "../inbox/rules";
import { zMultilineText } from "./text";

// Snoozing an item of My work (DESIGN.md "Alerts, jobs and email"): for a number of days, always
// with a reason, which the audit trail keeps.

const zKey = z
  .string({ error: "Item: choose an item of My work." })
  .trim()
  .min(1, "Item: choose an item of My work.")
  .max(300, "Item: that is not an item of My work.");

export const ZSnoozeAlertInput = z.object({
  key: zKey,
  days: z.coerce
    .number({ error: "Snooze for: choose 1, 3, 7 or 14 days." })
    .refine((d) => (SNOOZE_DAYS as readonly number[]).includes(d), "Snooze for: choose 1, 3, 7 or 14 days."),
  reason: zMultilineText({ error: "Reason: say why this can wait." })
    .trim()
    .min(3, "Reason: say why this can wait (at least 3 characters).")
    .max(500, "Reason: keep it under 500 characters."),
});
export type TSnoozeAlertInput = z.infer<typeof ZSnoozeAlertInput>;

export const ZWakeAlertInput = z.object({ key: zKey });
