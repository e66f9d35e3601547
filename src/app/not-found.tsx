import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-medium text-zinc-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page does not exist, or you are not a member of the organization it belongs to.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline"
      >
        Go to your organizations
      </Link>
    </main>
  );
}
