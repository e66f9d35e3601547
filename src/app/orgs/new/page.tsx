import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import { organizationOptions } from "@/lib/organization-options";
import { NewOrganizationForm } from "./new-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/orgs/new");
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-xl font-semibold">New organization</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        You will be its owner. It starts with one department of each kind.
      </p>
      <NewOrganizationForm options={organizationOptions()} />
    </main>
  );
}
