import type { RequestContext } from "./context.js";
import { StaffMember, Team } from "./types/organisation.js";

/*
 * An episode's keyworker and team, for the episode itself and for every working list's entries (caseload,
 * review schedule, exceptions), through the request's loaders: a page of fifty entries costs one statement
 * for all their keyworkers and one for all their teams.
 */

/**
 * Keyworkers and teams a working list has already read in this request, by id. A field answered from here is
 * a value, not a promise: a page whose every entry is complete without waiting lets GraphQL finish each entry
 * on the spot, rather than gathering fifty entries' promises and their fields again when they settle.
 */
interface KnownOwners {
  readonly keyworkers: Map<string, StaffMember | null>;
  readonly teams: Map<string, Team>;
}

const knownOwners = new WeakMap<RequestContext, KnownOwners>();

function knownOwnersOf(context: RequestContext): KnownOwners {
  let known = knownOwners.get(context);
  if (!known) knownOwners.set(context, (known = { keyworkers: new Map(), teams: new Map() }));
  return known;
}

/** One keyworker and one team for each entry. */
export interface OwnedEntry {
  readonly keyworkerLocalId: string | null;
  readonly teamLocalId: string;
}

/** Reads the keyworkers and teams of a page's entries before the page is answered (one statement for each). */
export async function readOwnersOf(context: RequestContext, entries: readonly OwnedEntry[]): Promise<void> {
  await Promise.all(entries.flatMap((entry) => [keyworkerOf(entry.keyworkerLocalId, context), teamOf(entry.teamLocalId, context)]));
}

/** An episode's keyworker, or null for an unallocated one. */
export function keyworkerOf(keyworkerLocalId: string | null, context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
  if (keyworkerLocalId === null) return null;
  const { keyworkers } = knownOwnersOf(context);
  const known = keyworkers.get(keyworkerLocalId);
  if (known !== undefined) return known;
  return context.loaders.staffById.load(keyworkerLocalId).then((row) => {
    const keyworker = row ? StaffMember.of(row) : null;
    keyworkers.set(keyworkerLocalId, keyworker);
    return keyworker;
  });
}

/** An episode's team; every episode has one, so a missing row is a broken database, not a user's error. */
export function teamOf(teamLocalId: string, context: RequestContext): Team | Promise<Team> {
  const { teams } = knownOwnersOf(context);
  const known = teams.get(teamLocalId);
  if (known !== undefined) return known;
  return context.loaders.teamById.load(teamLocalId).then((row) => {
    if (!row) throw new Error(`Team ${teamLocalId} of an episode does not exist`);
    const team = Team.of(row);
    teams.set(teamLocalId, team);
    return team;
  });
}
