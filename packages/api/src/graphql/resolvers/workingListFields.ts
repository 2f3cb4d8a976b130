import type { RequestContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { StaffMember, Team } from "../types/organisation.js";

/**
 * What the working lists' resolvers share: turning their ID arguments into database ids, and loading an
 * entry's keyworker and team through the request's loaders, so a page of fifty entries costs one
 * statement for all their keyworkers and one for all their teams.
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

/** An entry's keyworker, or null for an unallocated episode. */
export async function keyworkerOf(keyworkerLocalId: string | null, context: RequestContext): Promise<StaffMember | null> {
  if (keyworkerLocalId === null) return null;
  const row = await context.loaders.staffById.load(keyworkerLocalId);
  return row ? StaffMember.of(row) : null;
}

/** An entry's team; every episode has one, so a missing row is a broken database, not a user's error. */
export async function teamOf(teamLocalId: string, context: RequestContext): Promise<Team> {
  const row = await context.loaders.teamById.load(teamLocalId);
  if (!row) throw new Error(`Team ${teamLocalId} of a listed episode does not exist`);
  return Team.of(row);
}
