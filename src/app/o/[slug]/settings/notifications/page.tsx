import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { canOpenSettings, hasSettingsNavigation } from "@/lib/settings-sections";
import { getEmailPreferences } from "@/server/notifications/preferences";
import { getTenantContext } from "@/server/tenant-context";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";
import { NotificationsForm } from "./notifications-form";

export const metadata: Metadata = { title: "Email notifications · Settings" };

/** The member's own email frequency: every role opens it; it applies to all their organizations. */
export default async function NotificationsSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "notifications")) return <SettingsNotAllowed ctx={ctx} />;
  const preferences = await getEmailPreferences(ctx);
  return (
    <>
      {/* Those without the settings' navigation get no heading from the layout. */}
      {!hasSettingsNavigation(ctx) && <PageHeader title="Settings" />}
      <Card
        title="Email notifications"
        description={
          <>
            Revtrace emails you what you owe (the items of My work) at{" "}
            <strong className="font-medium break-words text-zinc-900 dark:text-zinc-100">{preferences.email}</strong>.
            This setting is yours, not the organization&apos;s: it applies to all your organizations.
          </>
        }
      >
        <NotificationsForm slug={slug} frequency={preferences.emailFrequency} />
      </Card>
    </>
  );
}
