// The curl examples of Settings → API tokens ("How to call the API"), built for the organization's
// own address and currency. Lines stay short (continued with a backslash) so a laptop shows each
// command whole; a phone scrolls the code box, never the page.

import type { TApiScope } from "./schemas/api-tokens";

export type TApiExample = { id: string; title: string; scope: TApiScope; note?: string; command: string };

const AUTH = `  -H "Authorization: Bearer $REVTRACE_TOKEN"`;

/** "1250" as a decimal string in a currency of `digits` minor digits: "1250.00" (USD), "1250" (JPY). */
export function sampleAmount(whole: string, digits: number): string {
  return digits > 0 ? `${whole}.${"0".repeat(digits)}` : whole;
}

const get = (origin: string, path: string) => [`curl "${origin}/api/v1/${path}" \\`, AUTH].join("\n");

// Every write needs an Idempotency-Key: a retry with the same key gets the first answer back.
const write = (origin: string, method: "POST" | "PUT", path: string, idempotencyKey: string, body: string[]) =>
  [
    `curl -X ${method} "${origin}/api/v1/${path}" \\`,
    `${AUTH} \\`,
    `  -H "Idempotency-Key: ${idempotencyKey}" \\`,
    `  -H "Content-Type: application/json" \\`,
    // The body's lines after the first are indented under -d, inside the quotes: JSON ignores it.
    `  -d '${body.map((line, i) => (i === 0 ? line : `     ${line}`)).join("\n")}'`,
  ].join("\n");

export function apiExamples(origin: string, digits: number): TApiExample[] {
  const amount = (whole: string) => sampleAmount(whole, digits);
  return [
    {
      id: "dashboard",
      title: "Dashboard numbers of a fiscal year",
      scope: "READ",
      note: "The period is named as in the dashboard's address: fy-2026, ytd-2026, q-2026-3, m-2026-11 or r-2026-03-2026-08; without it, the current fiscal year.",
      command: get(origin, "dashboard?period=fy-2026"),
    },
    { id: "bridge", title: "The gap bridge", scope: "READ", command: get(origin, "bridge?period=fy-2026") },
    {
      id: "scorecards",
      title: "Department scorecards of a month",
      scope: "READ",
      command: get(origin, "scorecards?period=m-2026-11"),
    },
    {
      id: "deals",
      title: "Deals, a page at a time",
      scope: "READ",
      note: "Open deals by default (status=won, lost or all for others). Each answer has nextCursor: pass it as cursor= for the next page; null means the last page.",
      command: get(origin, "deals?limit=100"),
    },
    {
      id: "revenue-entries",
      title: "Push actuals (revenue entries)",
      scope: "REVENUE_WRITE",
      note: "Amounts are decimal strings in the organization's currency. Every write needs an Idempotency-Key: retry with the same key and the first answer comes back, nothing written twice. All rows are written, or none.",
      command: write(origin, "POST", "revenue-entries", "billing-2026-11-03-0001", [
        '{"entries": [',
        `  {"date": "2026-11-03", "amount": "${amount("1250")}",`,
        '   "reference": "INV-1001", "customer": "Globex"}',
        "]}",
      ]),
    },
    {
      id: "deal",
      title: "Create or update a deal by your CRM's id",
      scope: "PIPELINE_WRITE",
      note: "The path ends in the deal's id in your CRM (here CRM-4711): the first call creates the deal, later ones update it and keep its history.",
      command: write(origin, "PUT", "deals/CRM-4711", "crm-4711-2026-12-03-01", [
        '{"name": "Globex renewal",',
        ` "amount": "${amount("48000")}",`,
        ' "stage": "Proposal",',
        ' "closeDate": "2026-12-15",',
        ' "ownerEmail": "sales@acme.example"}',
      ]),
    },
    {
      id: "kpi-values",
      title: "Set KPI values of a month",
      scope: "KPIS_WRITE",
      command: write(origin, "PUT", "kpi-values", "kpis-2026-11-0001", [
        '{"month": "2026-11",',
        ' "values": [',
        '   {"department": "Marketing",',
        '    "kpi": "Qualified leads", "value": "412"}',
        " ]}",
      ]),
    },
  ];
}

/** What each error status means, in the order a caller meets them. */
export const API_ERRORS: readonly { status: number; meaning: string }[] = [
  {
    status: 400,
    meaning:
      "The input is not valid, or a write has no Idempotency-Key; fields names each bad field or row, and nothing was written.",
  },
  { status: 401, meaning: "The token is missing, unknown, expired or revoked." },
  { status: 403, meaning: "The token lacks the scope the call needs." },
  { status: 404, meaning: "No such record in this organization (an id of another organization is not found either)." },
  { status: 409, meaning: "The Idempotency-Key was used before with another body, or the month is closed." },
  { status: 429, meaning: "Too many calls with this token: wait the seconds Retry-After says, then retry." },
];
