import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "./auth";
import { resolveTenant, type TMemberContext } from "./tenant";

/** For pages: signed out goes to sign-in, a non-member gets the 404 page. Cached per request. */
export const getTenantContext = cache(async (slug: string): Promise<TMemberContext> => {
  const user = await getSessionUser();
  if (!user) {
    // Set by src/proxy.ts; only same-organization paths are trusted as the way back.
    const path = (await headers()).get("x-revtrace-path");
    const back = path?.startsWith(`/o/${slug}`) ? path : `/o/${slug}`;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  const ctx = await resolveTenant(user.id, slug);
  if (!ctx) notFound();
  return ctx;
});
