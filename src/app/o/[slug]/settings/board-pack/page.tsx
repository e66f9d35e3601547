import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/permissions";
import { canOpenSettings } from "@/lib/settings-sections";
import { listBoardPackCandidates } from "@/server/board-pack/recipients";
import { getTenantContext } from "@/server/tenant-context";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";
import { RecipientsForm } from "./recipients-form";

export const metadata: Metadata = { title: "Board pack · Settings" };

/** Owners choose who receives the board pack of each month by email when it is closed. */
export default async function BoardPackSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "board-pack")) return <SettingsNotAllowed ctx={ctx} />;
  const candidates = await listBoardPackCandidates(ctx);
  const members = candidates.map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: ROLE_LABELS[m.role],
    chosen: m.chosen,
    canReceive:
      m.blocked === "unverified"
        ? "Has not verified this address yet: nothing is sent until they do."
        : m.blocked === "unsubscribed"
          ? "Unsubscribed from all Revtrace email: nothing is sent."
          : null,
  }));
  return (
    <Card
      title="Board pack"
      description="When finance closes a month, the job runner emails its board pack (PDF: tiles, target versus actual, the gap bridge, the heat map and one page per department) to the members chosen here. Anyone who may see the dashboard can also download a pack from it at any time."
    >
      <RecipientsForm slug={slug} members={members} />
    </Card>
  );
}
