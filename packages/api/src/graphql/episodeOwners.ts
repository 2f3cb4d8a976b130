import type { RequestContext } from "./context.js";
import { StaffMember, Team } from "./types/organisation.js";

/*
 * An episode's keyworker and team, for the episode itself and for every working list's entries (caseload,
 * review schedule, exceptions), and the staff named on a person's records (who held a contact, delivers an
 * intervention, made an assessment, signed a plan off, completed a review), through the request's loaders: a
 * page of fifty entries costs one statement for all their keyworkers and one for all their teams.
 */

/**
 * Staff and teams a list has already read in this request, by id. A field answered from here is a value, not
 * a promise: a page whose every entry is complete without waiting lets GraphQL finish each entry on the spot,
 * rather than gathering every entry's promises and their fields again when they settle. While a read is on its
 * way, every entry naming the same id waits on that one read, rather than each building the member or team
 * again from the same row.
 */
interface KnownOwners {
  readonly staff: Map<string, StaffMember | null>;
  readonly teams: Map<string, Team>;
  readonly staffOnTheirWay: Map<string, Promise<StaffMember | null>>;
  readonly teamsOnTheirWay: Map<string, Promise<Team>>;
}

const knownOwners = new WeakMap<RequestContext, KnownOwners>();

function knownOwnersOf(context: RequestContext): KnownOwners {
  let known = knownOwners.get(context);
  if (!known) knownOwners.set(context, (known = { staff: new Map(), teams: new Map(), staffOnTheirWay: new Map(), teamsOnTheirWay: new Map() }));
  return known;
}

/** One keyworker and one team for each entry. */
export interface OwnedEntry {
  readonly keyworkerLocalId: string | null;
  readonly teamLocalId: string;
}

/**
 * Reads the keyworkers and teams of a page's entries before the page is answered (one statement for each). A
 * caseload's fifty entries name one keyworker and a team or two: each is asked for once.
 */
export async function readOwnersOf(context: RequestContext, entries: readonly OwnedEntry[]): Promise<void> {
  const keyworkers = new Set<string | null>();
  const teams = new Set<string>();
  for (const entry of entries) {
    keyworkers.add(entry.keyworkerLocalId);
    teams.add(entry.teamLocalId);
  }
  await Promise.all([...[...keyworkers].map((staffLocalId) => keyworkerOf(staffLocalId, context)), ...[...teams].map((teamLocalId) => teamOf(teamLocalId, context))]);
}

/** A member of staff a record names, or null where it names none. */
export function staffNamedOn(staffLocalId: string | null, context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
  if (staffLocalId === null) return null;
  const { staff, staffOnTheirWay } = knownOwnersOf(context);
  const known = staff.get(staffLocalId);
  if (known !== undefined) return known;
  let onItsWay = staffOnTheirWay.get(staffLocalId);
  if (!onItsWay) {
    onItsWay = context.loaders.staffById.load(staffLocalId).then((row) => {
      const member = row ? StaffMember.of(row) : null;
      staff.set(staffLocalId, member);
      return member;
    });
    staffOnTheirWay.set(staffLocalId, onItsWay);
  }
  return onItsWay;
}

/** Reads the staff a list's records name before the list is answered (one statement for all of them). */
export async function readStaffOf(context: RequestContext, staffLocalIds: readonly (string | null)[]): Promise<void> {
  await Promise.all([...new Set(staffLocalIds)].map((staffLocalId) => staffNamedOn(staffLocalId, context)));
}

/** An episode's keyworker, or null for an unallocated one. */
export const keyworkerOf = staffNamedOn;

/** An episode's team; every episode has one, so a missing row is a broken database, not a user's error. */
export function teamOf(teamLocalId: string, context: RequestContext): Team | Promise<Team> {
  const { teams, teamsOnTheirWay } = knownOwnersOf(context);
  const known = teams.get(teamLocalId);
  if (known !== undefined) return known;
  let onItsWay = teamsOnTheirWay.get(teamLocalId);
  if (!onItsWay) {
    onItsWay = context.loaders.teamById.load(teamLocalId).then((row) => {
      if (!row) throw new Error(`Team ${teamLocalId} of an episode does not exist`);
      const team = Team.of(row);
      teams.set(teamLocalId, team);
      return team;
    });
    teamsOnTheirWay.set(teamLocalId, onItsWay);
  }
  return onItsWay;
}
