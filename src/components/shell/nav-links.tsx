"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const ITEMS = [
  { href: "", label: "Dashboard" },
  { href: "/revenue", label: "Revenue" },
  { href: "/departments", label: "Departments" },
  { href: "/pipeline", label: "Pipeline" },
  { href: "/settings", label: "Settings" },
] as const;

export function NavLinks({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/o/${slug}`;
  return (
    <nav aria-label="Main" className="-mb-px flex flex-wrap sm:gap-x-1">
      {ITEMS.map((item) => {
        const href = `${base}${item.href}`;
        const isActive = item.href === "" ? pathname === base : pathname.startsWith(href);
        return (
          <Link
            key={item.label}
            href={href}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "border-b-2 px-1 py-2 text-[13px] whitespace-nowrap sm:px-3 sm:text-sm",
              isActive ? "border-accent-600 font-medium text-zinc-900 dark:text-zinc-50" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
