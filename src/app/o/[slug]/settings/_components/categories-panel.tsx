"use client";

import { ChevronRight } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import type { DepartmentKind } from "@db/enums";
import { addCategoryAction, archiveCategoryAction, renameCategoryAction, restoreCategoryAction } from "../actions";
import { RenameArchiveRow } from "./rename-archive-row";

export type TCategory = {
  id: string;
  kind: DepartmentKind;
  name: string;
  isArchived: boolean;
  contributionCount: number;
};

function CategoryRow({ slug, category }: { slug: string; category: TCategory }) {
  return (
    <RenameArchiveRow
      ariaLabel={`Category ${category.name}`}
      idField="categoryId"
      id={category.id}
      name={category.name}
      label={`Name${category.isArchived ? " · archived" : ""}`}
      hint={
        category.contributionCount === 1
          ? "used by 1 contribution"
          : `used by ${category.contributionCount} contributions`
      }
      isArchived={category.isArchived}
      rename={renameCategoryAction.bind(null, slug)}
      archive={archiveCategoryAction.bind(null, slug)}
      restore={restoreCategoryAction.bind(null, slug)}
      archiveLabel="Archive"
      archiveTitle="Past contributions keep it; new ones cannot use it"
    />
  );
}

function AddCategoryForm({ slug, kind }: { slug: string; kind: DepartmentKind }) {
  const { state, onSubmit, isPending, errors } = useFormAction(addCategoryAction.bind(null, slug));
  const form = useRef<HTMLFormElement>(null);
  // Added: clear the name for the next one (a failed attempt keeps what was typed).
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      className="space-y-2 border-t border-zinc-100 pt-3 dark:border-zinc-800"
    >
      <FormMessage state={state} />
      <input type="hidden" name="kind" value={kind} />
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <TextField
            label={`New ${DEPARTMENT_KIND_LABELS[kind].toLowerCase()} category`}
            name="name"
            errors={errors?.name ?? errors?.kind}
          />
        </div>
        <Button type="submit" disabled={isPending}>
          Add
        </Button>
      </div>
    </form>
  );
}

/**
 * The categories a department picks from when it logs a contribution, per department kind. Archiving
 * (not deleting) keeps past contributions readable.
 */
export function CategoriesPanel({ slug, categories }: { slug: string; categories: TCategory[] }) {
  const kinds = Object.keys(DEPARTMENT_KIND_LABELS) as DepartmentKind[];
  return (
    <Card
      title="Contribution categories"
      description="What a department can name as the cause when it logs a contribution, per kind of department. Archived categories stay on past contributions but are not offered for new ones."
    >
      <div className="-my-2 divide-y divide-zinc-100 dark:divide-zinc-800">
        {kinds.map((kind) => {
          const ofKind = categories.filter((c) => c.kind === kind);
          const active = ofKind.filter((c) => !c.isArchived).length;
          return (
            <details key={kind} className="group py-2" aria-label={`${DEPARTMENT_KIND_LABELS[kind]} categories`}>
              <summary className="flex cursor-pointer list-none items-center gap-1 py-1 text-sm font-medium [&::-webkit-details-marker]:hidden">
                <ChevronRight aria-hidden className="size-4 text-zinc-500 transition-transform group-open:rotate-90" />
                {DEPARTMENT_KIND_LABELS[kind]}
                <span className="ml-auto text-xs font-normal text-zinc-500">
                  {active} active{ofKind.length > active ? `, ${ofKind.length - active} archived` : ""}
                </span>
              </summary>
              {ofKind.length === 0 ? (
                <p className="py-2 text-sm text-zinc-500">No categories for this kind yet — add the first below.</p>
              ) : (
                <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {ofKind.map((c) => (
                    <CategoryRow key={c.id} slug={slug} category={c} />
                  ))}
                </ul>
              )}
              <AddCategoryForm slug={slug} kind={kind} />
            </details>
          );
        })}
      </div>
    </Card>
  );
}
