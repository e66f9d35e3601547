import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string }>;
}) {
  const { callbackUrl, email } = await searchParams;
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl ?? null} defaultEmail={email ?? ""} />
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        New to Revtrace?{" "}
        <Link href="/sign-up" className="font-medium text-accent-600 dark:text-accent-400 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
