import type { Tables } from "../db/database.js";

type Row<K extends keyof Tables> = Tables[K] extends { $inferSelect: infer R } ? R : never;

/** Everything the extract needs about one episode, loaded in batches. */
export interface ExtractEpisode {
  readonly episode: Row<"episodes">;
  readonly person: Row<"serviceUsers">;
  /** The person's pseudonymous ID, the same as `personId` in the analysts' queries. */
  readonly personId: string;
  readonly teamName: string;
  /** Ranked 1..3. */
  readonly substances: readonly Row<"problemSubstances">[];
  /** With the modality of each intervention's catalogue item; entered-in-error ones left out. */
  readonly interventions: ReadonlyArray<Row<"interventions"> & { readonly modality: string | null }>;
  /** TOPs not entered in error, by date. */
  readonly outcomes: readonly Row<"outcomeRecords">[];
}

/** The reporting period: episodes open on any day from `from` to `to`, both included. */
export interface ExtractPeriod {
  readonly from: string;
  readonly to: string;
}
