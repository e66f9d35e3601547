// Money is an integer of minor units (bigint) in the organization's currency. This file is the only
// place that turns minor units into a decimal: formatting goes through Intl.NumberFormat with an
// exact decimal string, so no float ever carries an amount.

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency: USD 2, JPY 0, BHD 3. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** The exact decimal string of `minor` units: 123456n, 2 → "1234.56"; -5n, 2 → "-0.05". */
export function minorToDecimalString(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const base = 10n ** BigInt(digits);
  const whole = (abs / base).toString();
  const fraction = digits > 0 ? `.${(abs % base).toString().padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

type TFormatOptions = {
  locale?: string;
  compact?: boolean;
  whole?: boolean;
  signDisplay?: "auto" | "always" | "exceptZero";
};

/**
 * Formats minor units in `currency` for `locale`: $1,234.56; $1.2M when compact; $1,235 in whole
 * units (rounded half away from zero: the CEO's tables, with the exact amount beside on hover).
 */
export function formatMoney(minor: bigint, currency: string, options: TFormatOptions = {}): string {
  const digits = currencyDigits(currency);
  const format = new Intl.NumberFormat(options.locale ?? "en-US", {
    style: "currency",
    currency,
    ...(options.compact
      ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : options.whole
        ? { minimumFractionDigits: 0, maximumFractionDigits: 0, roundingMode: "halfExpand" as const }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    signDisplay: options.signDisplay ?? "auto",
  });
  // Intl formats decimal strings exactly (no conversion to a double).
  return format.format(minorToDecimalString(minor, digits) as Intl.StringNumericLiteral);
}

/** Integer division rounding half away from zero: divRound(5n, 2n) = 3n, divRound(-5n, 2n) = -3n. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** "1008000.5" → "1,008,000.5": the input's display; the server reads commas as separators. */
export const groupThousands = (decimal: string) =>
  decimal.replace(
    /^(-?)(\d+)/,
    (_m, sign: string, whole: string) => sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ","),
  );

/**
 * Parses a user-typed decimal amount into minor units, exactly: "1,234.56", "-12", "(40.00)" for a
 * refund. Returns null when the text is not a number or has more decimals than the currency.
 */
export function parseMoneyInput(text: string, digits: number): bigint | null {
  let s = text.trim().replace(/[\s,_]/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-")) {
    if (negative) return null;
    negative = true;
    s = s.slice(1);
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = BigInt(match[1] ?? "0") * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  return negative ? -minor : minor;
}

/**
 * The largest magnitude of any one stored amount, in minor units (1,000,000,000,000.00 in a
 * 2-decimal currency): ample for any real record, and 92,233 of them still fit a signed 64-bit
 * total. Sums are taken as PostgreSQL `numeric` anyway, so no number of records can overflow them.
 * The database enforces the same bound with CHECK constraints (migration `money_bounds`).
 */
export const MAX_AMOUNT_MINOR = 10n ** 14n;

export function isWithinAmountBound(minor: bigint): boolean {
  return minor >= -MAX_AMOUNT_MINOR && minor <= MAX_AMOUNT_MINOR;
}

/** The field message for an amount past the bound, in the organization's currency: "Amounts are at most $1,000,000,000,000.00." */
export function amountBoundMessage(currency: string): string {
  return `Amounts are at most ${formatMoney(MAX_AMOUNT_MINOR, currency)} (either sign).`;
}
