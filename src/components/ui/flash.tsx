"use client";

import { useEffect, useState } from "react";
import { FormMessage } from "./field";

const EVENT = "revtrace:flash";

/**
 * Confirms an action whose own control disappears with its success (an undone import's row):
 * the control announces the message, and this region, which stays, shows it.
 */
export function announceFlash(message: string) {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));
}

export function FlashRegion() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const show = (event: Event) => setMessage((event as CustomEvent<string>).detail);
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, []);
  return <FormMessage state={message ? { ok: true, message } : null} />;
}
