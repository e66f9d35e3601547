// Choices for the organization form, computed where the page renders (on the server) and passed
// to the client as props: Node's and the browser's ICU disagree on these lists, and a list built
// on both sides breaks hydration.
const COMMON_CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CHF",
  "CAD",
  "AUD",
  "JPY",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "INR",
  "BRL",
  "MXN",
  "SGD",
  "ZAR",
];

export type TOrganizationOptions = { currencies: string[]; timeZones: string[] };

export function organizationOptions(): TOrganizationOptions {
  const all = Intl.supportedValuesOf("currency");
  return {
    currencies: [
      ...COMMON_CURRENCIES.filter((c) => all.includes(c)),
      ...all.filter((c) => !COMMON_CURRENCIES.includes(c)),
    ],
    timeZones: ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")],
  };
}

/** Why a setting can no longer change (an organization with money or closed months), per field. */
export type TOrganizationLocks = Partial<Record<"currency" | "fiscalYearStartMonth" | "timeZone", string>>;
