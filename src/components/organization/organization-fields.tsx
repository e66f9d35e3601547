"use client";

import { useMemo } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { MONTH_NAMES } from "@/lib/schemas/organization";
import type { FieldErrors } from "@/lib/action-result";

const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "INR", "BRL", "MXN", "SGD", "ZAR"];

export type TOrganizationDefaults = { name?: string; currency?: string; fiscalYearStartMonth?: number; timeZone?: string };

/**
 * Name, currency, fiscal year start and time zone, shared by sign-up, "new organization" and
 * settings. Inputs are named `${prefix}name` etc.; errors are read from the same keys.
 */
export function OrganizationFields({ prefix = "", errors, defaults = {}, onBlur }: { prefix?: string; errors?: FieldErrors; defaults?: TOrganizationDefaults; onBlur?: (name: string, value: string) => void }) {
  const timeZones = useMemo(() => ["UTC", ...Intl.supportedValuesOf("timeZone")], []);
  const currencies = useMemo(() => {
    const all = Intl.supportedValuesOf("currency");
    return [...COMMON_CURRENCIES, ...all.filter((c) => !COMMON_CURRENCIES.includes(c))];
  }, []);
  const guessedZone = typeof window === "undefined" ? "UTC" : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const blur = (e: React.FocusEvent<HTMLInputElement | HTMLSelectElement>) => onBlur?.(e.target.name, e.target.value);
  return (
    <>
      <TextField label="Organization name" name={`${prefix}name`} defaultValue={defaults.name} errors={errors?.[`${prefix}name`]} onBlur={blur} autoComplete="organization" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Currency"
          name={`${prefix}currency`}
          defaultValue={defaults.currency ?? "USD"}
          errors={errors?.[`${prefix}currency`]}
          options={currencies.map((c) => ({ value: c, label: c }))}
        />
        <SelectField
          label="Fiscal year starts in"
          name={`${prefix}fiscalYearStartMonth`}
          defaultValue={String(defaults.fiscalYearStartMonth ?? 1)}
          errors={errors?.[`${prefix}fiscalYearStartMonth`]}
          options={MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m }))}
        />
      </div>
      <SelectField
        label="Time zone"
        name={`${prefix}timeZone`}
        defaultValue={defaults.timeZone ?? guessedZone}
        errors={errors?.[`${prefix}timeZone`]}
        hint="Months and revenue dates are read in this zone."
        options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
        suppressHydrationWarning
      />
    </>
  );
}
