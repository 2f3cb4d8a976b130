import type { Role } from "@waymark/core";

/**
 * The demo provider's teams and staff. Two teams with different age bands so eligibility (R-ELIG-1) shows;
 * six accounts, one per part a person plays in the product, so a visitor can sign in as each.
 */
export type TeamKey = "adults" | "youngPeople";
export type StaffKey = "admin" | "lead" | "adultKeyworker" | "adultKeyworker2" | "youngPeopleKeyworker" | "analyst";

export interface DemoTeam {
  readonly key: TeamKey;
  readonly name: string;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly reviewIntervalWeeks: number;
  readonly waitingTimeTargetDays: number;
}

export interface DemoStaffMember {
  readonly key: StaffKey;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly teams: readonly TeamKey[];
  /** What the account is for, printed next to its email so a visitor knows whom to sign in as. */
  readonly part: string;
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { key: "adults", name: "Southampton Adult Recovery Service", minAge: 25, maxAge: null, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21 },
  { key: "youngPeople", name: "Southampton Young People's Service", minAge: 11, maxAge: 24, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21 },
];

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  { key: "admin", name: "Helen Marsh", email: "admin@demo.waymark.example.org", roles: ["ADMIN"], teams: [], part: "admin" },
  { key: "lead", name: "Rachel Osei", email: "lead@demo.waymark.example.org", roles: ["TEAM_LEAD"], teams: ["adults", "youngPeople"], part: "team lead, both teams" },
  { key: "adultKeyworker", name: "Dan Whitfield", email: "dan@demo.waymark.example.org", roles: ["PRACTITIONER"], teams: ["adults"], part: "keyworker, adult team" },
  { key: "adultKeyworker2", name: "Aisha Rahman", email: "aisha@demo.waymark.example.org", roles: ["PRACTITIONER"], teams: ["adults"], part: "keyworker, adult team" },
  { key: "youngPeopleKeyworker", name: "Tom Brennan", email: "tom@demo.waymark.example.org", roles: ["PRACTITIONER"], teams: ["youngPeople"], part: "keyworker, young people's team" },
  { key: "analyst", name: "Chris Lowe", email: "analyst@demo.waymark.example.org", roles: ["ANALYST"], teams: [], part: "analyst" },
];

/** The demo account playing `key`. */
export function demoStaffMember(key: StaffKey): DemoStaffMember {
  const member = DEMO_STAFF.find((candidate) => candidate.key === key);
  if (!member) throw new Error(`No demo staff member ${key}`);
  return member;
}

/** The keyworkers of each team, in the order caseloads are shared out. */
export const KEYWORKERS: Record<TeamKey, readonly StaffKey[]> = {
  adults: ["adultKeyworker", "adultKeyworker2", "adultKeyworker", "adultKeyworker2", "lead"],
  youngPeople: ["youngPeopleKeyworker", "youngPeopleKeyworker", "lead"],
};
