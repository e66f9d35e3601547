import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import { listDepartments } from "@/server/departments/queries";
import { getTenantContext } from "@/server/tenant-context";

export const metadata: Metadata = { title: "Departments" };

export default async function DepartmentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const ctx = await getTenantContext((await params).slug);
  const departments = await listDepartments(ctx);
  return (
    <>
      <PageHeader title="Departments" description="Every department either purifies or taints the revenue process. Scorecards arrive with KPIs and contributions." />
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800">
            <tr>
              <th className="px-4 py-2 font-medium">Department</th>
              <th className="px-4 py-2 font-medium">Kind</th>
              <th className="px-4 py-2 text-right font-medium">Bound members</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-4 py-2 font-medium">{d.name}</td>
                <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">{DEPARTMENT_KIND_LABELS[d.kind]}</td>
                <td className="px-4 py-2 text-right">{d._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
