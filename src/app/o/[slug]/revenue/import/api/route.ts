import { revalidatePath } from "next/cache";
import { handleImportPost } from "@/server/imports/respond";
import { commitRevenueImport, previewRevenueImport } from "@/server/revenue/import";

// The CSV import endpoint of actuals. POST multipart/form-data: intent = "preview" | "commit", file,
// dateColumn, amountColumn, referenceColumn, customerColumn, dateFormat, decimalSeparator, skipBadRows.

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return handleImportPost(request, {
    preview: (userId, input) => previewRevenueImport(userId, slug, input),
    commit: (userId, input, onProgress) => commitRevenueImport(userId, slug, input, onProgress),
    onImported: (result) => {
      if (result.outcome === "imported") revalidatePath(`/o/${slug}`, "layout");
    },
  });
}
