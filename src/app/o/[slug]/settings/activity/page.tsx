import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { describeActor, describeAuditAction, describeAuditEntity } from "@/lib/audit-trail";
import { canOpenSettings, settingsPath } from "@/lib/settings-sections";
import { getRequestLocale } from "@/server/locale";
import { ACTIVITY_PAGE_SIZE, decodeActivityCursor, listActivity } from "@/server/organizations/activity";
import { getTenantContext } from "@/server/tenant-context";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "Activity · Settings" };

const linkClass = "text-sm font-medium text-accent-600 hover:underline dark:text-accent-400";

export default async function ActivitySettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "activity")) return <SettingsNotAllowed ctx={ctx} />;
  const before = decodeActivityCursor((await searchParams).before);
  const [{ events, next }, locale] = await Promise.all([listActivity(ctx, before), getRequestLocale()]);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: ctx.organization.timeZone,
  });
  const base = settingsPath(slug, "activity");
  return (
    <Card
      title="Activity"
      description={`Every change to this organization: who made it (a member, an API token or the system), what, and when (${ctx.organization.timeZone}). ${before ? "Older changes." : `The newest ${ACTIVITY_PAGE_SIZE} first.`}`}
    >
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {before ? "No older changes." : "No changes recorded yet."}
        </p>
      ) : (
        <ScrollRegion label="Activity table">
          <table className="w-full text-sm">
            <caption className="sr-only">Changes to the organization, newest first</caption>
            <thead className="border-b border-zinc-200 text-left text-zinc-500 dark:border-zinc-800">
              <tr>
                <th scope="col" className="py-1.5 pr-3 font-medium sm:w-48">
                  When
                </th>
                <th scope="col" className="py-1.5 pr-3 font-medium sm:w-1/4">
                  Who
                </th>
                <th scope="col" className="py-1.5 font-medium">
                  What
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="py-2 pr-3 text-zinc-600 tabular-nums sm:whitespace-nowrap dark:text-zinc-400">
                    <time dateTime={e.at.toISOString()}>{when.format(e.at)}</time>
                  </td>
                  <td className="min-w-24 py-2 pr-3 break-words">{describeActor(e.actor)}</td>
                  <td className="min-w-32 py-2 break-words">
                    {describeAuditAction(e.action)}
                    <span className="block text-xs text-zinc-500">
                      {describeAuditEntity(e.entityType, e.entityName)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {(next || before) && (
        <nav aria-label="Activity pages" className="mt-4 flex flex-wrap gap-4">
          {before && (
            <Link href={base} className={linkClass}>
              ← Newest
            </Link>
          )}
          {next && (
            <Link href={`${base}?before=${encodeURIComponent(next)}`} className={linkClass}>
              Load older →
            </Link>
          )}
        </nav>
      )}
    </Card>
  );
}
