"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TFormState } from "@/lib/action-result";

type TAction = (prev: TFormState<unknown>, formData: FormData) => Promise<TFormState<unknown>>;

/**
 * A settings list row for a named record that can be renamed and archived (or removed) and
 * restored: departments and contribution categories. `idField` is the hidden input the actions read.
 */
export function RenameArchiveRow(props: {
  ariaLabel: string;
  idField: string;
  id: string;
  name: string;
  /** The record's version as loaded, when its rename is version-checked (departments). */
  version?: number;
  label: string;
  hint?: string;
  isArchived: boolean;
  rename: TAction;
  archive: TAction;
  restore: TAction;
  archiveLabel: string;
  archiveTitle: string;
}) {
  const rename = useFormAction(props.rename);
  const archive = useFormAction(props.archive);
  const restore = useFormAction(props.restore);
  const toggle = props.isArchived ? restore : archive;
  return (
    <li className="py-3" aria-label={props.ariaLabel}>
      <div className="space-y-2">
        <FormMessage state={rename.state} />
        {/* The outcome of whichever action led to the row's current state. */}
        {props.isArchived ? <FormMessage state={archive.state} /> : <FormMessage state={restore.state} />}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <form onSubmit={rename.onSubmit} noValidate className="flex min-w-56 flex-1 items-end gap-2">
          <input type="hidden" name={props.idField} value={props.id} />
          {props.version !== undefined && <input type="hidden" name="version" value={props.version} />}
          <div className="flex-1">
            <TextField
              label={props.label}
              hint={props.hint}
              name="name"
              defaultValue={props.name}
              errors={rename.errors?.name}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={rename.isPending}>
            Rename
          </Button>
        </form>
        <form onSubmit={toggle.onSubmit}>
          <input type="hidden" name={props.idField} value={props.id} />
          <Button
            type="submit"
            variant={props.isArchived ? "secondary" : "danger"}
            disabled={toggle.isPending}
            title={props.isArchived ? undefined : props.archiveTitle}
          >
            {props.isArchived ? "Restore" : props.archiveLabel}
          </Button>
        </form>
      </div>
    </li>
  );
}
