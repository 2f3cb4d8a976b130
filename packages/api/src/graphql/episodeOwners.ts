import type { RequestContext } from "./context.js";
import { StaffMember, Team } from "./types/organisation.js";

/*
 * An episode's keyworker and team, for the episode itself and for every working list's entries (caseload,
 * review schedule, exceptions), and the staff named on a person's records (who held a contact, delivers an
 * intervention, made an assessment, signed a plan off, completed a review), through the request's loaders: a
 * page of fifty entries costs one statement for all their keyworkers and one for all their teams.
 */

/**
 * Values of one kind a request has read, by id. A field answered from here is a value, not a promise: a page
 * whose every entry is complete without waiting lets GraphQL finish each entry on the spot, rather than
 * gathering every entry's promises and their fields again when they settle. While a read is on its way, every
 * entry naming the same id waits on that one read, rather than each building the value again from the same row.
 */
class ReadInThisRequest<Value> {
  private readonly known = new Map<string, Value>();
  private readonly onTheirWay = new Map<string, Promise<Value>>();

  /** The value of `id`: known already, on its way, or read now with `read`. `Value` never includes undefined. */
  get(id: string, read: () => Promise<Value>): Value | Promise<Value> {
    const known = this.known.get(id);
    if (known !== undefined) return known;
    let onItsWay = this.onTheirWay.get(id);
    if (!onItsWay) {
      onItsWay = read().then((value) => {
        this.known.set(id, value);
        return value;
      });
      this.onTheirWay.set(id, onItsWay);
    }
    return onItsWay;
  }
}

interface KnownOwners {
  readonly staff: ReadInThisRequest<StaffMember | null>;
  readonly teams: ReadInThisRequest<Team>;
}

const knownOwners = new WeakMap<RequestContext, KnownOwners>();

function knownOwnersOf(context: RequestContext): KnownOwners {
  let known = knownOwners.get(context);
  if (!known) knownOwners.set(context, (known = { staff: new ReadInThisRequest(), teams: new ReadInThisRequest() }));
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
  const keyworkers = new Set(entries.map((entry) => entry.keyworkerLocalId));
  const teams = new Set(entries.map((entry) => entry.teamLocalId));
  await Promise.all([readStaffOf(context, [...keyworkers]), ...[...teams].map((teamLocalId) => teamOf(teamLocalId, context))]);
}

/** A member of staff a record names, or null where it names none. */
export function staffNamedOn(staffLocalId: string | null, context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
  if (staffLocalId === null) return null;
  return knownOwnersOf(context).staff.get(staffLocalId, async () => {
    const row = await context.loaders.staffById.load(staffLocalId);
    return row ? StaffMember.of(row) : null;
  });
}

/** Reads the staff a list's records name before the list is answered (one statement for all of them). */
export async function readStaffOf(context: RequestContext, staffLocalIds: readonly (string | null)[]): Promise<void> {
  await Promise.all([...new Set(staffLocalIds)].map((staffLocalId) => staffNamedOn(staffLocalId, context)));
}

/** An episode's keyworker, or null for an unallocated one. */
export const keyworkerOf = staffNamedOn;

/** An episode's team; every episode has one, so a missing row is a broken database, not a user's error. */
export function teamOf(teamLocalId: string, context: RequestContext): Team | Promise<Team> {
  return knownOwnersOf(context).teams.get(teamLocalId, async () => {
    const row = await context.loaders.teamById.load(teamLocalId);
    if (!row) throw new Error(`Team ${teamLocalId} of an episode does not exist`);
    return Team.of(row);
  });
}
