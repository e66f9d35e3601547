import type { Metadata } from "next";
import { canOpenSettings } from "@/lib/settings-sections";
import { listDepartments } from "@/server/departments/queries";
import { getRequestLocale } from "@/server/locale";
import { listPendingInvitations } from "@/server/members/queries";
import { getOrganization } from "@/server/organizations/queries";
import { getTenantContext } from "@/server/tenant-context";
import { InvitationsPanel } from "../_components/invitations-panel";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "Invitations · Settings" };

export default async function InvitationsSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "invitations")) return <SettingsNotAllowed ctx={ctx} />;
  const [organization, invitations, departments] = await Promise.all([
    getOrganization(ctx),
    listPendingInvitations(ctx),
    listDepartments(ctx),
  ]);
  // Formatted here, not in the client component: server and browser would format differently.
  const dateFormat = new Intl.DateTimeFormat(await getRequestLocale(), {
    dateStyle: "medium",
    timeZone: organization.timeZone,
  });
  return (
    <InvitationsPanel
      slug={slug}
      departments={departments.map((d) => ({ id: d.id, name: d.name, kind: d.kind }))}
      invitations={invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        departmentName: i.department?.name ?? null,
        expiresLabel: dateFormat.format(i.expiresAt),
      }))}
    />
  );
}
