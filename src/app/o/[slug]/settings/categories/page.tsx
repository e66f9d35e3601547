import type { Metadata } from "next";
import { canOpenSettings } from "@/lib/settings-sections";
import { listCategories } from "@/server/accountability/category-queries";
import { getTenantContext } from "@/server/tenant-context";
import { CategoriesPanel } from "../_components/categories-panel";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "Contribution categories · Settings" };

export default async function CategoriesSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "categories")) return <SettingsNotAllowed ctx={ctx} />;
  const categories = await listCategories(ctx);
  return (
    <CategoriesPanel
      slug={slug}
      categories={categories.map((c) => ({
        id: c.id,
        kind: c.kind,
        name: c.name,
        isArchived: c.archivedAt !== null,
        contributionCount: c._count.contributions,
      }))}
    />
  );
}
