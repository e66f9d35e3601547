import { amountBoundMessage, isWithinAmountBound } from "../money";
import { quoteCell } from "./quote";

// Amounts from exported files, parsed from their text into integer minor units without ever
// becoming a float. Exports carry more decimals than the currency (order lines often have four):
// those are rounded half away from zero, row by row, and the row is flagged as rounded.

export const DECIMAL_SEPARATORS = [".", ","] as const;
export type TDecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

export type TAmountOptions = { digits: number; decimalSeparator: TDecimalSeparator; currency: string };
export type TAmountResult = { ok: true; minor: bigint; isRounded: boolean } | { ok: false; reason: string };

/** Longer digit runs are past the amount bound in any currency: refused before building a BigInt of them. */
const MAX_INTEGER_DIGITS = 18;

// Sign, parentheses and currency (symbol or ISO code) may wrap the number in any of the orders
// exports produce: "-$1.00", "$-1.00", "($1.00)", "1.00 EUR", "-1,00 €".
const SHAPE =
  /^(?<open>\()?\s*(?<sign1>[-+])?\s*(?<cur1>\p{Sc}|[A-Za-z]{3})?\s*(?<sign2>[-+])?\s*(?<num>[\d.,' ]*\d[\d.,' ]*|[.,]\d+)\s*(?<cur2>\p{Sc}|[A-Za-z]{3})?\s*(?<close>\))?$/u;

const THOUSANDS: Record<TDecimalSeparator, string[]> = { ".": [",", " ", "'"], ",": [".", " ", "'"] };

/** Unicode minus and the spaces spreadsheets use as thousands separators become plain ASCII. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/\u2212/g, "-")
    .replace(/[\u00a0\u2007\u202f]/g, " ");
}

type TShape = { negative: boolean; number: string } | { reason: string };

function readShape(text: string, currency: string): TShape {
  const groups = SHAPE.exec(text)?.groups;
  if (!groups?.num) return { reason: `non-numeric amount ${quoteCell(text)}` };
  const { open, close, sign1, sign2, cur1, cur2, num } = groups;
  const signs = [sign1, sign2].filter(Boolean);
  if (Boolean(open) !== Boolean(close) || signs.length > 1 || (open && signs.length) || (cur1 && cur2)) {
    return { reason: `non-numeric amount ${quoteCell(text)}` };
  }
  const code = cur1 ?? cur2;
  if (code && /^[A-Za-z]{3}$/.test(code) && code.toUpperCase() !== currency.toUpperCase()) {
    return { reason: `amount ${quoteCell(text)} is in ${code.toUpperCase()}, not ${currency}` };
  }
  return { negative: Boolean(open) || signs[0] === "-", number: num.trim() };
}

/** Splits "1,234.5600" into its integer digits and fraction digits, checking the thousands grouping. */
function splitNumber(number: string, separator: TDecimalSeparator): { whole: string; fraction: string } | null {
  const parts = number.split(separator);
  if (parts.length > 2) return null;
  const [integer = "", fraction = ""] = parts;
  if (!/^\d*$/.test(fraction) || (integer === "" && fraction === "")) return null;
  if (/^\d*$/.test(integer)) return { whole: integer, fraction };
  // With a separator, every group after the first is exactly three digits: "12,50" under a decimal
  // point is not twelve hundred and fifty, it is a European decimal and must not be misread.
  const used = THOUSANDS[separator].filter((s) => integer.includes(s));
  if (used.length !== 1) return null;
  const groups = integer.split(used[0] as string);
  const isGrouped = /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => /^\d{3}$/.test(g));
  return isGrouped ? { whole: groups.join(""), fraction } : null;
}

function notNumberReason(text: string, number: string, separator: TDecimalSeparator): string {
  const looksDecimalComma = separator === "." && /^\d{1,3}(\.\d{3})*,\d+$|^\d+,\d{1,2}$/.test(number);
  return `non-numeric amount ${quoteCell(text)}${looksDecimalComma ? " (is the decimal separator a comma?)" : ""}`;
}

/** Parses one amount cell: "1,234.5678" → 123457n for USD (rounded), "(40.00)" → -4000n. */
export function parseAmount(raw: string, options: TAmountOptions): TAmountResult {
  const text = normalise(raw);
  if (text === "") return { ok: false, reason: "empty amount" };
  const shape = readShape(text, options.currency);
  if ("reason" in shape) return { ok: false, reason: shape.reason };
  const split = splitNumber(shape.number, options.decimalSeparator);
  if (!split) return { ok: false, reason: notNumberReason(text, shape.number, options.decimalSeparator) };
  const whole = split.whole.replace(/^0+/, "");
  const tooLarge = () => ({
    ok: false as const,
    reason: `amount ${quoteCell(text)} is too large: a${amountBoundMessage(options.currency).slice(1, -1)}`,
  });
  if (whole.length > MAX_INTEGER_DIGITS) return tooLarge();
  const { digits } = options;
  const kept = split.fraction.slice(0, digits).padEnd(digits, "0");
  const dropped = split.fraction.slice(digits);
  let minor = BigInt(whole || "0") * 10n ** BigInt(digits) + BigInt(kept || "0");
  // Rounding the magnitude up at a first dropped digit of 5 or more is half away from zero for
  // either sign, because the sign is applied afterwards.
  if ((dropped[0] ?? "0") >= "5") minor += 1n;
  if (!isWithinAmountBound(minor)) return tooLarge();
  return { ok: true, minor: shape.negative ? -minor : minor, isRounded: /[1-9]/.test(dropped) };
}
