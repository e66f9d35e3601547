import type { Metadata } from "next";
import Link from "next/link";
import { organizationOptions } from "@/lib/organization-options";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">You will be the owner of a new organization.</p>
      <SignUpForm options={organizationOptions()} />
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-accent-600 dark:text-accent-400 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
