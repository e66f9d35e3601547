import { formatMoney } from "@/lib/money";

/**
 * An amount in a CEO table: whole currency units, with the exact amount on hover (the CSV export
 * carries it too). "—" for no value.
 */
export function Amount({
  minor,
  currency,
  locale,
  signed = false,
}: {
  minor: bigint | null;
  currency: string;
  locale: string;
  signed?: boolean;
}) {
  if (minor === null) return <span>—</span>;
  const signDisplay = signed ? ("exceptZero" as const) : ("auto" as const);
  const whole = formatMoney(minor, currency, { locale, whole: true, signDisplay });
  const exact = formatMoney(minor, currency, { locale, signDisplay });
  return <span title={exact}>{whole}</span>;
}
