import type { Metadata } from "next";
import { organizationOptions } from "@/lib/organization-options";
import { canOpenSettings } from "@/lib/settings-sections";
import { organizationSettingLocks } from "@/server/organizations/mutations";
import { getOrganization } from "@/server/organizations/queries";
import { getTenantContext } from "@/server/tenant-context";
import { OrganizationForm } from "./_components/organization-form";
import { SettingsNotAllowed } from "./_components/settings-not-allowed";

export const metadata: Metadata = { title: "Settings" };

/** Settings' own page: the organization (name, currency, fiscal year, time zone, thresholds). */
export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "")) return <SettingsNotAllowed ctx={ctx} />;
  const [organization, locks] = await Promise.all([getOrganization(ctx), organizationSettingLocks(ctx)]);
  return <OrganizationForm slug={slug} organization={organization} options={organizationOptions()} locks={locks} />;
}
