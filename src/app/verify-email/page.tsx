import type { Metadata } from "next";
import Link from "next/link";
import { ResendLinkButton } from "@/components/shell/verify-email-banner";
import { getSessionUser } from "@/server/auth";
import { now } from "@/server/clock";
import { describeVerificationLink, EXPIRED_LINK, INVALID_LINK, inviteTokenOrNull } from "@/server/email/verification";
import { resendVerificationAction } from "./actions";
import { VerifiedNextSteps, VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Verify your email address" };

const LINK_CLASS = "font-medium text-accent-600 dark:text-accent-400 hover:underline";

/**
 * Opened from the verification email. The GET only reads (mail scanners prefetch links); the
 * address is verified by the button's POST.
 */
export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const invite = inviteTokenOrNull(params.invite);
  const [link, user] = await Promise.all([describeVerificationLink(params.token, await now()), getSessionUser()]);
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-start justify-center px-4 py-16 sm:items-center">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {link.state === "valid" ? (
          link.isVerified ? (
            <>
              <h1 className="text-xl font-semibold">Address verified</h1>
              <p role="status" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                {link.email} is verified.
              </p>
              <VerifiedNextSteps invite={invite} />
            </>
          ) : (
            <>
              <h1 className="text-xl font-semibold">Verify your email address</h1>
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
                Confirm that <strong className="break-all">{link.email}</strong> is your address.
              </p>
              <VerifyForm token={String(params.token)} invite={invite} />
            </>
          )
        ) : (
          <>
            <h1 className="text-xl font-semibold">{link.state === "expired" ? "Link expired" : "Link not valid"}</h1>
            <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
              {link.state === "expired" ? EXPIRED_LINK : INVALID_LINK}
            </p>
            <div className="mt-4 text-sm">
              {user ? (
                <ResendLinkButton resend={resendVerificationAction.bind(null, invite)} />
              ) : (
                <Link
                  href={`/sign-in?callbackUrl=${encodeURIComponent(invite ? `/invite/${invite}` : "/")}`}
                  className={LINK_CLASS}
                >
                  Sign in →
                </Link>
              )}
            </div>
          </>
        )}
      </div>
    </main>
  );
}
