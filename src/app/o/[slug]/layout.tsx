import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { UserMenu } from "@/components/shell/user-menu";
import { VerifyEmailBanner } from "@/components/shell/verify-email-banner";
import { resendVerificationAction } from "@/app/verify-email/actions";
import { navigationFor } from "@/lib/inbox/navigation";
import { landingPath } from "@/lib/inbox/rules";
import { ROLE_LABELS } from "@/lib/permissions";
import { getSessionUser } from "@/server/auth";
import { isEmailVerified } from "@/server/email/verification";
import { getMyWork } from "@/server/inbox/queries";
import { listUserOrganizations } from "@/server/organizations/queries";
import type { TMemberContext } from "@/server/tenant";
import { getTenantContext } from "@/server/tenant-context";

async function NavWithCount({ ctx }: { ctx: TMemberContext }) {
  const inbox = await getMyWork(ctx);
  return <NavLinks slug={ctx.slug} items={navigationFor(ctx.slug, ctx, inbox.total)} />;
}

export default async function OrganizationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const [user, organizations, isVerified] = await Promise.all([
    getSessionUser(),
    listUserOrganizations(ctx.userId),
    isEmailVerified(ctx.userId),
  ]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-7xl items-center gap-x-3 px-4 pt-3 sm:gap-x-4 sm:px-6">
          <Link href={landingPath(slug, ctx.role)} className="text-base font-semibold tracking-tight">
            <span className="text-accent-600 dark:text-accent-400">Rev</span>trace
          </Link>
          <OrgSwitcher
            current={slug}
            organizations={organizations.map((o) => ({
              name: o.name,
              href: landingPath(o.slug, o.role),
              slug: o.slug,
            }))}
          />
          <div className="ml-auto flex shrink-0 items-center gap-3 text-sm">
            <UserMenu name={user?.name ?? ""} email={user?.email ?? ""} roleLabel={ROLE_LABELS[ctx.role]} />
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-2 sm:px-4">
          {/* The count streams in: no page waits on My work's queries to show its header. */}
          <Suspense fallback={<NavLinks slug={slug} items={navigationFor(slug, ctx)} />}>
            <NavWithCount ctx={ctx} />
          </Suspense>
        </div>
      </header>
      {user && !isVerified && (
        <VerifyEmailBanner email={user.email} resend={resendVerificationAction.bind(null, null)} />
      )}
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
