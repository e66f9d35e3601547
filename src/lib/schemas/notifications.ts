import { z } from "zod";

// How often a person hears about what they owe (DESIGN.md "Alerts, jobs and email"). The setting
// belongs to the person, not to an organization: it applies to all their organizations.

export const EMAIL_FREQUENCIES = ["IMMEDIATE", "DAILY", "WEEKLY", "NONE"] as const;
export type TEmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

export const EMAIL_FREQUENCY_OPTIONS: readonly { value: TEmailFrequency; label: string; hint: string }[] = [
  { value: "IMMEDIATE", label: "Immediate", hint: "As soon as something new is owed, at most every 15 minutes." },
  { value: "DAILY", label: "Daily digest", hint: "Each morning at 07:00 in the organization's time zone." },
  { value: "WEEKLY", label: "Weekly digest", hint: "Mondays at 07:00 in the organization's time zone." },
  { value: "NONE", label: "None", hint: "No email. My work still lists everything you owe." },
];

export const ZUpdateEmailFrequencyInput = z.object({
  emailFrequency: z.enum(EMAIL_FREQUENCIES, {
    error: "Email frequency: choose Immediate, Daily digest, Weekly digest or None.",
  }),
});
export type TUpdateEmailFrequencyInput = z.infer<typeof ZUpdateEmailFrequencyInput>;
