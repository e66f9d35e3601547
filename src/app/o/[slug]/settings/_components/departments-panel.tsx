"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import type { DepartmentKind } from "@db/enums";
import {
  createDepartmentAction,
  removeDepartmentAction,
  renameDepartmentAction,
  restoreDepartmentAction,
} from "../actions";
import { RenameArchiveRow } from "./rename-archive-row";

type TDepartment = { id: string; name: string; kind: DepartmentKind; isArchived: boolean; version: number };

function DepartmentRow({ slug, department }: { slug: string; department: TDepartment }) {
  return (
    <RenameArchiveRow
      ariaLabel={`Department ${department.name}`}
      idField="departmentId"
      id={department.id}
      name={department.name}
      version={department.version}
      label={`Name · ${DEPARTMENT_KIND_LABELS[department.kind]}${department.isArchived ? " · archived" : ""}`}
      isArchived={department.isArchived}
      rename={renameDepartmentAction.bind(null, slug)}
      archive={removeDepartmentAction.bind(null, slug)}
      restore={restoreDepartmentAction.bind(null, slug)}
      archiveLabel="Remove"
      archiveTitle="Deleted if it has no records, archived otherwise"
    />
  );
}

function AddDepartmentForm({ slug }: { slug: string }) {
  const { state, onSubmit, isPending, errors } = useFormAction(createDepartmentAction.bind(null, slug));
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">Add a department</h3>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <TextField label="Name" name="name" errors={errors?.name} />
        <SelectField
          label="Kind"
          name="kind"
          defaultValue="OTHER"
          errors={errors?.kind}
          options={(Object.keys(DEPARTMENT_KIND_LABELS) as DepartmentKind[]).map((k) => ({
            value: k,
            label: DEPARTMENT_KIND_LABELS[k],
          }))}
        />
        <Button type="submit" disabled={isPending}>
          Add
        </Button>
      </div>
    </form>
  );
}

export function DepartmentsPanel({ slug, departments }: { slug: string; departments: TDepartment[] }) {
  return (
    <Card
      title="Departments"
      description="A department with records is archived rather than deleted, so its history stays intact."
    >
      <ul className="-my-3 divide-y divide-zinc-100 dark:divide-zinc-800">
        {departments.map((d) => (
          <DepartmentRow key={d.id} slug={slug} department={d} />
        ))}
      </ul>
      <AddDepartmentForm slug={slug} />
    </Card>
  );
}
