"use client";

import type { FormEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { FieldErrors } from "@/lib/action-result";
import type { TCsvTable } from "@/lib/csv/table";
import { SampleTable } from "./sample-table";

/** What the wizard hands to an import's step 2. */
export type TMappingStepProps<M> = {
  table: TCsvTable;
  mapping: M;
  onChange: (mapping: M) => void;
  serverErrors?: FieldErrors;
  isBusy: boolean;
  onSubmit: () => void;
};

type TProps = {
  table: TCsvTable;
  description: string;
  /** Column index → role, marked in the sample. */
  roles: ReadonlyMap<number, string>;
  /** Every required choice made: the check may run. */
  isReady: boolean;
  isBusy: boolean;
  onSubmit: () => void;
  /** The import's own choices (columns, formats). */
  children: ReactNode;
};

/** Step 2's frame: the choices, the file's first rows with the mapped columns marked, and the check. */
export function MappingCard({ table, description, roles, isReady, isBusy, onSubmit, children }: TProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isReady) onSubmit();
  };
  return (
    <Card
      title="2. Map the columns"
      description={`${table.rows.length.toLocaleString("en-US")} rows found. ${description}`}
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {children}
        <SampleTable table={table} roles={roles} />
        <Button type="submit" disabled={!isReady || isBusy}>
          {isBusy ? "Checking…" : "Check the file"}
        </Button>
      </form>
    </Card>
  );
}
