"use server";

import { EMAIL_FREQUENCY_OPTIONS } from "@/lib/schemas/notifications";
import { formToObject } from "@/server/action";
import { updateEmailFrequency } from "@/server/notifications/preferences";
import { runTenantAction as run } from "@/server/run-action";

export async function updateEmailFrequencyAction(slug: string, _prev: unknown, formData: FormData) {
  return run(updateEmailFrequency, slug, formToObject(formData), (d) => {
    const label = EMAIL_FREQUENCY_OPTIONS.find((o) => o.value === d.emailFrequency)?.label ?? d.emailFrequency;
    return `Saved: ${label}. This applies to all your organizations.`;
  });
}
