"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/action-result";
import type { TOption } from "./types";

/**
 * Asked when the server refuses a change for want of a cause: losing a deal, or moving its close
 * date out of the current fiscal quarter. The same change is sent again with the answers.
 */
export function CausePanel({
  dealName,
  message,
  errors,
  lossCauses,
  departments,
  isPending,
  onSubmit,
  onCancel,
}: {
  dealName: string;
  message: string;
  errors: FieldErrors | undefined;
  lossCauses: TOption[];
  departments: TOption[];
  isPending: boolean;
  onSubmit: (cause: { lossCauseId: string; responsibleDepartmentId: string }) => void;
  onCancel: () => void;
}) {
  const [lossCauseId, setLossCauseId] = useState("");
  const [responsibleDepartmentId, setDepartmentId] = useState("");
  const choose = (label: string) => [{ value: "", label }];
  return (
    <div
      role="group"
      aria-label={`Cause for ${dealName}`}
      className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
    >
      <p className="text-sm font-medium text-amber-900 dark:text-amber-100">{message}</p>
      <form
        className="mt-2 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit({ lossCauseId, responsibleDepartmentId });
        }}
      >
        <SelectField
          label="Cause"
          value={lossCauseId}
          onChange={(e) => setLossCauseId(e.target.value)}
          options={[...choose("Choose a cause…"), ...lossCauses]}
          errors={errors?.lossCauseId}
        />
        <SelectField
          label="Responsible department"
          value={responsibleDepartmentId}
          onChange={(e) => setDepartmentId(e.target.value)}
          options={[...choose("Choose a department…"), ...departments]}
          errors={errors?.responsibleDepartmentId}
        />
        <div className="flex gap-2">
          <Button type="submit" disabled={isPending}>
            Save with cause
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
