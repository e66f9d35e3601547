import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { NotAllowed } from "@/components/ui/not-allowed";
import { organizationOptions } from "@/lib/organization-options";
import { can } from "@/lib/permissions";
import { listCategories } from "@/server/accountability/category-queries";
import { listDepartments } from "@/server/departments/queries";
import { listMembers, listPendingInvitations } from "@/server/members/queries";
import { getRequestLocale } from "@/server/locale";
import { organizationSettingLocks } from "@/server/organizations/mutations";
import { getOrganization } from "@/server/organizations/queries";
import { getPipelineSettings } from "@/server/pipeline/settings-queries";
import { getTenantContext } from "@/server/tenant-context";
import { CategoriesPanel } from "./_components/categories-panel";
import { DepartmentsPanel } from "./_components/departments-panel";
import { InvitationsPanel } from "./_components/invitations-panel";
import { MembersPanel } from "./_components/members-panel";
import { OrganizationForm } from "./_components/organization-form";
import { PipelinePanel } from "./_components/pipeline-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!can(ctx, "organization.update")) {
    return <NotAllowed role={ctx.role} who="an owner" what="change the organization's settings, departments and members" backHref={`/o/${slug}`} />;
  }
  const canManageDepartments = can(ctx, "departments.manage");
  const canConfigurePipeline = can(ctx, "pipeline.configure");
  const [organization, locks, departments, members, invitations, categories, pipeline] = await Promise.all([
    getOrganization(ctx),
    organizationSettingLocks(ctx.organizationId),
    listDepartments(ctx, { includeArchived: true }),
    listMembers(ctx),
    listPendingInvitations(ctx),
    canManageDepartments ? listCategories(ctx) : Promise.resolve([]),
    canConfigurePipeline ? getPipelineSettings(ctx) : Promise.resolve(null),
  ]);
  // Formatted here, not in the client component: server and browser would format differently.
  const dateFormat = new Intl.DateTimeFormat(await getRequestLocale(), { dateStyle: "medium", timeZone: organization.timeZone });
  const activeDepartments = departments.filter((d) => !d.archivedAt).map((d) => ({ id: d.id, name: d.name, kind: d.kind }));
  return (
    <>
      <PageHeader title="Settings" description="Organization, departments, contribution categories, pipeline, members and invitations" />
      <div className="grid gap-6 lg:grid-cols-2">
        <OrganizationForm slug={slug} organization={organization} options={organizationOptions()} locks={locks} />
        <DepartmentsPanel slug={slug} departments={departments.map((d) => ({ id: d.id, name: d.name, kind: d.kind, isArchived: d.archivedAt !== null, version: d.version }))} />
        {canManageDepartments && (
          <CategoriesPanel
            slug={slug}
            categories={categories.map((c) => ({ id: c.id, kind: c.kind, name: c.name, isArchived: c.archivedAt !== null, contributionCount: c._count.contributions }))}
          />
        )}
        {pipeline && (
          <PipelinePanel
            slug={slug}
            headlineForecast={pipeline.headlineForecast}
            stages={pipeline.stages.map((s) => ({ id: s.id, name: s.name, probabilityBp: s.probabilityBp, outcome: s.outcome, isArchived: s.archivedAt !== null, dealCount: s._count.opportunities }))}
            causes={pipeline.causes.map((c) => ({ id: c.id, name: c.name, isArchived: c.archivedAt !== null, useCount: c._count.causes }))}
          />
        )}
        <MembersPanel
          slug={slug}
          currentUserId={ctx.userId}
          departments={activeDepartments}
          members={members.map((m) => ({ id: m.id, userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, departmentId: m.departmentId, departmentName: m.department?.name ?? null, departmentKind: m.department?.kind ?? null }))}
        />
        <InvitationsPanel
          slug={slug}
          departments={activeDepartments}
          invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, departmentName: i.department?.name ?? null, expiresLabel: dateFormat.format(i.expiresAt) }))}
        />
      </div>
    </>
  );
}
