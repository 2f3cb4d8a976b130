import type { Role } from "@waymark/core";

/**
 * The synthetic provider's organisation: four teams of ten keyworkers each, a lead per team, an admin and an
 * analyst. Every account signs in with SYNTHETIC_PASSWORD, printed by the seed, so it guards nothing: a
 * synthetic database is for measuring, never for real records.
 */
export const SYNTHETIC_PASSWORD = "waymark synthetic password";
export const SYNTHETIC_EMAIL_DOMAIN = "synthetic.waymark.example.org";
export const KEYWORKERS_PER_TEAM = 10;

export interface SyntheticTeam {
  readonly number: number;
  readonly name: string;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  /** Share of referrals this team receives. */
  readonly share: number;
}

export const SYNTHETIC_TEAMS: readonly SyntheticTeam[] = [
  { number: 1, name: "North Adult Recovery Team", minAge: 18, maxAge: null, share: 0.31 },
  { number: 2, name: "South Adult Recovery Team", minAge: 18, maxAge: null, share: 0.31 },
  { number: 3, name: "Criminal Justice Team", minAge: 18, maxAge: null, share: 0.28 },
  { number: 4, name: "Young People's Service", minAge: 11, maxAge: 24, share: 0.1 },
];

export interface SyntheticAccount {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Team numbers (1–4). */
  readonly teams: readonly number[];
}

const email = (local: string) => `${local}@${SYNTHETIC_EMAIL_DOMAIN}`;
const pad = (value: number) => String(value).padStart(2, "0");

/** Every account, keyworkers numbered 01–40 with 01–10 in team 1, 11–20 in team 2 and so on. */
export function syntheticAccounts(): SyntheticAccount[] {
  const accounts: SyntheticAccount[] = [
    { email: email("admin"), name: "Synthetic Admin", roles: ["ADMIN"], teams: [] },
    { email: email("analyst"), name: "Synthetic Analyst", roles: ["ANALYST"], teams: [] },
  ];
  for (const team of SYNTHETIC_TEAMS) {
    accounts.push({ email: email(`lead${team.number}`), name: `Team Lead ${team.number}`, roles: ["TEAM_LEAD"], teams: [team.number] });
  }
  for (let number = 1; number <= SYNTHETIC_TEAMS.length * KEYWORKERS_PER_TEAM; number += 1) {
    const team = Math.ceil(number / KEYWORKERS_PER_TEAM);
    accounts.push({ email: email(`keyworker${pad(number)}`), name: `Keyworker ${pad(number)}`, roles: ["PRACTITIONER"], teams: [team] });
  }
  return accounts;
}
