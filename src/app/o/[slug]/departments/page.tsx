import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import { monthKey, monthLabel } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { ratedKpiValues, statusByDepartmentMonth, statusKey } from "@/server/accountability/status";
import { listDepartments } from "@/server/departments/queries";
import { getOrganization } from "@/server/organizations/queries";
import { getTenantContext } from "@/server/tenant-context";
import { RagBadge } from "./_components/rag-badge";
import { now } from "@/server/clock";

export const metadata: Metadata = { title: "Departments" };

export default async function DepartmentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  const organization = await getOrganization(ctx);
  const today = todayIn(organization.timeZone, await now());
  const month = monthKey(today.year, today.month);
  const [departments, rated] = await Promise.all([listDepartments(ctx), ratedKpiValues(ctx.organizationId, [month])]);
  const status = statusByDepartmentMonth(rated);
  return (
    <>
      <PageHeader
        title="Departments"
        description="Every department either purifies or taints the revenue process. Open a department's scorecard for its KPIs, contributions, commitments and narratives."
      />
      <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Department</th>
              <th scope="col" className="px-4 py-2 font-medium">Kind</th>
              <th scope="col" className="px-4 py-2 font-medium whitespace-nowrap">Status, {monthLabel(month)}</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Bound members</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className="px-4 py-2 font-medium">
                  <Link href={`/o/${slug}/departments/${d.id}`} className="text-accent-600 hover:underline dark:text-accent-400">{d.name}</Link>
                </td>
                <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">{DEPARTMENT_KIND_LABELS[d.kind]}</td>
                <td className="px-4 py-2"><RagBadge rag={status.get(statusKey(d.id, month)) ?? null} empty="No KPI values yet" size="sm" /></td>
                <td className="px-4 py-2 text-right">{d._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
