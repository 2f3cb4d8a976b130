import type { Role } from "../codes/clinical.js";
import { REFERRAL_SOURCES, REFERRAL_URGENCIES } from "../codes/referralSource.js";
import { ROUTES, SUBSTANCES } from "../codes/substance.js";
import { ageOn, isIsoDate, type IsoDate } from "../dates/isoDate.js";
import type { Episode, ProblemSubstance, Referral } from "../records/episode.js";
import type { Team } from "../records/organisation.js";
import { clinicalDateViolations } from "./clinicalDates.js";
import { checkNoOpenEpisode, checkTeamAgeBand, type AgeBandOverrideRequest } from "./eligibility.js";
import { INPUT_CODES } from "./ruleCodes.js";
import { resultOf, violation, violationsOf, type RuleResult, type Violation } from "./violation.js";

/**
 * A person's problem substances: up to three, ranked 1 (main) to 3 without gaps, each substance once, with a
 * plausible age of first use.
 */
export function problemSubstanceViolations(
  substances: readonly ProblemSubstance[],
  dateOfBirth: IsoDate,
  onDate: IsoDate,
): Violation[] {
  const found: Violation[] = [];
  if (substances.length > 3) found.push(violation(INPUT_CODES.invalidValue, "problemSubstances", "Record at most three problem substances."));
  const ranks = substances.map((entry) => entry.rank).sort();
  if (ranks.some((rank, index) => rank !== index + 1)) {
    found.push(violation(INPUT_CODES.invalidValue, "problemSubstances", "Rank the problem substances 1, 2 and 3 in order, the main substance first."));
  }
  if (new Set(substances.map((entry) => entry.substance)).size !== substances.length) {
    found.push(violation(INPUT_CODES.invalidValue, "problemSubstances", "Each problem substance can be recorded once."));
  }
  const age = isIsoDate(dateOfBirth) && isIsoDate(onDate) ? ageOn(dateOfBirth, onDate) : null;
  substances.forEach((entry, index) => {
    if (!SUBSTANCES.includes(entry.substance)) found.push(violation(INPUT_CODES.invalidValue, `problemSubstances.${index}.substance`, "Choose a substance from the list."));
    if (entry.route !== null && !ROUTES.includes(entry.route)) found.push(violation(INPUT_CODES.invalidValue, `problemSubstances.${index}.route`, "Choose a route from the list."));
    if (entry.ageOfFirstUse !== null && !(Number.isInteger(entry.ageOfFirstUse) && entry.ageOfFirstUse >= 1 && (age === null || entry.ageOfFirstUse <= age))) {
      found.push(violation(INPUT_CODES.invalidValue, `problemSubstances.${index}.ageOfFirstUse`, "The age of first use must be a whole number no greater than the person's age now."));
    }
  });
  return found;
}

/**
 * Receiving a referral opens an episode: the person has no other open episode (R-ELIG-2), the team serves
 * their age on the referral date unless a team lead overrides (R-ELIG-1), and the date is a clinical date
 * (R-DATE-1).
 */
export function checkReferral(
  referral: Referral,
  context: {
    readonly team: Pick<Team, "name" | "minAge" | "maxAge">;
    readonly dateOfBirth: IsoDate;
    readonly episodesOfPerson: readonly Episode[];
    readonly ageBandOverride: AgeBandOverrideRequest | null;
    readonly today: IsoDate;
  },
): RuleResult {
  const found: Violation[] = [
    ...clinicalDateViolations("referral.receivedDate", referral.receivedDate, { today: context.today, dateOfBirth: context.dateOfBirth }, "The referral date"),
    ...violationsOf(checkNoOpenEpisode(context.episodesOfPerson)),
  ];
  if (!REFERRAL_SOURCES.includes(referral.source)) found.push(violation(INPUT_CODES.invalidValue, "referral.source", "Choose where the referral came from."));
  if (!REFERRAL_URGENCIES.includes(referral.urgency)) found.push(violation(INPUT_CODES.invalidValue, "referral.urgency", "Choose routine or urgent."));
  if (!referral.reason.trim()) found.push(violation(INPUT_CODES.required, "referral.reason", "Enter the reason for the referral."));
  if (isIsoDate(referral.receivedDate) && isIsoDate(context.dateOfBirth) && referral.receivedDate >= context.dateOfBirth) {
    found.push(...violationsOf(checkTeamAgeBand(context.team, context.dateOfBirth, referral.receivedDate, context.ageBandOverride)));
  }
  return resultOf(found);
}

/** Roles that hold a caseload and may be a keyworker. */
export const KEYWORKER_ROLES: readonly Role[] = ["PRACTITIONER", "TEAM_LEAD"];

/** A keyworker is an active practitioner or team lead of the episode's team. */
export function checkKeyworker(
  keyworker: { readonly active: boolean; readonly roles: readonly Role[]; readonly teamIds: readonly string[] } | null,
  teamId: string,
  field = "keyworkerId",
): RuleResult {
  if (!keyworker) return resultOf([violation(INPUT_CODES.invalidValue, field, "Choose a keyworker from the team.")]);
  if (!keyworker.active) return resultOf([violation(INPUT_CODES.invalidValue, field, "This staff member's account is disabled. Choose an active keyworker.")]);
  if (!keyworker.roles.some((role) => KEYWORKER_ROLES.includes(role))) {
    return resultOf([violation(INPUT_CODES.invalidValue, field, "A keyworker must be a practitioner or team lead.")]);
  }
  if (!keyworker.teamIds.includes(teamId)) return resultOf([violation(INPUT_CODES.invalidValue, field, "The keyworker must belong to the episode's team.")]);
  return resultOf([]);
}
