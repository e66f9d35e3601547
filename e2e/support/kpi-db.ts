// Run by the KPI journeys (tsx --conditions=react-server, against the e2e server's database) for what
// the browser cannot do yet or should not be trusted to report:
//   create <json>   the owner creates KPIs in a department through the real createKpi mutation;
//                   prints { departmentId, ids: { name: id } }
//   values <json>   prints the stored values of the named KPIs: [name, month, value, batch?]
// The JSON argument names the organization's slug, the owner's email and the department's name.
import { createKpi } from "@/server/accountability/kpis";
import { db } from "@/server/db";

type TArgs = {
  slug: string;
  owner: string;
  department: string;
  kpis: { name: string; unit: string; direction: string; target: string }[];
};

const [command, json] = process.argv.slice(2);
const args = JSON.parse(json ?? "{}") as TArgs;

const department = await db.department.findFirstOrThrow({
  where: { name: args.department, organization: { slug: args.slug } },
  select: { id: true, organizationId: true },
});

if (command === "create") {
  const owner = await db.user.findUniqueOrThrow({ where: { email: args.owner }, select: { id: true } });
  const ids: Record<string, string> = {};
  for (const kpi of args.kpis) {
    const result = await createKpi(owner.id, args.slug, { departmentId: department.id, ...kpi });
    if (!result.ok) throw new Error(`createKpi ${kpi.name}: ${result.message}`);
    ids[kpi.name] = result.data.kpiId;
  }
  console.log(JSON.stringify({ departmentId: department.id, ids }));
} else if (command === "values") {
  const values = await db.kpiValue.findMany({
    where: {
      organizationId: department.organizationId,
      kpi: { departmentId: department.id, name: { in: args.kpis.map((k) => k.name) } },
    },
    select: { month: true, valueScaled: true, importBatchId: true, kpi: { select: { name: true } } },
    orderBy: [{ kpi: { name: "asc" } }, { month: "asc" }],
  });
  console.log(
    JSON.stringify(
      values.map((v) => [
        v.kpi.name,
        v.month.toISOString().slice(0, 7),
        v.valueScaled.toString(),
        v.importBatchId !== null,
      ]),
    ),
  );
} else {
  throw new Error(`unknown command ${command}`);
}
await db.$disconnect();
