"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";

/**
 * "Include claimed contributions": a real checkbox whose state is the URL (?claimed=1), so the view
 * can be shared. The hrefs come from the server and keep the chosen period.
 */
export function ClaimedToggle({ checked, onHref, offHref }: { checked: boolean; onHref: string; offHref: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [optimistic, setOptimistic] = useOptimistic(checked);
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="size-4 accent-accent-600"
        checked={optimistic}
        onChange={(e) => {
          const next = e.target.checked;
          startTransition(() => {
            setOptimistic(next);
            router.push(next ? onHref : offHref, { scroll: false });
          });
        }}
      />
      Include claimed contributions
      {isPending && <span className="text-xs text-zinc-500">Updating…</span>}
    </label>
  );
}
