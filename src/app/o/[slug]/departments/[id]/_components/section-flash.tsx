"use client";

import { useEffect, useState } from "react";
import { FormMessage } from "@/components/ui/field";

const EVENT = "revtrace:scorecard-flash";
type TFlash = { scope: string; message: string };

/**
 * Confirms an action whose own control goes away with its success (a withdrawn contribution's row,
 * a review form once the record is confirmed): the control announces the message to its section's
 * region, which stays. One region per section, so the message shows where the user is looking.
 */
export function announce(scope: string, message: string | undefined) {
  if (message) window.dispatchEvent(new CustomEvent<TFlash>(EVENT, { detail: { scope, message } }));
}

export function SectionFlash({ scope }: { scope: string }) {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const show = (event: Event) => {
      const { detail } = event as CustomEvent<TFlash>;
      if (detail.scope === scope) setMessage(detail.message);
    };
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, [scope]);
  return message ? (
    <div className="mb-3">
      <FormMessage state={{ ok: true, message }} />
    </div>
  ) : null;
}
