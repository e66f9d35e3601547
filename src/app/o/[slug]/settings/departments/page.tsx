import type { Metadata } from "next";
import { canOpenSettings } from "@/lib/settings-sections";
import { listDepartments } from "@/server/departments/queries";
import { getTenantContext } from "@/server/tenant-context";
import { DepartmentsPanel } from "../_components/departments-panel";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "Departments · Settings" };

export default async function DepartmentsSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "departments")) return <SettingsNotAllowed ctx={ctx} />;
  const departments = await listDepartments(ctx, { includeArchived: true });
  return (
    <DepartmentsPanel
      slug={slug}
      departments={departments.map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        isArchived: d.archivedAt !== null,
        version: d.version,
      }))}
    />
  );
}
