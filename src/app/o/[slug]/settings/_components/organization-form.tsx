"use client";

import { OrganizationFields } from "@/components/organization/organization-fields";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TOrganizationLocks, TOrganizationOptions } from "@/lib/organization-options";
import { updateOrganizationAction } from "../actions";

/** `version`: the settings as loaded; a save from an older copy is refused, naming who changed them. */
type TOrganization = {
  name: string;
  currency: string;
  fiscalYearStartMonth: number;
  timeZone: string;
  onTrackThresholdBp: number;
  atRiskThresholdBp: number;
  version: number;
};

export function OrganizationForm({
  slug,
  organization,
  options,
  locks,
}: {
  slug: string;
  organization: TOrganization;
  options: TOrganizationOptions;
  locks: TOrganizationLocks;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(updateOrganizationAction.bind(null, slug));
  return (
    <Card
      title="Organization"
      description="Months are computed in the organization's time zone; amounts are kept in its currency."
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="version" value={organization.version} />
        <OrganizationFields errors={errors} defaults={organization} options={options} locks={locks} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="On track at (% of target)"
            name="onTrackThresholdPct"
            inputMode="decimal"
            defaultValue={organization.onTrackThresholdBp / 100}
            errors={errors?.onTrackThresholdPct}
          />
          <TextField
            label="At risk at (% of target)"
            name="atRiskThresholdPct"
            inputMode="decimal"
            defaultValue={organization.atRiskThresholdBp / 100}
            errors={errors?.atRiskThresholdPct}
            hint="Below this, the outlook is off track."
          />
        </div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save settings"}
        </Button>
      </form>
    </Card>
  );
}
