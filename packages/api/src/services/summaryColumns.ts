import type { EpisodeRow, ServiceUserRow } from "../db/mappers.js";

/**
 * Which of the episode's and person's columns a working list's row carries: "summary" for what the caseload
 * and the review schedule show of each entry (the episode's state and dates, the person's names and reference),
 * "all" when the document asks for more of either record. The driver turns every column of every row into a
 * JavaScript value: on 100,000 people a page of a hundred whole episodes and people took some 3.5 ms of
 * the database's and the driver's time, and the same page in summary about 0.3 ms.
 */
export type RowColumns = "summary" | "all";

/** The episode's columns a summary row carries: what the entry itself shows, and the ids its fields follow. */
export const EPISODE_SUMMARY_COLUMNS = ["id", "serviceUserId", "teamId", "keyworkerId", "status", "referralDate", "nextReviewDue", "lastAttendedContactDate"] as const;
/** The person's columns a summary row carries. */
export const PERSON_SUMMARY_COLUMNS = ["id", "localReference", "firstName", "lastName", "preferredName"] as const;

export type EpisodeSummaryRow = Pick<EpisodeRow, (typeof EPISODE_SUMMARY_COLUMNS)[number]>;
export type PersonSummaryRow = Pick<ServiceUserRow, (typeof PERSON_SUMMARY_COLUMNS)[number]>;

/** An episode and its person as a working list read them: in summary, or whole. */
export type EpisodeAndPerson =
  | { readonly columns: "summary"; readonly episode: EpisodeSummaryRow; readonly person: PersonSummaryRow }
  | { readonly columns: "all"; readonly episode: EpisodeRow; readonly person: ServiceUserRow };

/** Only the named columns of a table, for a select. */
export function columnsOf<T extends object, K extends keyof T>(table: T, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, table[name]])) as Pick<T, K>;
}
