import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/card";
import { hasSettingsNavigation, settingsNavigationFor, settingsPath } from "@/lib/settings-sections";
import { getTenantContext } from "@/server/tenant-context";
import { SettingsNav } from "./_components/settings-nav";

/**
 * Settings, one section per page beside (≥1024 px) or below (phones) its own navigation. A role
 * without "organization.update" gets no heading or sections' list: its one section (Email
 * notifications) brings its own heading, and every other page answers Not allowed itself. Each page
 * checks its own section's permission, since a layout is not re-rendered on navigation between its pages.
 */
export default async function SettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!hasSettingsNavigation(ctx)) return children;
  return (
    <>
      <PageHeader title="Settings" />
      <div className="lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:items-start lg:gap-8">
        <SettingsNav base={settingsPath(slug)} items={settingsNavigationFor(slug, ctx)} />
        <div className="mt-6 min-w-0 lg:mt-0">{children}</div>
      </div>
    </>
  );
}
