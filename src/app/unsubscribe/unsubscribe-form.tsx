"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type TUnsubscribeState, unsubscribeAction } from "./actions";

export const INVALID_LINK =
  "This unsubscribe link is not valid. Check that you opened all of it, or change your email notifications in settings.";

/** Asks before it stops anything; the answer replaces the question. Works before hydration too. */
export function UnsubscribeForm({ token, email }: { token: string; email: string }) {
  const [state, action, isPending] = useActionState<TUnsubscribeState, FormData>(unsubscribeAction, null);
  if (state?.done)
    return (
      <>
        <h1 className="text-xl font-semibold">Unsubscribed</h1>
        <p role="status" className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          You will get no more email. Change it any time in settings: Email notifications, in the menu under your name.
        </p>
      </>
    );
  return (
    <>
      <h1 className="text-xl font-semibold break-words">Stop Revtrace emails to {email}?</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        You will get no more alerts or digests from any of your organizations. My work still lists what you owe.
      </p>
      <form action={action} className="mt-4 space-y-3">
        {state && !state.done && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {INVALID_LINK}
          </p>
        )}
        <input type="hidden" name="token" value={token} />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Unsubscribing…" : "Stop all email"}
        </Button>
      </form>
    </>
  );
}
