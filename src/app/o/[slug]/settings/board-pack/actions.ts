"use server";

import { plural } from "@/lib/format";
import { setBoardPackRecipients } from "@/server/board-pack/recipients";
import { runTenantAction as run } from "@/server/run-action";

export async function setBoardPackRecipientsAction(slug: string, _prev: unknown, formData: FormData) {
  const userIds = formData.getAll("userIds").filter((v): v is string => typeof v === "string");
  return run(setBoardPackRecipients, slug, { userIds }, (d) =>
    d.count === 0
      ? "Saved: nobody receives the board pack by email."
      : `Saved: ${plural(d.count, "member")} will receive the board pack of each closed month.`,
  );
}
