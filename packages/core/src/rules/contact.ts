import { BBV_STATUSES, CONTACT_KINDS, CONTACT_OUTCOMES, NALOXONE_RECIPIENTS } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { Contact, HarmReductionRecord } from "../records/contact.js";
import { isOpen, type Episode } from "../records/episode.js";
import { clinicalDateViolations } from "./clinicalDates.js";
import { INPUT_CODES } from "./ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

interface EpisodeContext {
  readonly episode: Pick<Episode, "status" | "referral">;
  readonly dateOfBirth: IsoDate;
  readonly today: IsoDate;
}

function openEpisodeViolations(episode: Pick<Episode, "status">, what: string): Violation[] {
  return isOpen(episode) ? [] : [violation(INPUT_CODES.transitionNotAllowed, "episodeId", `This episode is closed: ${what} can no longer be added to it.`)];
}

/**
 * A contact records what happened, so its date is not in the future (R-DATE-1); it belongs to an open
 * episode. Post-treatment check-ups are recorded as aftercare interventions, not contacts.
 */
export function checkContact(input: Omit<Contact, "id" | "episodeId" | "enteredInError">, context: EpisodeContext): RuleResult {
  const found: Violation[] = [
    ...openEpisodeViolations(context.episode, "contacts"),
    ...clinicalDateViolations("date", input.date, { today: context.today, dateOfBirth: context.dateOfBirth, referralDate: context.episode.referral.receivedDate }, "The contact date"),
  ];
  if (!CONTACT_KINDS.includes(input.kind)) found.push(violation(INPUT_CODES.invalidValue, "kind", "Choose the kind of contact."));
  if (!CONTACT_OUTCOMES.includes(input.outcome)) found.push(violation(INPUT_CODES.invalidValue, "outcome", "Choose what happened: attended, did not attend, cancelled or rearranged."));
  if (input.time !== null && !TIME_OF_DAY.test(input.time)) found.push(violation(INPUT_CODES.invalidValue, "time", "Enter the time as hours and minutes, for example 14:30."));
  return resultOf(found);
}

/** Harm-reduction work: at least one thing recorded, from its lists, dated as a clinical date. */
export function checkHarmReduction(input: Omit<HarmReductionRecord, "id" | "episodeId" | "enteredInError">, context: EpisodeContext): RuleResult {
  const found: Violation[] = [
    ...openEpisodeViolations(context.episode, "harm-reduction records"),
    ...clinicalDateViolations("date", input.date, { today: context.today, dateOfBirth: context.dateOfBirth, referralDate: context.episode.referral.receivedDate }, "The date"),
  ];
  if (input.naloxoneIssuedTo !== null && !NALOXONE_RECIPIENTS.includes(input.naloxoneIssuedTo)) {
    found.push(violation(INPUT_CODES.invalidValue, "naloxoneIssuedTo", "Choose who the naloxone was given to."));
  }
  for (const field of ["hepatitisBVaccination", "hepatitisCTest", "hivTest"] as const) {
    if (input[field] !== null && !BBV_STATUSES.includes(input[field])) found.push(violation(INPUT_CODES.invalidValue, field, "Choose offered, accepted, declined or not offered."));
  }
  const nothingRecorded =
    input.naloxoneIssuedTo === null && !input.naloxoneTrainingGiven && input.hepatitisBVaccination === null && input.hepatitisCTest === null && input.hivTest === null;
  if (nothingRecorded) found.push(violation(INPUT_CODES.required, "", "Record at least one thing: naloxone, training, or a blood-borne-virus vaccination or test."));
  return resultOf(found);
}
