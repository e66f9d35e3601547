"use client";

import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "@/lib/cn";

const controlClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950 aria-invalid:border-red-600";

type TFieldShell = {
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: (ids: { id: string; describedBy?: string }) => ReactNode;
};

function FieldShell({ label, errors, hint, children }: TFieldShell) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, describedBy })}
      {hint && !errors?.length && (
        <p id={hintId} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  errors,
  hint,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {({ id, describedBy }) => (
        <input
          id={id}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={cn(controlClass, className)}
          {...props}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  errors,
  hint,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={cn(controlClass, className)}
          {...props}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  errors,
  hint,
  options,
  className,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  errors?: string[];
  hint?: ReactNode;
  options: { value: string; label: string }[];
}) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={cn(controlClass, className)}
          {...props}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** The form-level outcome of an action: an error (role=alert) or a confirmation. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null | undefined }) {
  if (!state?.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={cn(
        "rounded-md px-3 py-2 text-sm",
        state.ok
          ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
          : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
      )}
    >
      {state.message}
    </p>
  );
}
