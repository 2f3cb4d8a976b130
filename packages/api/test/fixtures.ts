import { randomUUID } from "node:crypto";
import type { Role } from "@waymark/core";
import type { Database } from "../src/db/database.js";
import { createStaffAccount } from "../src/services/staffAccounts.js";

export const PASSWORD = "correct horse battery staple";

export interface Organisation {
  readonly adultTeamId: string;
  readonly youngPeopleTeamId: string;
  /** Staff emails by the part they play in tests. */
  readonly staff: Record<"admin" | "lead" | "keyworker" | "otherKeyworker" | "youngPeopleKeyworker" | "analyst", { id: string; email: string }>;
}

/**
 * A small provider for tests: an adult team (25+) and a young people's team (11–24), an admin, a team
 * lead and two keyworkers in the adult team, a keyworker in the young people's team, and an analyst.
 */
export async function createOrganisation(database: Database, now = new Date()): Promise<Organisation> {
  const t = database.tables;
  const adultTeamId = randomUUID();
  const youngPeopleTeamId = randomUUID();
  return database.write(async (tx) => {
    await tx.insert(t.teams).values([
      { id: adultTeamId, name: "Adult community team", minAge: 25, maxAge: null, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21, createdAt: now, updatedAt: now },
      { id: youngPeopleTeamId, name: "Young people's team", minAge: 11, maxAge: 24, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21, createdAt: now, updatedAt: now },
    ]);
    const account = async (name: string, email: string, roles: Role[], teamIds: string[]) => ({
      id: await createStaffAccount(tx, t, { name, email, roles, teamIds, password: PASSWORD }, now),
      email,
    });
    return {
      adultTeamId,
      youngPeopleTeamId,
      staff: {
        admin: await account("Ada Admin", "admin@example.org", ["ADMIN"], []),
        lead: await account("Lee Lead", "lead@example.org", ["TEAM_LEAD"], [adultTeamId]),
        keyworker: await account("Kim Keyworker", "kim@example.org", ["PRACTITIONER"], [adultTeamId]),
        otherKeyworker: await account("Omar Other", "omar@example.org", ["PRACTITIONER"], [adultTeamId]),
        youngPeopleKeyworker: await account("Yas Young", "yas@example.org", ["PRACTITIONER"], [youngPeopleTeamId]),
        analyst: await account("Ann Analyst", "ann@example.org", ["ANALYST"], []),
      },
    };
  });
}
