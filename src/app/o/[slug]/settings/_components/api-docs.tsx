import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { API_ERRORS, apiExamples } from "@/lib/api-examples";
import { API_SCOPE_LABELS } from "@/lib/schemas/api-tokens";

const codeClass = "rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.8125rem] dark:bg-zinc-800";

/** "How to call the API": the organization's own curl examples, the errors, the OpenAPI document. */
export function ApiDocs({ origin, digits }: { origin: string; digits: number }) {
  const examples = apiExamples(origin, digits);
  const openapi = `${origin}/api/v1/openapi.json`;
  return (
    <Card
      id="how-to-call"
      title="How to call the API"
      description="JSON over HTTPS. Every call carries a token of this organization as a Bearer header."
    >
      <div className="space-y-6 text-sm">
        <p>
          Put the token in a variable first: <code className={codeClass}>export REVTRACE_TOKEN=&apos;rvt_…&apos;</code>.
          The full reference is the OpenAPI 3.1 document at{" "}
          <a href={openapi} className="font-medium break-all text-accent-600 hover:underline dark:text-accent-400">
            {openapi}
          </a>
          .
        </p>
        {examples.map((example) => (
          <section key={example.id} aria-labelledby={`api-example-${example.id}`}>
            <h3 id={`api-example-${example.id}`} className="font-semibold">
              {example.title}
            </h3>
            {example.note && <p className="mt-1 text-zinc-600 dark:text-zinc-400">{example.note}</p>}
            <ScrollRegion label={`Example: ${example.title}`} className="mt-2 rounded-md bg-zinc-950 text-zinc-100">
              <pre className="w-max min-w-full p-3 font-mono text-xs leading-relaxed">
                <code>{example.command}</code>
              </pre>
            </ScrollRegion>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                Needs the scope {API_SCOPE_LABELS[example.scope].label}
              </span>
              <CopyButton text={example.command} label="Copy" ariaLabel={`Copy the example: ${example.title}`} />
            </div>
          </section>
        ))}
        <section aria-labelledby="api-errors">
          <h3 id="api-errors" className="font-semibold">
            Errors
          </h3>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            Every error has the body <code className={codeClass}>{`{"error": {"code", "message", "fields"}}`}</code>.
          </p>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2">
            {API_ERRORS.map((e) => (
              <div key={e.status} className="contents">
                <dt className="font-mono font-semibold tabular-nums">{e.status}</dt>
                <dd className="text-zinc-700 dark:text-zinc-300">{e.meaning}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Card>
  );
}
