import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "./auth";
import { resolveTenant, type TTenantContext } from "./tenant";

/** For pages: signed out goes to sign-in, a non-member gets the 404 page. Cached per request. */
export const getTenantContext = cache(async (slug: string): Promise<TTenantContext> => {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${slug}`)}`);
  const ctx = await resolveTenant(user.id, slug);
  if (!ctx) notFound();
  return ctx;
});
