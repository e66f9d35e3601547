import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { settingsNavigationFor, settingsPath } from "@/lib/settings-sections";
import { getTenantContext } from "@/server/tenant-context";
import { SettingsNav } from "./_components/settings-nav";
import { SettingsNotAllowed } from "./_components/settings-not-allowed";

/**
 * Settings, one section per page beside (≥1024 px) or below (phones) its own navigation. A role
 * without "organization.update" is told so here, without the sections; each page also checks its
 * own section's permission, since a layout is not re-rendered on navigation between its pages.
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
  if (!can(ctx, "organization.update")) return <SettingsNotAllowed ctx={ctx} />;
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
