"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { verifyEmailAction } from "./actions";

const LINK_CLASS = "font-medium text-accent-600 dark:text-accent-400 hover:underline";

/** Where to go once the address is verified: back to the invitation that led here, or into the app. */
export function VerifiedNextSteps({ invite }: { invite: string | null }) {
  return (
    <p className="mt-4 text-sm">
      {invite ? (
        <Link href={`/invite/${invite}`} className={LINK_CLASS}>
          Accept the invitation →
        </Link>
      ) : (
        <Link href="/" className={LINK_CLASS}>
          Continue to Revtrace →
        </Link>
      )}
    </p>
  );
}

/** The one button that verifies: a POST (a server action), never the GET of the emailed link. */
export function VerifyForm({ token, invite }: { token: string; invite: string | null }) {
  const [state, setState] = useState<{ ok: boolean; message?: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const verify = () =>
    startTransition(async () => {
      const result = await verifyEmailAction(token);
      setState(result.ok ? { ok: true, message: `${result.data.email} is verified.` } : result);
    });
  if (state?.ok) {
    return (
      <div className="mt-4">
        <FormMessage state={state} />
        <VerifiedNextSteps invite={invite} />
      </div>
    );
  }
  return (
    <div className="mt-4 space-y-3">
      <FormMessage state={state} />
      <Button type="button" onClick={verify} disabled={isPending} className="w-full">
        {isPending ? "Verifying…" : "Verify my address"}
      </Button>
    </div>
  );
}
