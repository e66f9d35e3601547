import { revalidatePath } from "next/cache";
import { commitKpiImport, previewKpiImport } from "@/server/accountability/kpi-import";
import { handleImportPost } from "@/server/imports/respond";

// The CSV import endpoint of a department's KPI values. POST multipart/form-data: intent =
// "preview" | "commit", file, kpiColumn, monthColumn, valueColumn, monthFormat, skipBadRows. The
// department is the one in the URL; the mutation checks that it is this organization's and that
// the user may write it.

export async function POST(
  request: Request,
  { params }: { params: Promise<{ slug: string; id: string }> },
): Promise<Response> {
  const { slug, id } = await params;
  return handleImportPost(request, {
    preview: (userId, input) => previewKpiImport(userId, slug, { ...input, departmentId: id }),
    commit: (userId, input, onProgress) => commitKpiImport(userId, slug, { ...input, departmentId: id }, onProgress),
    onImported: (result) => {
      if (result.outcome === "imported") revalidatePath(`/o/${slug}`, "layout");
    },
  });
}
