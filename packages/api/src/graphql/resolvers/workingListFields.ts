import type { ResolveTree } from "graphql-parse-resolve-info";
import type { RowColumns } from "../../services/summaryColumns.js";
import type { RequestContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { onlyServed, selectionsOf } from "../requestedFields.js";
import { EPISODE_SUMMARY_FIELDS } from "../types/episode.js";
import { PERSON_SUMMARY_FIELDS } from "../types/serviceUser.js";

/**
 * What the working lists' resolvers share: turning their ID arguments into database ids, choosing the columns
 * their entries read, and noting the people a page shows for the audit trail. An entry's keyworker and team
 * come from episodeOwners.ts.
 */

/** The database id inside an ID argument of `typeName`, or null when the argument was not given. */
export function localIdArgument(globalId: string | null | undefined, typeName: string, field: string): string | null {
  if (globalId == null) return null;
  const localId = localIdOf(globalId, typeName);
  if (localId === null) throw badUserInput(field, `This is not a ${typeName} ID. Pass an ID from a ${typeName} as it is.`);
  return localId;
}

/** Notes the read of each person shown, for the audit trail (one insert per request). */
export function auditPeopleShown(context: RequestContext, serviceUserIds: Iterable<string>): void {
  for (const id of serviceUserIds) context.readAudit.read("ServiceUser", id, id);
}

/**
 * The columns a page's entries read (services/summaryColumns.ts), from what the document asks of each entry
 * (the selections of its `edges.node`): a summary when it asks no more of the episode and the person than a
 * summary answers.
 */
export function entryColumnsAsked(entries: readonly ResolveTree[]): RowColumns {
  return onlyServed(selectionsOf(entries, "episode"), EPISODE_SUMMARY_FIELDS) && onlyServed(selectionsOf(entries, "serviceUser"), PERSON_SUMMARY_FIELDS) ? "summary" : "all";
}
