import { z } from "zod";

// Who receives the board pack of each closed month (Settings → Board pack, owners).

export const ZBoardPackRecipientsInput = z.object({
  userIds: z
    .array(z.string().trim().min(1, "Recipients: choose members of this organization.").max(100), {
      error: "Recipients: choose members of this organization.",
    })
    .max(500, "Recipients: at most 500 members."),
});
export type TBoardPackRecipientsInput = z.infer<typeof ZBoardPackRecipientsInput>;
