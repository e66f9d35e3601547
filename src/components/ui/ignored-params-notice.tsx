import { ignoredNotice } from "@/lib/search-params";

/** Says which URL parameters were dropped as invalid, so a bad link explains itself. */
export function IgnoredParamsNotice({ names }: { names: string[] }) {
  const text = ignoredNotice(names);
  if (!text) return null;
  return (
    <p
      role="status"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      {text}
    </p>
  );
}
