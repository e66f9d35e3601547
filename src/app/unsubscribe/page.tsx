import type { Metadata } from "next";
import { now } from "@/server/clock";
import { readUnsubscribeToken } from "@/server/notifications/unsubscribe";
import { INVALID_LINK, UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe" };

/**
 * The page an email's unsubscribe link opens, signed in or not. Opening it changes nothing (mail
 * scanners open links): the button does. A forged or altered link is refused.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const target = await readUnsubscribeToken(token, await now());
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-start justify-center px-4 py-16 sm:items-center">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {target.ok ? (
          <UnsubscribeForm token={typeof token === "string" ? token : ""} email={target.email} />
        ) : (
          <>
            <h1 className="text-xl font-semibold">Link not valid</h1>
            <p role="alert" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              {INVALID_LINK}
            </p>
          </>
        )}
      </div>
    </main>
  );
}
