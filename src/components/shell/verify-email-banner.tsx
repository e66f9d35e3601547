"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

type TResend = () => Promise<ActionResult<{ email: string }>>;

/** "Send a new link": asks the server for a fresh verification email and says what happened. */
export function ResendLinkButton({ resend }: { resend: TResend }) {
  const [state, setState] = useState<{ ok: boolean; message?: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const result = await resend();
      setState(
        result.ok ? { ok: true, message: result.message ?? `We sent a new link to ${result.data.email}.` } : result,
      );
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" onClick={send} disabled={isPending}>
        {isPending ? "Sending…" : "Send a new link"}
      </Button>
      <FormMessage state={state} />
    </div>
  );
}

/** The org shell's notice for a signed-in user whose address is not verified yet. */
export function VerifyEmailBanner({ email, resend }: { email: string; resend: TResend }) {
  return (
    <section
      aria-label="Email verification"
      className="border-b border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm sm:px-6">
        <p className="min-w-0 break-words">
          <strong className="font-semibold">Verify your address:</strong> we sent a link to {email}.
        </p>
        <ResendLinkButton resend={resend} />
      </div>
    </section>
  );
}
