import Link from "next/link";
import { ROLE_LABELS } from "@/lib/permissions";
import type { Role } from "@db/enums";

/** Shown to a member whose role may see the organization but not this page. */
export function NotAllowed({ role, what, who, backHref }: { role: Role; what: string; who: string; backHref: string }) {
  return (
    <div
      role="region"
      aria-label="Not allowed"
      className="mx-auto max-w-lg rounded-lg border border-zinc-200 bg-white px-6 py-10 text-center dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Your role here is <strong>{ROLE_LABELS[role]}</strong>. Only {who} can {what}.
      </p>
      <Link
        href={backHref}
        className="mt-6 inline-block text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline"
      >
        Back to the dashboard
      </Link>
    </div>
  );
}
