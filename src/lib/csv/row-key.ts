// A revenue row's identity by content, not by the bytes of its file: the local date in the
// organization's zone, the amount in minor units, the reference ("" when none) and the row's
// occurrence among identical (date, amount, reference) rows of the same file, counted from 1. Line
// endings, quoting, a BOM, column order and extra columns never reach these values, so a re-saved
// copy of an export has the same keys; two genuinely identical order lines are occurrences 1 and 2.
// The server computes the same occurrence over the organization's existing entries in SQL
// (revenue/import-duplicates.ts): a file row is already imported when its key is among them.

export type TRowKeyInput = { occurredAt: Date; amountMinor: bigint; reference: string | null };
export type TRowKey = { date: string; amountMinor: bigint; reference: string; occurrence: number };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-31": the calendar date of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A reference as it takes part in a key: trimmed, and "" for none. Case is kept ("A-1" is not "a-1"). */
export const keyReference = (reference: string | null): string => (reference ?? "").trim();

/** The keys of `rows` in file order. */
export function rowKeys(rows: readonly TRowKeyInput[], timeZone: string): TRowKey[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const date = localDate(row.occurredAt, timeZone);
    const reference = keyReference(row.reference);
    const identity = `${date}\u0000${row.amountMinor}\u0000${reference}`;
    const occurrence = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, occurrence);
    return { date, amountMinor: row.amountMinor, reference, occurrence };
  });
}
