import { Ban, CircleCheck, Clock } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { FlashRegion } from "@/components/ui/flash";
import type { TApiTokenStatus } from "@/lib/api-token-status";
import { cn } from "@/lib/cn";
import { ApiTokenForm } from "./api-token-form";
import { RevokeApiTokenButton } from "./revoke-api-token-button";

export type TApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsed: string;
  expires: string;
  status: TApiTokenStatus;
};

const STATUS = {
  Active: { icon: CircleCheck, className: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" },
  Expired: { icon: Clock, className: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200" },
  Revoked: { icon: Ban, className: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300" },
} as const;

function StatusBadge({ status }: { status: TApiTokenStatus }) {
  const { icon: Icon, className } = STATUS[status];
  return (
    <span className={cn("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium", className)}>
      <Icon aria-hidden className="size-3.5" />
      {status}
    </span>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{term}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

function TokenItem({ slug, token }: { slug: string; token: TApiTokenView }) {
  return (
    <li aria-label={`API token ${token.name}`} className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium break-words">{token.name}</span>
            <StatusBadge status={token.status} />
          </div>
          <code className="mt-0.5 block font-mono text-xs text-zinc-600 dark:text-zinc-400">{token.prefix}</code>
        </div>
        {token.status !== "Revoked" && <RevokeApiTokenButton slug={slug} tokenId={token.id} name={token.name} />}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 xl:grid-cols-4">
        <Detail term="Scopes">{token.scopes.join(", ")}</Detail>
        <Detail term="Created">
          {token.createdBy}
          <span className="block text-xs text-zinc-500">{token.createdAt}</span>
        </Detail>
        <Detail term="Last used">{token.lastUsed}</Detail>
        <Detail term="Expires">{token.expires}</Detail>
      </dl>
    </li>
  );
}

/** Settings → API tokens: create (the value shown once), the list with each token's state, revoke. */
export function ApiTokensPanel({
  slug,
  tokens,
  minExpiresOn,
}: {
  slug: string;
  tokens: TApiTokenView[];
  minExpiresOn: string;
}) {
  return (
    <Card
      title="API tokens"
      description={
        <>
          Tokens let your billing system, CRM or scripts read and write this organization through the API. Each is shown
          once when created and stored only as a hash.{" "}
          <a href="#how-to-call" className="font-medium text-accent-600 hover:underline dark:text-accent-400">
            How to call the API
          </a>
        </>
      }
    >
      <ApiTokenForm slug={slug} minExpiresOn={minExpiresOn} />
      <h3 className="mt-8 text-sm font-semibold">Tokens</h3>
      <div className="mt-2">
        <FlashRegion />
      </div>
      {tokens.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          No tokens yet. Create one above for each system that should reach this organization.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tokens.map((t) => (
            <TokenItem key={t.id} slug={slug} token={t} />
          ))}
        </ul>
      )}
    </Card>
  );
}
