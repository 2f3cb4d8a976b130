import { sql } from "drizzle-orm";
import type { Viewer } from "../auth/viewer.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import { localIdOf, toGlobalId } from "../graphql/globalId.js";
import { ensureReferenceData } from "../services/bootstrap.js";
import { createStaffAccount } from "../services/staffAccounts.js";
import { InProcessApi } from "./inProcessApi.js";
import { OPERATIONS } from "./operations.js";
import { DEMO_STAFF, DEMO_TEAMS, demoStaffMember, type StaffKey, type TeamKey } from "./organisation.js";
import { StoryReplay, type Directory } from "./replay.js";
import { demoStories } from "./stories/roster.js";

/** Every demo account signs in with this; it is printed by `waymark seed --demo`, so it guards nothing. */
export const DEMO_PASSWORD = "waymark demo password";

export interface SeedResult {
  readonly skipped: boolean;
  readonly teams: number;
  readonly staff: number;
  readonly people: number;
  readonly emails: readonly string[];
}

async function countOf(database: Database, table: Database["tables"][keyof Database["tables"]]): Promise<number> {
  const [row] = await database.read.select({ count: sql<number>`count(*)` }).from(table as Database["tables"]["staff"]);
  return Number(row?.count ?? 0);
}

function databaseId(globalId: string, type: string): string {
  const id = localIdOf(globalId, type);
  if (id === null) throw new Error(`The API answered a ${type} ID that is not one: ${globalId}`);
  return id;
}

const viewerOf = (member: (typeof DEMO_STAFF)[number], staffId: string, teamIds: readonly string[]): Viewer => ({
  staffId,
  name: member.name,
  email: member.email,
  roles: member.roles,
  teamIds,
  authenticatedBy: "SESSION",
  sessionTokenHash: null,
});

/**
 * The organisation: the admin account first (as `waymark admin create` makes one), then, as that admin
 * through the API, the two teams and the other five accounts.
 */
async function createOrganisation(database: Database, api: InProcessApi, setUpOn: string, now: Date): Promise<Directory> {
  const admin = demoStaffMember("admin");
  const adminId = await database.write((tx) => createStaffAccount(tx, database.tables, { name: admin.name, email: admin.email, roles: admin.roles, teamIds: [], password: DEMO_PASSWORD }, now));
  const adminViewer = viewerOf(admin, adminId, []);
  const teamIds = {} as Record<TeamKey, string>;
  for (const team of DEMO_TEAMS) {
    const { key, ...input } = team;
    teamIds[key] = (await api.mutate<{ team: { id: string } }>("createTeam", OPERATIONS.createTeam, { input }, adminViewer, setUpOn)).team.id;
  }
  // The API takes global IDs; a viewer carries database IDs, as a session would.
  const staffIds = { admin: toGlobalId("StaffMember", adminId) } as Record<StaffKey, string>;
  const viewers = { admin: adminViewer } as Record<StaffKey, Viewer>;
  for (const member of DEMO_STAFF.filter((candidate) => candidate.key !== "admin")) {
    const input = { name: member.name, email: member.email, roles: member.roles, teamIds: member.teams.map((team) => teamIds[team]), password: DEMO_PASSWORD };
    const created = await api.mutate<{ staffMember: { id: string } }>("createStaffMember", OPERATIONS.createStaffMember, { input }, adminViewer, setUpOn);
    staffIds[member.key] = created.staffMember.id;
    viewers[member.key] = viewerOf(member, databaseId(created.staffMember.id, "StaffMember"), member.teams.map((team) => databaseId(teamIds[team], "Team")));
  }
  return { viewers, staffIds, teamIds };
}

/**
 * Fills an empty database with a small, realistic provider (two teams, six staff, about 150 people at every
 * stage of the journey), dated relative to `clock.today()` and the same on every run. Every clinical record
 * is made through Waymark's own GraphQL mutations, so the demo holds nothing the rules would refuse.
 *
 * With `ifEmpty`, a database that already has staff accounts is left alone. Without it, such a database is
 * refused: demo people must never be mixed into a provider's real records.
 */
export async function seedDemoProvider(database: Database, clock: Clock, options: { ifEmpty: boolean }): Promise<SeedResult> {
  const t = database.tables;
  const existingStaff = await countOf(database, t.staff);
  if (existingStaff > 0) {
    if (options.ifEmpty) return { skipped: true, teams: 0, staff: 0, people: 0, emails: [] };
    throw new Error("The demo provider can only be added to an empty database, and this one already has staff accounts. Use --if-empty to skip it quietly.");
  }
  const today = clock.today();
  const stories = demoStories(today);
  const earliest = stories.reduce((first, story) => (story.registeredOn < first ? story.registeredOn : first), today);
  await ensureReferenceData(database, clock.now());
  const api = await InProcessApi.start(database);
  try {
    const directory = await createOrganisation(database, api, earliest, new Date(`${earliest}T08:00:00.000Z`));
    const replay = new StoryReplay(api, directory);
    for (const story of stories) await replay.replay(story);
  } finally {
    await api.stop();
  }
  return { skipped: false, teams: DEMO_TEAMS.length, staff: DEMO_STAFF.length, people: stories.length, emails: DEMO_STAFF.map((member) => member.email) };
}
