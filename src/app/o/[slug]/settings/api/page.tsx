import type { Metadata } from "next";
import { headers } from "next/headers";
import { apiTokenStatus } from "@/lib/api-token-status";
import { API_SCOPE_LABELS, type TApiScope } from "@/lib/schemas/api-tokens";
import { canOpenSettings } from "@/lib/settings-sections";
import { listApiTokens } from "@/server/api/tokens";
import { now } from "@/server/clock";
import { getRequestLocale } from "@/server/locale";
import { publicOrigin } from "@/server/security/request-origin";
import { getTenantContext } from "@/server/tenant-context";
import { ApiDocs } from "../_components/api-docs";
import { ApiTokensPanel } from "../_components/api-tokens-panel";
import { SettingsNotAllowed } from "../_components/settings-not-allowed";

export const metadata: Metadata = { title: "API tokens · Settings" };

const scopeLabel = (scope: string) =>
  Object.hasOwn(API_SCOPE_LABELS, scope) ? API_SCOPE_LABELS[scope as TApiScope].label : scope;

/** The day after `at` in UTC: the first expiry a new token may have (it ends at that day's start, UTC). */
const nextUtcDay = (at: Date) => new Date(at.getTime() + 86_400_000).toISOString().slice(0, 10);

export default async function ApiTokensSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await getTenantContext(slug);
  if (!canOpenSettings(ctx, "api")) return <SettingsNotAllowed ctx={ctx} />;
  const [tokens, locale, at, requestHeaders] = await Promise.all([
    listApiTokens(ctx),
    getRequestLocale(),
    now(),
    headers(),
  ]);
  // Formatted here, in the organization's zone: server and browser would format differently.
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: ctx.organization.timeZone,
  });
  return (
    <div className="space-y-6">
      <ApiTokensPanel
        slug={slug}
        minExpiresOn={nextUtcDay(at)}
        tokens={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          scopes: t.scopes.map(scopeLabel),
          createdBy: t.createdBy ?? "A removed member",
          createdAt: when.format(t.createdAt),
          lastUsed: t.lastUsedAt ? when.format(t.lastUsedAt) : "Never",
          expires: t.expiresAt ? when.format(t.expiresAt) : "Never",
          status: apiTokenStatus(t, at),
        }))}
      />
      <ApiDocs origin={publicOrigin(requestHeaders) ?? ""} digits={ctx.organization.digits} />
    </div>
  );
}
