import type { Role } from "../codes/clinical.js";
import { formatUkDate } from "../dates/displayDate.js";
import { ageOn, type IsoDate } from "../dates/isoDate.js";
import { inForce } from "../records/common.js";
import { isOpen, type Episode } from "../records/episode.js";
import type { Team } from "../records/organisation.js";
import { RULE_CODES } from "./ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult } from "./violation.js";

/** True when the team serves a person of this age; either end of the band may be open. */
export function teamServesAge(team: Pick<Team, "minAge" | "maxAge">, age: number): boolean {
  return (team.minAge === null || age >= team.minAge) && (team.maxAge === null || age <= team.maxAge);
}

function describeBand(team: Pick<Team, "name" | "minAge" | "maxAge">): string {
  if (team.minAge !== null && team.maxAge !== null) return `${team.name} serves people aged ${team.minAge} to ${team.maxAge}`;
  if (team.minAge !== null) return `${team.name} serves people aged ${team.minAge} and over`;
  if (team.maxAge !== null) return `${team.name} serves people aged up to ${team.maxAge}`;
  return `${team.name} serves all ages`;
}

export interface AgeBandOverrideRequest {
  readonly reason: string | null;
  readonly requestedByRoles: readonly Role[];
}

/**
 * R-ELIG-1: the episode's team must serve the person's age on the referral date. The age bands are a team
 * setting because services draw the line between young people's and adult services differently (24 or 25).
 * A team lead may accept the referral anyway with a recorded reason.
 */
export function checkTeamAgeBand(
  team: Pick<Team, "name" | "minAge" | "maxAge">,
  dateOfBirth: IsoDate,
  referralDate: IsoDate,
  override: AgeBandOverrideRequest | null = null,
): RuleResult {
  const age = ageOn(dateOfBirth, referralDate);
  if (teamServesAge(team, age)) return ACCEPTED;
  const code = RULE_CODES["R-ELIG-1"];
  if (override === null) {
    return resultOf([
      violation(code, "teamId", `The person is ${age} on the referral date and ${describeBand(team)}. Choose the team for their age, or ask a team lead to accept the referral with a reason.`),
    ]);
  }
  if (!override.requestedByRoles.includes("TEAM_LEAD")) {
    return resultOf([violation(code, "ageBandOverride", "Only a team lead can accept a referral outside the team's age band.")]);
  }
  if (!override.reason?.trim()) {
    return resultOf([violation(code, "ageBandOverride.reason", "Give the reason for accepting a referral outside the team's age band.")]);
  }
  return ACCEPTED;
}

/** R-ELIG-2: a person has at most one open episode at a time. */
export function checkNoOpenEpisode(episodesOfPerson: readonly Episode[]): RuleResult {
  const open = inForce(episodesOfPerson).find(isOpen);
  if (!open) return ACCEPTED;
  return resultOf([
    violation(
      RULE_CODES["R-ELIG-2"],
      "serviceUserId",
      `This person already has an open episode (referred ${formatUkDate(open.referral.receivedDate)}). Add to that episode, or discharge it before a new referral.`,
    ),
  ]);
}
