import type { Metadata } from "next";
import { canOpenSettings } from "@/lib/settings-sections";
import { listDepartments } from "@/server/departments/queries";
import { listMembers } from "@/server/members/queries";
import { getTenantContext } from "@/server/tenant-context";
import { MembersPanel } from "../_components/members-panel";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "Members · Settings" };

export default async function MembersSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "members")) return <SettingsNotAllowed ctx={ctx} />;
  const [members, departments] = await Promise.all([listMembers(ctx), listDepartments(ctx)]);
  return (
    <MembersPanel
      slug={slug}
      currentUserId={ctx.userId}
      departments={departments.map((d) => ({ id: d.id, name: d.name, kind: d.kind }))}
      members={members.map((m) => ({
        id: m.id,
        userId: m.user.id,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        departmentId: m.departmentId,
        departmentName: m.department?.name ?? null,
        departmentKind: m.department?.kind ?? null,
      }))}
    />
  );
}
