import { FOLLOW_UP_CONTACT_KINDS } from "../codes/clinical.js";
import { addDays, addWorkingDays, daysBetween, minDate, type IsoDate } from "../dates/isoDate.js";
import { inForce } from "../records/common.js";
import type { Contact } from "../records/contact.js";
import { isOpen, type Episode } from "../records/episode.js";
import type { ServiceSettings } from "../records/organisation.js";

/**
 * Following up missed appointments and spotting disengagement (R-DNA-1, R-DNA-2).
 *
 * Where DOMAIN is silent these schedules decide:
 * - Contacts are ordered by date, then time, then id. On the DNA's own day a contact counts as coming after
 *   it unless both times are known and the contact's is earlier: a call logged without a time on the day of
 *   a missed appointment was almost certainly made because of it.
 * - A follow-up is the first contact after the DNA that is either an attempt to reach the person (phone,
 *   letter, text or home visit, whatever its outcome) or any contact the person attended: someone seen the
 *   next day needs no chasing. A follow-up made after the deadline still marks the DNA DONE; `followUpDate`
 *   against `dueBy` tells whether it was in time.
 * - The run of consecutive DNAs counts did-not-attends back from the latest contact; a contact the person
 *   attended, cancelled or rearranged ends the run (they were in touch); one the service cancelled neither
 *   counts nor ends it.
 * - "No attended contact for 28 days" is flagged from the 28th day after the last attended contact (or the
 *   referral date) onwards.
 * - Contacts dated after `asOf` are not counted for disengagement.
 */

/** R-DNA-1: the follow-up a did-not-attend calls for, and whether it has been done. */
export interface DnaFollowUp {
  readonly dnaContactId: string;
  readonly episodeId: string;
  readonly dnaDate: IsoDate;
  /** The last working day by which the follow-up is due. */
  readonly dueBy: IsoDate;
  readonly followUpContactId: string | null;
  readonly followUpDate: IsoDate | null;
  readonly status: "DONE" | "DUE" | "OVERDUE";
}

type ContactTiming = Pick<Contact, "id" | "date" | "time">;

/** Orders contacts by date, then time of day (unknown times first), then id. */
export function compareContacts(a: ContactTiming, b: ContactTiming): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.time !== b.time) {
    if (a.time === null) return -1;
    if (b.time === null) return 1;
    return a.time < b.time ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function comesAfter(candidate: ContactTiming, missed: ContactTiming): boolean {
  if (candidate.id === missed.id) return false;
  if (candidate.date !== missed.date) return candidate.date > missed.date;
  return candidate.time === null || missed.time === null || candidate.time >= missed.time;
}

function followsUp(candidate: Contact): boolean {
  return FOLLOW_UP_CONTACT_KINDS.includes(candidate.kind) || candidate.outcome === "ATTENDED";
}

/**
 * R-DNA-1: for each did-not-attend, the follow-up due within `settings.dnaFollowUpWorkingDays` working days
 * (weekends and `settings.bankHolidays` skipped), the contact that followed it up if any, and whether it is
 * done, still due or overdue on `asOf`. Contacts of several episodes may be passed together.
 */
export function dnaFollowUps(contacts: readonly Contact[], settings: ServiceSettings, asOf: IsoDate): DnaFollowUp[] {
  const bankHolidays = new Set(settings.bankHolidays);
  const ordered = inForce(contacts).sort(compareContacts);
  return ordered
    .filter((contact) => contact.outcome === "DID_NOT_ATTEND")
    .map((missed) => {
      const dueBy = addWorkingDays(missed.date, settings.dnaFollowUpWorkingDays, bankHolidays);
      const followUp = ordered.find(
        (candidate) => candidate.episodeId === missed.episodeId && comesAfter(candidate, missed) && followsUp(candidate),
      );
      const status = followUp !== undefined ? "DONE" : asOf <= dueBy ? "DUE" : "OVERDUE";
      return {
        dnaContactId: missed.id,
        episodeId: missed.episodeId,
        dnaDate: missed.date,
        dueBy,
        followUpContactId: followUp?.id ?? null,
        followUpDate: followUp?.date ?? null,
        status,
      };
    });
}

export type DisengagementReason = "CONSECUTIVE_DNAS" | "NO_ATTENDED_CONTACT";

/** R-DNA-2: whether an episode is disengaging, why, and the facts behind it. */
export interface Disengagement {
  readonly disengaging: boolean;
  readonly reasons: readonly DisengagementReason[];
  readonly lastAttendedDate: IsoDate | null;
  readonly consecutiveDnas: number;
  /** The day the episode became disengaging, when it is. */
  readonly since: IsoDate | null;
}

function contactsUpTo(contacts: readonly Contact[], asOf: IsoDate): Contact[] {
  return inForce(contacts)
    .filter((contact) => contact.date <= asOf)
    .sort(compareContacts);
}

function lastAttended(ordered: readonly Contact[]): IsoDate | null {
  return ordered.findLast((contact) => contact.outcome === "ATTENDED")?.date ?? null;
}

/** The did-not-attends since the person was last in touch, oldest first. */
function currentDnaRun(ordered: readonly Contact[]): Contact[] {
  const run: Contact[] = [];
  for (const contact of [...ordered].reverse()) {
    if (contact.outcome === "DID_NOT_ATTEND") run.unshift(contact);
    else if (contact.outcome !== "CANCELLED_BY_SERVICE") break;
  }
  return run;
}

/**
 * R-DNA-1/R-DNA-2: whole days from the last contact the person attended (on or before `asOf`) to `asOf`, or
 * null when they have attended none.
 */
export function daysSinceLastAttendedContact(contacts: readonly Contact[], asOf: IsoDate): number | null {
  const date = lastAttended(contactsUpTo(contacts, asOf));
  return date === null ? null : daysBetween(date, asOf);
}

/**
 * R-DNA-2: an open episode is disengaging after `settings.disengagementConsecutiveDnas` did-not-attends in a
 * row, or when `settings.disengagementDaysWithoutContact` days have passed since the last attended contact
 * (since the referral when there has been none). `contacts` are the episode's own. A closed episode is
 * never disengaging, though its facts are still reported.
 */
export function disengagement(
  episode: Pick<Episode, "status" | "referral">,
  contacts: readonly Contact[],
  settings: ServiceSettings,
  asOf: IsoDate,
): Disengagement {
  const ordered = contactsUpTo(contacts, asOf);
  const lastAttendedDate = lastAttended(ordered);
  const run = currentDnaRun(ordered);
  const facts = { lastAttendedDate, consecutiveDnas: run.length };
  if (!isOpen(episode)) return { disengaging: false, reasons: [], since: null, ...facts };

  const reasons: DisengagementReason[] = [];
  const sinceDates: IsoDate[] = [];
  const runReachedThresholdOn = run[Math.max(settings.disengagementConsecutiveDnas, 1) - 1]?.date;
  if (runReachedThresholdOn !== undefined) {
    reasons.push("CONSECUTIVE_DNAS");
    sinceDates.push(runReachedThresholdOn);
  }
  const noContactFrom = addDays(lastAttendedDate ?? episode.referral.receivedDate, settings.disengagementDaysWithoutContact);
  if (noContactFrom <= asOf) {
    reasons.push("NO_ATTENDED_CONTACT");
    sinceDates.push(noContactFrom);
  }
  const since = sinceDates.reduce<IsoDate | null>((earliest, date) => (earliest === null ? date : minDate(earliest, date)), null);
  return { disengaging: reasons.length > 0, reasons, since, ...facts };
}
