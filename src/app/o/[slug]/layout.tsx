import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ROLE_LABELS } from "@/lib/permissions";
import { getSessionUser } from "@/server/auth";
import { listUserOrganizations } from "@/server/organizations/queries";
import { getTenantContext } from "@/server/tenant-context";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const [user, organizations] = await Promise.all([getSessionUser(), listUserOrganizations(ctx.userId)]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl items-center gap-x-3 px-4 pt-3 sm:gap-x-4 sm:px-6">
          <Link href={`/o/${slug}`} className="text-base font-semibold tracking-tight">
            <span className="text-accent-600 dark:text-accent-400">Rev</span>trace
          </Link>
          <OrgSwitcher current={slug} organizations={organizations} />
          <div className="ml-auto flex shrink-0 items-center gap-3 text-sm">
            <span className="hidden text-zinc-700 sm:inline dark:text-zinc-300" data-testid="current-user">
              {user?.name} <span className="text-zinc-500">· {ROLE_LABELS[ctx.role]}</span>
            </span>
            {/* On a phone the name does not fit: initials, with the name and role for hover and screen readers. */}
            <span
              className="inline-flex size-7 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700 sm:hidden dark:bg-zinc-700 dark:text-zinc-200"
              title={`${user?.name ?? ""} · ${ROLE_LABELS[ctx.role]}`}
              role="img"
              aria-label={`${user?.name ?? ""} · ${ROLE_LABELS[ctx.role]}`}
            >
              {initials(user?.name ?? "?")}
            </span>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-2 sm:px-4">
          <NavLinks slug={slug} />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
