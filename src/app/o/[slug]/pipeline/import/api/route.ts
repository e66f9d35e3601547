import { revalidatePath } from "next/cache";
import { handleImportPost } from "@/server/imports/respond";
import { commitOpportunityImport, previewOpportunityImport } from "@/server/pipeline/import";

// The CSV import endpoint of deals from a CRM export. POST multipart/form-data: intent =
// "preview" | "commit", file, the column fields of ZOpportunityImportInput, dateFormat, skipBadRows.

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return handleImportPost(request, {
    preview: (userId, input) => previewOpportunityImport(userId, slug, input),
    commit: (userId, input, onProgress) => commitOpportunityImport(userId, slug, input, onProgress),
    onImported: (result) => {
      if (result.outcome === "imported") revalidatePath(`/o/${slug}`, "layout");
    },
  });
}
