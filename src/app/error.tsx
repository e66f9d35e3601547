"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        The page could not be shown. {error.digest ? `Reference ${error.digest}.` : ""}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 text-sm font-medium text-accent-600 dark:text-accent-400 hover:underline"
      >
        Try again
      </button>
    </main>
  );
}
