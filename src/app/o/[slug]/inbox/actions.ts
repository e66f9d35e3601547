"use server";

import { formatDay } from "@/lib/format";
import { snoozeAlert, wakeAlert } from "@/server/alerts/snooze";
import { formToObject } from "@/server/action";
import { runTenantAction as run } from "@/server/run-action";

export async function snoozeAlertAction(slug: string, _prev: unknown, formData: FormData) {
  return run(snoozeAlert, slug, formToObject(formData), (d) => `Snoozed until ${formatDay(d.until, "en-US")}.`);
}

export async function wakeAlertAction(slug: string, _prev: unknown, formData: FormData) {
  return run(wakeAlert, slug, formToObject(formData), () => "Back in your work.");
}
