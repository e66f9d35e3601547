"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import type { TSettingsNavItem } from "@/lib/settings-sections";

/**
 * Settings' own navigation: a side list beside the section at ≥1024 px, a wrapping row of links
 * above it on a phone (every section stays in sight; nothing scrolls sideways).
 */
export function SettingsNav({ items, base }: { items: TSettingsNavItem[]; base: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections">
      <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-1">
        {items.map((item) => {
          // The organization is the settings' own page: active only there, not under every section.
          const isActive =
            item.href === base ? pathname === base : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "block rounded-full border px-3 py-1.5 text-sm whitespace-nowrap lg:rounded-none lg:rounded-r-md lg:border-y-0 lg:border-r-0 lg:border-l-2 lg:py-2",
                  isActive
                    ? "border-accent-600 bg-accent-50 font-medium text-accent-700 dark:border-accent-400 dark:bg-zinc-800 dark:text-zinc-50"
                    : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 lg:border-transparent dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
