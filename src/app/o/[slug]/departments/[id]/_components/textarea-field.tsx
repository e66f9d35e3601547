"use client";

import { useId, type TextareaHTMLAttributes } from "react";

/** A labelled textarea with its error beneath it, styled like the kit's TextField. */
export function TextareaField({
  label,
  errors,
  hint,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; errors?: string[]; hint?: string }) {
  const id = useId();
  const hasError = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        aria-invalid={hasError ? true : undefined}
        aria-describedby={hasError ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
        rows={3}
        {...props}
      />
      {hint && !hasError && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors?.[0]}
        </p>
      )}
    </div>
  );
}
