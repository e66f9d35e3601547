"use client";

import { useRouter } from "next/navigation";

/** Opening another organization lands where the member's role there lands (My work or the dashboard). */
export function OrgSwitcher({
  current,
  organizations,
}: {
  current: string;
  organizations: { slug: string; name: string; href: string }[];
}) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Organization</span>
      <select
        aria-label="Organization"
        value={current}
        onChange={(e) =>
          e.target.value === "__new"
            ? router.push("/orgs/new")
            : router.push(organizations.find((o) => o.slug === e.target.value)?.href ?? `/o/${e.target.value}`)
        }
        className="max-w-36 truncate sm:max-w-48 rounded-md border border-zinc-300 bg-white py-1 pr-7 pl-2 text-sm font-medium dark:border-zinc-700 dark:bg-zinc-900"
      >
        {organizations.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
        <option value="__new">+ New organization…</option>
      </select>
    </label>
  );
}
