import { INPUT_CODES, type Violation } from "@waymark/core";
import { TEXT_LIMITS } from "../graphql/mutations.js";

/** The bounds a team's settings must stay within: wide enough for any real service, narrow enough to catch typos. */
export const TEAM_LIMITS = {
  age: { min: 0, max: 120 },
  reviewIntervalWeeks: { min: 1, max: 52 },
  waitingTimeTargetDays: { min: 1, max: 365 },
  nameLength: TEXT_LIMITS.short,
} as const;

/** A team's details as they will be saved. */
export interface TeamDetails {
  readonly name: string;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly reviewIntervalWeeks: number;
  readonly waitingTimeTargetDays: number;
}

function outsideRange(field: string, value: number | null, range: { readonly min: number; readonly max: number }, what: string): Violation[] {
  if (value === null || (Number.isInteger(value) && value >= range.min && value <= range.max)) return [];
  return [{ code: INPUT_CODES.invalidValue, field, message: `${what} must be a whole number from ${range.min} to ${range.max}.` }];
}

/**
 * The checks on a team before it is created or changed. `nameTaken` says whether another team already has
 * this name (compared without regard to case, so "Adult Team" and "adult team" cannot both exist).
 */
export function checkTeam(team: TeamDetails, nameTaken: boolean): Violation[] {
  const found: Violation[] = [];
  const name = team.name.trim();
  if (!name) found.push({ code: INPUT_CODES.required, field: "name", message: "Enter the team's name." });
  else if (name.length > TEAM_LIMITS.nameLength) found.push({ code: INPUT_CODES.tooLong, field: "name", message: `This is ${name.length} characters long; the most allowed is ${TEAM_LIMITS.nameLength}.` });
  else if (nameTaken) found.push({ code: INPUT_CODES.invalidValue, field: "name", message: "Another team already has this name. Choose a name people can tell apart." });
  found.push(...outsideRange("minAge", team.minAge, TEAM_LIMITS.age, "The youngest age served"));
  found.push(...outsideRange("maxAge", team.maxAge, TEAM_LIMITS.age, "The oldest age served"));
  if (found.every((violation) => violation.field !== "minAge" && violation.field !== "maxAge") && team.minAge !== null && team.maxAge !== null && team.minAge > team.maxAge) {
    found.push({ code: INPUT_CODES.invalidValue, field: "maxAge", message: `The oldest age served (${team.maxAge}) is below the youngest (${team.minAge}).` });
  }
  found.push(...outsideRange("reviewIntervalWeeks", team.reviewIntervalWeeks, TEAM_LIMITS.reviewIntervalWeeks, "The review interval in weeks"));
  found.push(...outsideRange("waitingTimeTargetDays", team.waitingTimeTargetDays, TEAM_LIMITS.waitingTimeTargetDays, "The waiting-time target in days"));
  return found;
}
