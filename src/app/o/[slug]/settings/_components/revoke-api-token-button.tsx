"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, type TDialogHandle } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/field";
import { announceFlash } from "@/components/ui/flash";
import { revokeApiTokenAction } from "../actions";

/**
 * Revoke asks once more, in a dialog: it cannot be undone. On success the token's row loses this
 * button (it shows "Revoked"), so the confirmation goes to the card's flash region.
 */
export function RevokeApiTokenButton({ slug, tokenId, name }: { slug: string; tokenId: string; name: string }) {
  const dialog = useRef<TDialogHandle>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await revokeApiTokenAction(slug, null, formData);
      if (result.ok) {
        dialog.current?.close();
        announceFlash(result.message ?? "Token revoked.");
      } else setError(result.message);
    });
  };
  return (
    <>
      <Button
        type="button"
        variant="danger"
        aria-haspopup="dialog"
        aria-label={`Revoke the token ${name}`}
        onClick={() => dialog.current?.open()}
      >
        Revoke
      </Button>
      <Dialog
        ref={dialog}
        title={`Revoke the token “${name}”?`}
        description="Every call made with it gets 401 from then on. This cannot be undone: to reconnect the system, create a new token."
        className="w-[min(30rem,calc(100vw-2rem))]"
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <input type="hidden" name="tokenId" value={tokenId} />
          {error && <FormMessage state={{ ok: false, message: error }} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} disabled={isPending}>
              Keep it
            </Button>
            <Button type="submit" variant="danger" disabled={isPending}>
              {isPending ? "Revoking…" : "Revoke token"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
