"use client";

import { useEffect, useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { MONTH_NAMES } from "@/lib/schemas/organization";
import type { FieldErrors } from "@/lib/action-result";
import type { TOrganizationLocks, TOrganizationOptions } from "@/lib/organization-options";

export type TOrganizationDefaults = {
  name?: string;
  currency?: string;
  fiscalYearStartMonth?: number;
  timeZone?: string;
};

/** A locked select still submits its value (disabled fields are not sent), and says why it is locked. */
const Locked = ({ name, value, reason }: { name: string; value: string; reason: string | undefined }) =>
  reason ? <input type="hidden" name={name} value={value} /> : null;

/**
 * Name, currency, fiscal year start and time zone, shared by sign-up, "new organization" and
 * settings. Inputs are named `${prefix}name` etc.; errors are read from the same keys.
 */
export function OrganizationFields({
  prefix = "",
  errors,
  defaults = {},
  options,
  validation,
  locks = {},
}: {
  prefix?: string;
  errors?: FieldErrors;
  defaults?: TOrganizationDefaults;
  options: TOrganizationOptions;
  validation?: {
    onBlur: (e: React.FocusEvent<HTMLInputElement>) => void;
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => void;
  };
  locks?: TOrganizationLocks;
}) {
  const { currencies, timeZones } = options;
  const [timeZone, setTimeZone] = useState(defaults.timeZone ?? "UTC");
  // A new organization starts in the browser's zone; known only after hydration.
  useEffect(() => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!defaults.timeZone && timeZones.includes(browserZone)) setTimeZone(browserZone);
  }, [defaults.timeZone, timeZones]);
  return (
    <>
      <TextField
        label="Organization name"
        name={`${prefix}name`}
        defaultValue={defaults.name}
        errors={errors?.[`${prefix}name`]}
        onBlur={validation?.onBlur}
        onChange={validation?.onChange}
        autoComplete="organization"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Currency"
          name={`${prefix}currency`}
          defaultValue={defaults.currency ?? "USD"}
          errors={errors?.[`${prefix}currency`]}
          options={currencies.map((c) => ({ value: c, label: c }))}
          disabled={locks.currency !== undefined}
          hint={locks.currency}
        />
        <Locked name={`${prefix}currency`} value={defaults.currency ?? "USD"} reason={locks.currency} />
        <SelectField
          label="Fiscal year starts in"
          name={`${prefix}fiscalYearStartMonth`}
          defaultValue={String(defaults.fiscalYearStartMonth ?? 1)}
          errors={errors?.[`${prefix}fiscalYearStartMonth`]}
          options={MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m }))}
          disabled={locks.fiscalYearStartMonth !== undefined}
          hint={locks.fiscalYearStartMonth}
        />
        <Locked
          name={`${prefix}fiscalYearStartMonth`}
          value={String(defaults.fiscalYearStartMonth ?? 1)}
          reason={locks.fiscalYearStartMonth}
        />
      </div>
      <SelectField
        label="Time zone"
        name={`${prefix}timeZone`}
        value={timeZone}
        onChange={(e) => setTimeZone(e.target.value)}
        errors={errors?.[`${prefix}timeZone`]}
        hint={locks.timeZone ?? "Months and revenue dates are read in this zone."}
        options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
        disabled={locks.timeZone !== undefined}
      />
      <Locked name={`${prefix}timeZone`} value={timeZone} reason={locks.timeZone} />
    </>
  );
}
