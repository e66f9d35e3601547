"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { signOutEverywhereAction } from "@/app/(auth)/sign-out/actions";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

/** The signed-in person (name and role; initials on a phone), opening onto their session controls. */
export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const [isPending, setPending] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  // The menu sits in the organization's header: its own settings are reached through this organization.
  const { slug } = useParams<{ slug?: string }>();

  // A click elsewhere or Escape closes the menu, as with any menu.
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node))
        details.open = false;
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  async function signOutEverywhere() {
    setPending(true);
    await signOutEverywhereAction();
    await signOut({ callbackUrl: "/sign-in" });
  }

  return (
    <details ref={menu} className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Account: </span>
        <span className="hidden text-zinc-700 sm:inline dark:text-zinc-300" data-testid="current-user">
          {name} <span className="text-zinc-500">· {roleLabel}</span>
        </span>
        {/* On a phone the name does not fit: initials, with the name and role for hover and screen readers.
            The initials are drawn by CSS, so the summary's visible text never contradicts its label
            ("Account: name · role"; axe's label-content-name-mismatch). */}
        <span
          className="inline-flex size-7 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700 before:content-[attr(data-initials)] sm:hidden dark:bg-zinc-700 dark:text-zinc-200"
          title={`${name} · ${roleLabel}`}
          role="img"
          aria-label={`${name} · ${roleLabel}`}
          data-initials={initials(name)}
        />
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-md border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <p className="truncate text-zinc-500" title={email}>
          {email}
        </p>
        {slug && (
          <Link
            href={`/o/${encodeURIComponent(slug)}/settings/notifications`}
            onClick={() => {
              if (menu.current) menu.current.open = false;
            }}
            className="mt-2 block rounded-md px-3 py-1.5 font-medium hover:bg-zinc-50 dark:hover:bg-zinc-800"
          >
            Email notifications
          </Link>
        )}
        <button
          type="button"
          onClick={signOutEverywhere}
          disabled={isPending}
          className="mt-2 w-full rounded-md border border-zinc-300 px-3 py-1.5 text-left font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {isPending ? "Signing out everywhere…" : "Sign out everywhere"}
        </button>
        <p className="mt-1 text-xs text-zinc-500">Ends your sessions in every browser and on every device.</p>
      </div>
    </details>
  );
}
