"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import type { TNavItem } from "@/lib/inbox/navigation";

/** A bar under the link that was clicked while its page loads: the click visibly took. */
function PendingHint() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      data-pending={pending || undefined}
      className={cn(
        "pointer-events-none absolute inset-x-1 -bottom-0.5 h-0.5 origin-left bg-accent-600 transition-transform duration-300",
        pending ? "scale-x-100 animate-pulse" : "scale-x-0",
      )}
    />
  );
}

export function NavLinks({ slug, items }: { slug: string; items: TNavItem[] }) {
  const pathname = usePathname();
  const base = `/o/${slug}`;
  return (
    <nav aria-label="Main" className="-mb-px flex flex-wrap sm:gap-x-1">
      {items.map((item) => {
        const isActive = item.href === base ? pathname === base : pathname.startsWith(item.href);
        return (
          <Link
            key={item.label}
            href={item.href}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "relative inline-flex items-center gap-1 border-b-2 px-1 py-2 text-[13px] whitespace-nowrap sm:px-3 sm:text-sm",
              isActive
                ? "border-accent-600 font-medium text-zinc-900 dark:text-zinc-50"
                : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {item.label}
            <PendingHint />
            {item.count !== undefined && item.count > 0 && (
              <span
                data-testid="nav-owed"
                className="rounded-full bg-accent-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums"
              >
                {item.count}
                <span className="sr-only"> owed</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
