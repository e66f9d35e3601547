// The demo organization: one user per role, idempotent (run it as often as you like; it converges
// on the same rows). Later features add their demo data here.
// Run: npm run db:seed (needs DATABASE_URL). The run command calls seedDemo() itself.
import type { PrismaClient } from "@db/client";
import type { DepartmentKind, Role } from "@db/enums";
import { createPrismaClient } from "@/server/db";
import { createOrganizationInTx } from "@/server/organizations/create";
import { hashPassword } from "@/server/passwords";
import { DEPARTMENT_KIND_LABELS } from "@/lib/departments";
import { monthKey } from "@/lib/period";
import { todayIn } from "@/lib/period-selection";
import { seedDemoAccountability } from "./seed-accountability";
import { seedDemoPipeline } from "./seed-pipeline";
import { seedDemoRevenue } from "./seed-revenue";

export const DEMO_SLUG = "acme";
export const DEMO_PASSWORD = "revtrace-demo";

export const DEMO_USERS: { email: string; name: string; role: Role; departmentKind?: DepartmentKind }[] = [
  { email: "ceo@acme.example", name: "Casey Chen", role: "OWNER" },
  { email: "finance@acme.example", name: "Farah Idris", role: "FINANCE" },
  { email: "marketing@acme.example", name: "Marco Rossi", role: "DEPARTMENT_HEAD", departmentKind: "MARKETING" },
  { email: "sales@acme.example", name: "Sam Okafor", role: "SALES_MANAGER", departmentKind: "SALES" },
  { email: "legal@acme.example", name: "Lena Park", role: "DEPARTMENT_HEAD", departmentKind: "LEGAL" },
  { email: "billing@acme.example", name: "Bo Lindqvist", role: "DEPARTMENT_HEAD", departmentKind: "BILLING" },
  { email: "support@acme.example", name: "Sofia Alvarez", role: "DEPARTMENT_HEAD", departmentKind: "CUSTOMER_SERVICE" },
  { email: "board@acme.example", name: "Beatrix Vogel", role: "VIEWER" },
];

export async function seedDemo(db: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = await Promise.all(
    DEMO_USERS.map((u) =>
      db.user.upsert({
        where: { email: u.email },
        // The demo addresses count as verified: nobody can receive mail at acme.example.
        update: { name: u.name, passwordHash, emailVerifiedAt: new Date() },
        create: { email: u.email, name: u.name, passwordHash, emailVerifiedAt: new Date() },
      }),
    ),
  );
  const owner = users[0];
  if (!owner) throw new Error("DEMO_USERS starts with the owner");
  const organization = await db.$transaction(async (tx) => {
    const organization =
      (await tx.organization.findUnique({ where: { slug: DEMO_SLUG } })) ??
      (await createOrganizationInTx(tx, owner.id, {
        name: "Acme Corp",
        currency: "USD",
        fiscalYearStartMonth: 1,
        timeZone: "America/New_York",
      }));
    if (organization.slug !== DEMO_SLUG)
      await tx.organization.update({ where: { id: organization.id }, data: { slug: DEMO_SLUG } });
    const departments = await tx.department.findMany({ where: { organizationId: organization.id } });
    for (const [i, u] of DEMO_USERS.entries()) {
      const user = users[i];
      if (!user) continue;
      const departmentId = u.departmentKind ? (departments.find((d) => d.kind === u.departmentKind)?.id ?? null) : null;
      await tx.membership.upsert({
        where: { organizationId_userId: { organizationId: organization.id, userId: user.id } },
        update: { role: u.role, departmentId },
        create: { organizationId: organization.id, userId: user.id, role: u.role, departmentId },
      });
    }
    return organization;
  });
  const today = todayIn(organization.timeZone);
  const todayMonth = { month: monthKey(today.year, today.month), day: today.day };
  await seedDemoRevenue(db, organization.id, todayMonth, organization.timeZone);
  const heads = Object.fromEntries(
    DEMO_USERS.flatMap((u, i) => (u.departmentKind && users[i] ? [[u.departmentKind, users[i].id]] : [])),
  );
  await seedDemoAccountability(db, organization.id, todayMonth, organization.timeZone, heads);
  await seedDemoPipeline(db, organization, heads);
}

export function printDemoLogins(baseUrl: string): void {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(`\nDemo organization "Acme Corp" at ${baseUrl}/o/${DEMO_SLUG}`);
  console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS)
    console.log(
      `  ${u.email.padEnd(width)}  ${u.role}${u.departmentKind ? ` (${DEPARTMENT_KIND_LABELS[u.departmentKind]})` : ""}`,
    );
  console.log("");
}

// Direct run: `tsx --conditions=react-server prisma/seed.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set.");
    process.exit(2);
  }
  const db = createPrismaClient(url);
  await seedDemo(db);
  await db.$disconnect();
  printDemoLogins(process.env.NEXTAUTH_URL ?? "http://localhost:3000");
}
