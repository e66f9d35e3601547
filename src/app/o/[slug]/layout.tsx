import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ROLE_LABELS } from "@/lib/permissions";
import { getSessionUser } from "@/server/auth";
import { listUserOrganizations } from "@/server/organizations/queries";
import { getTenantContext } from "@/server/tenant-context";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const [user, organizations] = await Promise.all([getSessionUser(), listUserOrganizations(ctx.userId)]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 pt-3 sm:px-6">
          <Link href={`/o/${slug}`} className="text-base font-semibold tracking-tight">
            <span className="text-accent-600">Rev</span>trace
          </Link>
          <OrgSwitcher current={slug} organizations={organizations} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-zinc-700 sm:inline dark:text-zinc-300" data-testid="current-user">
              {user?.name} <span className="text-zinc-500">· {ROLE_LABELS[ctx.role]}</span>
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
