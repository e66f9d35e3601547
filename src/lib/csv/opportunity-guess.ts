// First guesses for a CRM export's columns (Salesforce, HubSpot, Pipedrive headers and plain ones).
// Each pattern list is tried in order; a column is never guessed for two fields. Without a name
// column, the name is proposed as composed from the account and a product-like column.
import { guessNameParts } from "./opportunity-value-maps";

export type TOpportunityColumnGuess = {
  externalId: number | null;
  name: number | null;
  account: number | null;
  amount: number | null;
  stage: number | null;
  closeDate: number | null;
  probability: number | null;
  category: number | null;
  owner: number | null;
  sourceDepartment: number | null;
};

export type TOpportunityGuess = TOpportunityColumnGuess & { nameParts: number[] };

const PATTERNS: Record<keyof TOpportunityColumnGuess, RegExp[]> = {
  externalId: [/^(opportunity|deal|record)[ _-]?id$/i, /^(external[ _-]?id|crm[ _-]?id|id)$/i, /\bid\b/i],
  category: [/forecast[ _-]?category/i, /^category$/i],
  name: [/^(opportunity|deal)[ _-]?name$/i, /^(name|title)$/i],
  account: [/^(account|company|customer)([ _-]?name)?$/i, /account|company|customer|organi[sz]ation/i],
  amount: [/^(amount|value|deal[ _-]?value)$/i, /amount|value|arr|acv/i],
  stage: [/^(stage|deal[ _-]?stage|status)$/i, /stage/i],
  closeDate: [/^(close|expected[ _-]?close)[ _-]?date$/i, /close/i, /date/i],
  probability: [/^probability( \(%\))?$/i, /probability|prob/i],
  owner: [/owner[ _-]?e-?mail/i, /^(owner|opportunity owner|deal owner|email)$/i, /owner/i],
  sourceDepartment: [/source[ _-]?dep(artmen)?t/i, /department|team|lead[ _-]?source/i],
};

export function guessOpportunityColumns(header: string[]): TOpportunityGuess {
  const taken = new Set<number>();
  const guess = {} as TOpportunityColumnGuess;
  for (const key of Object.keys(PATTERNS) as (keyof TOpportunityColumnGuess)[]) {
    let found: number | null = null;
    for (const pattern of PATTERNS[key]) {
      const index = header.findIndex((h, i) => !taken.has(i) && pattern.test(h.trim()));
      if (index >= 0) {
        found = index;
        break;
      }
    }
    guess[key] = found;
    if (found !== null) taken.add(found);
  }
  return { ...guess, nameParts: guess.name === null ? guessNameParts(header, guess.account, taken) : [] };
}
