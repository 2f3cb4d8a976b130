/**
 * Who the benchmark signs in as. Both seeds are supported: the synthetic provider (`seed --synthetic`) and
 * the small demo provider (`seed --demo`). The benchmark picks the profile whose analyst account exists in
 * the database, then picks its keyworker and team lead from the data (the busiest keyworker among
 * `keyworkers`, and a team lead of that keyworker's team among `teamLeads`).
 */
export interface AccountProfile {
  readonly name: string;
  readonly password: string;
  readonly analyst: string;
  readonly teamLeads: readonly string[];
  readonly keyworkers: readonly string[];
}

const SYNTHETIC_DOMAIN = "synthetic.waymark.example.org";
const DEMO_DOMAIN = "demo.waymark.example.org";
const twoDigits = (n: number) => String(n).padStart(2, "0");

export const SYNTHETIC_ACCOUNTS: AccountProfile = {
  name: "synthetic",
  password: "waymark synthetic password",
  analyst: `analyst@${SYNTHETIC_DOMAIN}`,
  teamLeads: [1, 2, 3, 4].map((team) => `lead${team}@${SYNTHETIC_DOMAIN}`),
  keyworkers: Array.from({ length: 40 }, (_, index) => `keyworker${twoDigits(index + 1)}@${SYNTHETIC_DOMAIN}`),
};

export const DEMO_ACCOUNTS: AccountProfile = {
  name: "demo",
  password: "waymark demo password",
  analyst: `analyst@${DEMO_DOMAIN}`,
  teamLeads: [`lead@${DEMO_DOMAIN}`],
  keyworkers: ["dan", "aisha", "tom"].map((name) => `${name}@${DEMO_DOMAIN}`),
};

export const ACCOUNT_PROFILES: readonly AccountProfile[] = [SYNTHETIC_ACCOUNTS, DEMO_ACCOUNTS];
