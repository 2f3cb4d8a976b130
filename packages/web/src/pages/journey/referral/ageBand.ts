import { ageOn, isIsoDate, teamServesAge, type IsoDate } from "@waymark/core";
import type { ReferralTeam } from "./referralDocuments.js";

/** The ages a team serves, in words: "aged 11 to 24", "aged 25 and over". */
export function ageBandText(team: Pick<ReferralTeam, "minAge" | "maxAge">): string {
  if (team.minAge !== null && team.maxAge !== null) return `aged ${team.minAge} to ${team.maxAge}`;
  if (team.minAge !== null) return `aged ${team.minAge} and over`;
  if (team.maxAge !== null) return `aged up to ${team.maxAge}`;
  return "of all ages";
}

/**
 * The person's age on the referral date when the team does not serve it (R-ELIG-1), or null when it does or
 * the date is not yet a real date. Used to offer the override in time; the server's answer decides.
 */
export function ageOutsideBand(team: ReferralTeam | undefined, dateOfBirth: IsoDate, referralDate: IsoDate | null): number | null {
  if (!team || !isIsoDate(referralDate) || referralDate < dateOfBirth) return null;
  const age = ageOn(dateOfBirth, referralDate);
  return teamServesAge(team, age) ? null : age;
}
