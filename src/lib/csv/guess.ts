import type { TDecimalSeparator } from "./amount";

// First guesses for the mapping screen, from the header names and the first values. The user sees
// and can change every guess; the server validates whatever is finally sent.

export type TColumnGuess = {
  date: number | null;
  amount: number | null;
  reference: number | null;
  customer: number | null;
};

// Ordered by preference: an order-line export has both unit_price and line_total, and the line total is the revenue.
// The exact names of order, invoice and CRM exports come first ("Sales", "Close Value", "Order Date"),
// then the loose patterns (which would also match "Sales Rep" or "Unit Price Total" if nothing better is there).
const PATTERNS: Record<keyof TColumnGuess, RegExp[]> = {
  date: [
    /^(order|invoice|transaction|posting|booking|sale|close|closing)?[ _-]?date$/i,
    /^created([ _-]?(at|on|date))?$/i,
    /date|datum|fecha|time|created/i,
  ],
  amount: [
    /^(line[ _-]?)?total$|^amount$|^net[ _-]?amount$|^revenue$|^sales$|^close[ _-]?value$/i,
    /^(net|gross|value|sub[ _-]?total|total[ _-]?amount|sales[ _-]?amount|amount[ _-]?\(?[a-z]{3}\)?)$/i,
    /total|amount|revenue|betrag|importe|net|gross/i,
  ],
  reference: [
    /^(order|invoice|document)[ _-]?(id|no|number|#)?$/i,
    /^(reference|ref|id)$/i,
    /order|invoice|reference|ref|number|id$/i,
  ],
  customer: [/^(customer|client|account)([ _-]?name)?$/i, /customer|client|account|kunde|buyer/i],
};

function findColumn(header: string[], patterns: RegExp[], taken: Set<number>): number | null {
  for (const pattern of patterns) {
    const index = header.findIndex((name, i) => !taken.has(i) && pattern.test(name.trim()));
    if (index >= 0) return index;
  }
  return null;
}

/** Each role's column, in the order of `patterns`; a column is never guessed for two roles. */
function guessBy<K extends string>(header: string[], patterns: Record<K, RegExp[]>): Record<K, number | null> {
  const taken = new Set<number>();
  const guess = {} as Record<K, number | null>;
  for (const key of Object.keys(patterns) as K[]) {
    const column = findColumn(header, patterns[key], taken);
    guess[key] = column;
    if (column !== null) taken.add(column);
  }
  return guess;
}

export const guessColumns = (header: string[]): TColumnGuess => guessBy(header, PATTERNS);

export type TKpiColumnGuess = { kpi: number | null; month: number | null; value: number | null };

const KPI_PATTERNS: Record<keyof TKpiColumnGuess, RegExp[]> = {
  kpi: [/^(kpi|metric|measure|indicator)([ _-]?(name|id))?$/i, /kpi|metric|measure|indicator|kennzahl/i, /^name$/i],
  month: [/^(month|period)$/i, /month|period|monat|mes|date/i],
  value: [/^(value|actual|result)$/i, /value|actual|result|amount|wert|valor/i],
};

/** The KPI import's first guesses: "KPI", "Month", "Value" and their usual variants. */
export const guessKpiColumns = (header: string[]): TKpiColumnGuess => guessBy(header, KPI_PATTERNS);

/** A comma when the amounts look like "1.234,56" or "12,5" and none like "1,234.56" or "12.50". */
export function guessDecimalSeparator(values: Iterable<string>): TDecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const text = raw.replace(/[^\d.,]/g, "");
    if (/,\d{1,2}$|,\d{4,}$|^\d{1,3}(\.\d{3})+,\d+$/.test(text)) comma += 1;
    else if (/\.\d{1,2}$|\.\d{4,}$|^\d{1,3}(,\d{3})+\.\d+$/.test(text)) point += 1;
  }
  return comma > 0 && point === 0 ? "," : ".";
}
