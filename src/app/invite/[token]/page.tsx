import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_LABELS } from "@/lib/permissions";
import { ResendLinkButton } from "@/components/shell/verify-email-banner";
import { resendVerificationAction } from "@/app/verify-email/actions";
import { getSessionUser } from "@/server/auth";
import { isEmailVerified } from "@/server/email/verification";
import { describeInvitation } from "@/server/invitations/accept";
import { AcceptButton, InvitationSignUpForm } from "./invitation-forms";

export const metadata: Metadata = { title: "Invitation" };

const ENDED: Record<string, string> = {
  invalid: "This invitation link is not valid. Check that you copied all of it.",
  expired: "This invitation has expired. Ask an owner of the organization for a new link.",
  revoked: "This invitation was revoked. Ask an owner of the organization for a new link.",
  accepted: "This invitation has already been used.",
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([describeInvitation(decodeURIComponent(token)), getSessionUser()]);
  const here = `/invite/${token}`;
  const isVerified = user ? await isEmailVerified(user.id) : false;
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-start justify-center px-4 py-16 sm:items-center">
      <div className="w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {invitation.state !== "valid" ? (
          <>
            <h1 className="text-xl font-semibold">Invitation unavailable</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{ENDED[invitation.state]}</p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">Join {invitation.organization?.name}</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              You are invited as <strong>{invitation.role && ROLE_LABELS[invitation.role]}</strong>
              {invitation.departmentName ? ` of ${invitation.departmentName}` : ""}, with the address {invitation.email}
              .
            </p>
            {user ? (
              user.email === invitation.email ? (
                isVerified ? (
                  <AcceptButton token={token} />
                ) : (
                  // Only a proven address joins (src/server/invitations/accept.ts).
                  <div className="mt-4 space-y-3 text-sm">
                    <p role="status">
                      Verify your email address first: we sent a link to <strong>{user.email}</strong>. Open it, then
                      accept the invitation from the page it leads to.
                    </p>
                    <ResendLinkButton resend={resendVerificationAction.bind(null, decodeURIComponent(token))} />
                  </div>
                )
              ) : (
                <p role="alert" className="mt-4 text-sm text-red-700 dark:text-red-400">
                  You are signed in as {user.email}. This invitation is for {invitation.email}: sign out and sign in
                  with that address to accept it.
                </p>
              )
            ) : invitation.hasAccount ? (
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email ?? "")}`}
                className="mt-4 inline-block text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline"
              >
                Sign in to accept →
              </Link>
            ) : (
              <InvitationSignUpForm token={token} email={invitation.email ?? ""} />
            )}
          </>
        )}
      </div>
    </main>
  );
}
