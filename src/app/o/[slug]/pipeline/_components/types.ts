// What the pipeline's client components receive: money already formatted on the server (and the
// amount's plain decimal for the edit box), so no bigint crosses to the browser.

export type TOption = { value: string; label: string };

export type TRowView = {
  id: string;
  name: string;
  account: string;
  amountLabel: string;
  /** The amount as a decimal ("1250.00"), what the edit box starts with. */
  amountText: string;
  /** Imported open without an amount: "No amount" (out of coverage) until one is set. */
  amountMissing: boolean;
  stageId: string;
  stageName: string;
  outcome: "OPEN" | "WON" | "LOST";
  /** Percent as typed ("72.5"). */
  probabilityText: string;
  forecastCategory: "PIPELINE" | "BEST_CASE" | "COMMIT" | "CLOSED" | "OMITTED";
  forecastCategoryLabel: string;
  expectedCloseDate: string;
  isStale: boolean;
  ownerId: string;
  ownerName: string;
  sourceDepartmentName: string | null;
  /** The deal's version as loaded: each inline save sends it (src/server/concurrency.ts). */
  version: number;
};

/** A stage with what choosing it implies: its default probability and its outcome. */
export type TStageOption = TOption & { probabilityText: string; outcome: "OPEN" | "WON" | "LOST" };

export type TEditOptions = {
  stages: TStageOption[];
  categories: TOption[];
  owners: TOption[];
  departments: TOption[];
  lossCauses: TOption[];
};
