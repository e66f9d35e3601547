"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

/**
 * A missing record inside an organization the reader belongs to (a deleted deal, a mistyped
 * department): the organization's layout — header, navigation — stays, so they can go on from
 * here. Organizations the reader is not a member of never reach this: their layout answers with
 * the app's own 404, which says nothing about them.
 */
export default function OrganizationNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <div className="mx-auto max-w-md px-6 py-16 text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This record does not exist in this organization, or it was removed.
      </p>
      <Link
        href={`/o/${slug}`}
        className="mt-6 inline-block text-sm font-medium text-accent-700 underline dark:text-accent-400"
      >
        Back to the dashboard
      </Link>
    </div>
  );
}
