import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import type { TBridge } from "@/lib/bridge";
import { Amount } from "@/components/ui/amount";

/**
 * The bridge's numbers, exact: each step's amount and the running total after it, then a check row
 * that adds the steps up again and compares the sum with the actual (to the cent: the comparison is
 * exact even though cells show whole units, with the exact amount on hover). A department's amount
 * splits into its contributions and its lost and slipped deals (pipeline causes); its claims awaiting
 * finance, not counted, come last.
 */
export function BridgeTable({
  bridge,
  currency,
  locale,
  caption,
  departmentHref,
}: {
  bridge: TBridge;
  currency: string;
  locale: string;
  caption: string;
  departmentHref: (departmentId: string) => string;
}) {
  const money = (v: bigint, signed = false) => <Amount minor={v} currency={currency} locale={locale} signed={signed} />;
  const hasPending = bridge.steps.some((s) => (s.pendingMinor ?? 0n) !== 0n);
  const sum = bridge.targetMinor + bridge.attributedMinor + bridge.unattributedMinor;
  const difference = sum - bridge.actualMinor;
  const th = "px-3 py-2 text-right font-medium whitespace-nowrap";
  const td = "px-3 py-1.5 text-right whitespace-nowrap tabular-nums";
  return (
    <ScrollRegion label="Gap bridge table" className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="bridge-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Step
            </th>
            <th scope="col" className={th}>
              Amount
            </th>
            <th scope="col" className={th}>
              Running total
            </th>
            <th scope="col" className={th}>
              From contributions
            </th>
            <th scope="col" className={th}>
              From lost and slipped deals
            </th>
            {hasPending && (
              <th scope="col" className={th}>
                Claimed, awaiting finance
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {bridge.steps.map((step) => {
            const isChange = step.kind === "department" || step.kind === "unattributed";
            return (
              <tr
                key={`${step.kind}-${step.departmentId ?? step.label}`}
                className="border-b border-zinc-100 last:border-0 dark:border-zinc-800"
              >
                <th scope="row" className="px-3 py-1.5 text-left font-medium">
                  {step.kind === "department" && step.departmentId ? (
                    <Link
                      href={departmentHref(step.departmentId)}
                      className="text-accent-600 hover:underline dark:text-accent-400"
                    >
                      {step.label}
                    </Link>
                  ) : (
                    step.label
                  )}
                  {step.kind === "unattributed" && (
                    <span className="ml-2 text-xs font-normal text-zinc-500">not traced to a department</span>
                  )}
                  {step.kind === "department" && step.amountMinor !== 0n && (
                    <span className="ml-2 text-xs font-normal text-zinc-500">
                      {step.amountMinor < 0n ? "hurt revenue" : "helped revenue"}
                    </span>
                  )}
                </th>
                <td className={td}>{money(step.amountMinor, isChange)}</td>
                <td className={td}>{money(step.endMinor)}</td>
                <td className={`${td} text-zinc-600 dark:text-zinc-400`}>
                  {step.kind === "department" ? money(step.contributionsMinor ?? 0n, true) : ""}
                </td>
                <td className={`${td} text-zinc-600 dark:text-zinc-400`}>
                  {step.kind === "department" ? money(step.pipelineMinor ?? 0n, true) : ""}
                </td>
                {hasPending && (
                  <td className={`${td} text-zinc-600 dark:text-zinc-400`}>
                    {step.kind === "department" && (step.pendingMinor ?? 0n) !== 0n
                      ? money(step.pendingMinor ?? 0n, true)
                      : ""}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t-2 border-zinc-200 dark:border-zinc-700" data-testid="bridge-check">
          <tr>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              Check: target + departments + unattributed
            </th>
            <td className={td}>{money(sum)}</td>
            <td className={`${td} font-medium`} colSpan={hasPending ? 4 : 3}>
              {difference === 0n ? (
                "= actual, balances to the cent"
              ) : (
                <>differs from the actual by {money(difference, true)}</>
              )}
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
