"use client";

import { X } from "lucide-react";
import { useEffect, useId, useImperativeHandle, useRef, type ReactNode, type Ref } from "react";
import { buttonClass } from "./button";
import { cn } from "@/lib/cn";

export type TDialogHandle = { open: () => void; close: () => void };

type TDialogProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** For a trigger that lives elsewhere (a menu item): `ref.current.open()`. */
  ref?: Ref<TDialogHandle>;
  /** Opens on mount when the page's URL fragment is this (a link straight to the form). */
  openOnHash?: string;
  className?: string;
};

/**
 * A modal built on the native <dialog> and showModal(): the browser traps focus in it, makes the
 * page behind it inert, closes it on Escape and gives focus back to what opened it. Its content
 * stays mounted while closed, so a form keeps what was typed and its last message.
 */
export function Dialog({ title, description, children, ref, openOnHash, className }: TDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useImperativeHandle(
    ref,
    () => ({ open: () => dialog.current?.showModal(), close: () => dialog.current?.close() }),
    [],
  );
  useEffect(() => {
    if (openOnHash && window.location.hash === `#${openOnHash}` && !dialog.current?.open) dialog.current?.showModal();
  }, [openOnHash]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse shortcut; the keyboard closes a modal dialog with Escape (native) or its Close button.
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      // A click on the backdrop (the dialog element itself, outside its panel) closes it too.
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
        className,
      )}
    >
      <div className="p-5">
        <div className="mb-4 flex items-start justify-between gap-3">
          <div>
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
          </div>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            aria-label="Close"
            className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <X aria-hidden className="size-5" />
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}

/** A button and the dialog it opens, side by side in the section the dialog writes to. */
export function DialogButton({
  label,
  ariaLabel,
  variant = "secondary",
  icon,
  ...dialog
}: Omit<TDialogProps, "ref"> & {
  label: string;
  ariaLabel?: string;
  variant?: "primary" | "secondary";
  icon?: ReactNode;
}) {
  const handle = useRef<TDialogHandle>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => handle.current?.open()}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        className={buttonClass(variant)}
      >
        {icon}
        {label}
      </button>
      <Dialog ref={handle} {...dialog} />
    </>
  );
}
