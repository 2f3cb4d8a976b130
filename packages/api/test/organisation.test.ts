import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { PASSWORD, type Organisation } from "./fixtures.js";
import type { GraphQLResult } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

interface UserErrors {
  userErrors: { code: string; field: string; message: string }[];
}
interface TeamShape {
  id: string;
  name: string;
  minAge: number | null;
  maxAge: number | null;
  reviewIntervalWeeks: number;
  waitingTimeTargetDays: number;
  version: number;
}
interface StaffShape {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
  version: number;
  teams: { name: string }[];
}

const TEAM_FIELDS = `id name minAge maxAge reviewIntervalWeeks waitingTimeTargetDays version`;
const STAFF_FIELDS = `id name email roles active version teams { name }`;

const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { team { ${TEAM_FIELDS} } userErrors { code field message } } }`;
const UPDATE_TEAM = `mutation ($input: UpdateTeamInput!) { updateTeam(input: $input) { team { ${TEAM_FIELDS} } userErrors { code field message } } }`;
const CREATE_STAFF = `mutation ($input: CreateStaffMemberInput!) {
  createStaffMember(input: $input) { staffMember { ${STAFF_FIELDS} } oneTimePassword userErrors { code field message } } }`;
const UPDATE_STAFF = `mutation ($input: UpdateStaffMemberInput!) {
  updateStaffMember(input: $input) { staffMember { ${STAFF_FIELDS} } oneTimePassword userErrors { code field message } } }`;
const STAFF_LIST = `query ($first: Int, $after: String, $filter: StaffFilter, $orderBy: [StaffOrder!]) {
  staff(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${STAFF_FIELDS} } } } }`;

type CreateTeamResult = GraphQLResult<{ createTeam: { team: TeamShape | null } & UserErrors }>;
type UpdateTeamResult = GraphQLResult<{ updateTeam: { team: TeamShape | null } & UserErrors }>;
type CreateStaffResult = GraphQLResult<{ createStaffMember: { staffMember: StaffShape | null; oneTimePassword: string | null } & UserErrors }>;
type UpdateStaffResult = GraphQLResult<{ updateStaffMember: { staffMember: StaffShape | null; oneTimePassword: string | null } & UserErrors }>;
type StaffListResult = GraphQLResult<{ staff: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: StaffShape }[] } }>;

const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

describeEachDialect("organisation: teams and staff accounts", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin", "lead", "keyworker", "analyst"] });
  let adultTeam: string;
  let youngPeopleTeam: string;
  const staffGlobalId = (role: keyof Organisation["staff"]) => toGlobalId("StaffMember", api.organisation.staff[role].id);

  beforeAll(() => {
    adultTeam = toGlobalId("Team", api.organisation.adultTeamId);
    youngPeopleTeam = toGlobalId("Team", api.organisation.youngPeopleTeamId);
  });

  async function rowCount(table: "teams" | "staff" | "auditEvents" | "sessions"): Promise<number> {
    const t = api.server.database.tables;
    return (await api.server.database.read.select().from(t[table])).length;
  }

  async function auditEventsFor(recordType: string, localId: string) {
    const t = api.server.database.tables;
    return api.server.database.read
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.recordType, recordType), eq(t.auditEvents.recordId, localId)));
  }

  async function createTeam(input: Record<string, unknown>): Promise<TeamShape> {
    const result: CreateTeamResult = await api.admin.request(CREATE_TEAM, { input });
    const team = result.data?.createTeam.team;
    if (!team) throw new Error(`createTeam refused: ${JSON.stringify(result.errors ?? result.data?.createTeam.userErrors)}`);
    return team;
  }

  async function createStaff(input: Record<string, unknown>): Promise<StaffShape & { oneTimePassword: string | null }> {
    const result: CreateStaffResult = await api.admin.request(CREATE_STAFF, { input });
    const payload = result.data?.createStaffMember;
    if (!payload?.staffMember) throw new Error(`createStaffMember refused: ${JSON.stringify(result.errors ?? payload?.userErrors)}`);
    return { ...payload.staffMember, oneTimePassword: payload.oneTimePassword };
  }

  const localIdOfGlobal = (globalId: string) => Buffer.from(globalId, "base64url").toString("utf8").split(":")[1]!;

  describe("teams", () => {
    it("lists every team by name to any signed-in user, and refuses anyone signed out", async () => {
      for (const client of [api.admin, api.lead, api.keyworker, api.analyst]) {
        const result = await client.request<{ teams: { name: string }[] }>(`query { teams { name } }`);
        const names = result.data!.teams.map((team) => team.name);
        expect(names).toContain("Adult community team");
        expect(names).toContain("Young people's team");
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      }
      expect(codeOf(await api.server.client().request(`query { teams { name } }`))).toBe("UNAUTHENTICATED");
    });

    it("lets an admin create a team with the default review interval and waiting-time target, audited", async () => {
      const team = await createTeam({ name: "Criminal justice team", minAge: 18 });
      expect(team).toMatchObject({ name: "Criminal justice team", minAge: 18, maxAge: null, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21, version: 1 });
      const events = await auditEventsFor("Team", localIdOfGlobal(team.id));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "CREATE", actorId: api.organisation.staff.admin.id });
    });

    it("refuses createTeam to anyone but an admin with FORBIDDEN, writing nothing", async () => {
      const before = await rowCount("teams");
      for (const client of [api.lead, api.keyworker, api.analyst]) {
        const result = await client.request(CREATE_TEAM, { input: { name: "Shadow team" } });
        expect(codeOf(result)).toBe("FORBIDDEN");
      }
      expect(await rowCount("teams")).toBe(before);
    });

    it("refuses a team name already in use, ignoring case, and writes nothing", async () => {
      const teamsBefore = await rowCount("teams");
      const auditBefore = await rowCount("auditEvents");
      const result: CreateTeamResult = await api.admin.request(CREATE_TEAM, { input: { name: "  adult COMMUNITY team " } });
      expect(result.data?.createTeam.team).toBeNull();
      expect(result.data?.createTeam.userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "name" })]);
      expect(await rowCount("teams")).toBe(teamsBefore);
      expect(await rowCount("auditEvents")).toBe(auditBefore);
    });

    it("refuses ages outside 0..120, a minimum above the maximum, and schedule settings out of range", async () => {
      const before = await rowCount("teams");
      const outOfRange: CreateTeamResult = await api.admin.request(CREATE_TEAM, {
        input: { name: "Out of range", minAge: -1, maxAge: 121, reviewIntervalWeeks: 53, waitingTimeTargetDays: 0 },
      });
      expect(outOfRange.data?.createTeam.userErrors.map((error) => [error.code, error.field])).toEqual([
        ["INVALID_VALUE", "minAge"],
        ["INVALID_VALUE", "maxAge"],
        ["INVALID_VALUE", "reviewIntervalWeeks"],
        ["INVALID_VALUE", "waitingTimeTargetDays"],
      ]);
      const inverted: CreateTeamResult = await api.admin.request(CREATE_TEAM, { input: { name: "Inverted", minAge: 30, maxAge: 20, reviewIntervalWeeks: 0, waitingTimeTargetDays: 366 } });
      expect(inverted.data?.createTeam.userErrors.map((error) => error.field)).toEqual(["maxAge", "reviewIntervalWeeks", "waitingTimeTargetDays"]);
      const blank: CreateTeamResult = await api.admin.request(CREATE_TEAM, { input: { name: "   " } });
      expect(blank.data?.createTeam.userErrors).toEqual([expect.objectContaining({ code: "REQUIRED", field: "name" })]);
      const long: CreateTeamResult = await api.admin.request(CREATE_TEAM, { input: { name: "x".repeat(201) } });
      expect(long.data?.createTeam.userErrors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "name" })]);
      expect(await rowCount("teams")).toBe(before);
    });

    it("accepts the edges of every range", async () => {
      const team = await createTeam({ name: "Edges", minAge: 0, maxAge: 0, reviewIntervalWeeks: 52, waitingTimeTargetDays: 365 });
      expect(team).toMatchObject({ minAge: 0, maxAge: 0, reviewIntervalWeeks: 52, waitingTimeTargetDays: 365 });
      const other = await createTeam({ name: "Other edges", minAge: 120, maxAge: 120, reviewIntervalWeeks: 1, waitingTimeTargetDays: 1 });
      expect(other).toMatchObject({ minAge: 120, maxAge: 120, reviewIntervalWeeks: 1, waitingTimeTargetDays: 1 });
    });

    it("updates a team, bumping its version, leaving fields not given alone and clearing an age limit given as null", async () => {
      const team = await createTeam({ name: "Alcohol team", minAge: 18, maxAge: 65 });
      const result: UpdateTeamResult = await api.admin.request(UPDATE_TEAM, { input: { id: team.id, version: 1, maxAge: null, reviewIntervalWeeks: 8 } });
      expect(result.data?.updateTeam.userErrors).toEqual([]);
      expect(result.data?.updateTeam.team).toMatchObject({ name: "Alcohol team", minAge: 18, maxAge: null, reviewIntervalWeeks: 8, waitingTimeTargetDays: 21, version: 2 });
      const events = await auditEventsFor("Team", localIdOfGlobal(team.id));
      expect(events.map((event) => event.action)).toEqual(["CREATE", "UPDATE"]);
      expect(events[1]?.detail).toEqual({ changes: { maxAge: { from: 65, to: null }, reviewIntervalWeeks: { from: 12, to: 8 } } });
    });

    it("refuses an update based on a stale version with STALE_VERSION, changing nothing", async () => {
      const team = await createTeam({ name: "Stale team" });
      await api.admin.request(UPDATE_TEAM, { input: { id: team.id, version: 1, name: "Fresh team" } });
      const stale: UpdateTeamResult = await api.admin.request(UPDATE_TEAM, { input: { id: team.id, version: 1, name: "Overwritten team" } });
      expect(stale.data?.updateTeam.userErrors).toEqual([expect.objectContaining({ code: "STALE_VERSION", field: "version" })]);
      const reread = await api.admin.request<{ node: TeamShape }>(`query ($id: ID!) { node(id: $id) { ... on Team { ${TEAM_FIELDS} } } }`, { id: team.id });
      expect(reread.data?.node).toMatchObject({ name: "Fresh team", version: 2 });
    });

    it("refuses renaming a team to another team's name, and answers NOT_FOUND for an unknown team", async () => {
      const team = await createTeam({ name: "Rename me" });
      const clash: UpdateTeamResult = await api.admin.request(UPDATE_TEAM, { input: { id: team.id, name: "Young people's team" } });
      expect(clash.data?.updateTeam.userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "name" })]);
      const sameNameOwnTeam: UpdateTeamResult = await api.admin.request(UPDATE_TEAM, { input: { id: team.id, name: "RENAME ME" } });
      expect(sameNameOwnTeam.data?.updateTeam.team?.name).toBe("RENAME ME");
      expect(codeOf(await api.admin.request(UPDATE_TEAM, { input: { id: toGlobalId("Team", "no-such-team"), name: "x" } }))).toBe("NOT_FOUND");
      expect(codeOf(await api.lead.request(UPDATE_TEAM, { input: { id: adultTeam, name: "Lead's team" } }))).toBe("FORBIDDEN");
    });

    it("shows a team's members to an admin and to its team lead, and refuses them for other teams and to analysts", async () => {
      const query = `query ($id: ID!) { node(id: $id) { ... on Team { name members { name } } } }`;
      const asAdmin = await api.admin.request<{ node: { members: { name: string }[] } }>(query, { id: youngPeopleTeam });
      expect(asAdmin.data?.node.members.map((member) => member.name)).toEqual(["Yas Young"]);
      const asLead = await api.lead.request<{ node: { members: { name: string }[] } }>(query, { id: adultTeam });
      expect(asLead.data?.node.members.map((member) => member.name)).toEqual(["Kim Keyworker", "Lee Lead", "Omar Other"]);
      const otherTeam = await api.lead.request<{ node: { members: unknown } }>(query, { id: youngPeopleTeam });
      expect(otherTeam.data?.node.members).toBeNull();
      expect(codeOf(otherTeam)).toBe("FORBIDDEN");
      expect(codeOf(await api.analyst.request(query, { id: adultTeam }))).toBe("FORBIDDEN");
    });
  });

  describe("the staff list", () => {
    it("shows an admin every account, paged with cursors that cover the list once", async () => {
      const all: StaffListResult = await api.admin.request(STAFF_LIST, { first: 100 });
      const total = all.data!.staff.totalCount;
      expect(total).toBe(all.data!.staff.edges.length);
      expect(all.data!.staff.edges.map((edge) => edge.node.email)).toEqual(expect.arrayContaining(Object.values(api.organisation.staff).map((member) => member.email)));
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: StaffListResult = await api.admin.request(STAFF_LIST, { first: 2, after });
        expect(page.data!.staff.totalCount).toBe(total);
        seen.push(...page.data!.staff.edges.map((edge) => edge.node.id));
        if (!page.data!.staff.pageInfo.hasNextPage) break;
        after = page.data!.staff.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.data!.staff.edges.map((edge) => edge.node.id));
    });

    it("sorts by name by default and by any ordering asked for", async () => {
      const byName: StaffListResult = await api.admin.request(STAFF_LIST, { first: 100 });
      const names = byName.data!.staff.edges.map((edge) => edge.node.name.toLowerCase());
      expect(names).toEqual([...names].sort());
      const byEmailDesc: StaffListResult = await api.admin.request(STAFF_LIST, { first: 100, orderBy: [{ field: "EMAIL", direction: "DESC" }] });
      const emails = byEmailDesc.data!.staff.edges.map((edge) => edge.node.email);
      expect(emails).toEqual([...emails].sort().reverse());
    });

    it("shows a team lead the members of their own teams only", async () => {
      const result: StaffListResult = await api.lead.request(STAFF_LIST, { first: 100, filter: { active: true } });
      const names = result.data!.staff.edges.map((edge) => edge.node.name);
      expect(names).toEqual(expect.arrayContaining(["Kim Keyworker", "Lee Lead", "Omar Other"]));
      expect(names).not.toContain("Yas Young");
      expect(names).not.toContain("Ada Admin");
      expect(names).not.toContain("Ann Analyst");
    });

    it("shows a practitioner the active members of their own teams, for keyworker pickers, and no disabled accounts", async () => {
      const leaver = await createStaff({ name: "Lou Leaver", email: "lou@example.org", roles: ["PRACTITIONER"], teamIds: [adultTeam], password: PASSWORD });
      await api.admin.request(UPDATE_STAFF, { input: { id: leaver.id, active: false } });
      const result: StaffListResult = await api.keyworker.request(STAFF_LIST, { first: 100 });
      const names = result.data!.staff.edges.map((edge) => edge.node.name);
      expect(names).toEqual(expect.arrayContaining(["Kim Keyworker", "Lee Lead", "Omar Other"]));
      expect(names).not.toContain("Lou Leaver");
      expect(names).not.toContain("Yas Young");
      const asLead: StaffListResult = await api.lead.request(STAFF_LIST, { first: 100, filter: { active: false } });
      expect(asLead.data!.staff.edges.map((edge) => edge.node.name)).toContain("Lou Leaver");
    });

    it("refuses the staff list to an analyst with FORBIDDEN", async () => {
      const result = await api.analyst.request(STAFF_LIST, { first: 10 });
      expect(codeOf(result)).toBe("FORBIDDEN");
      expect(result.data).toBeNull();
    });

    it("filters by role, team, name and active, and combines filters with or", async () => {
      const emailsOf = async (filter: unknown) => {
        const result: StaffListResult = await api.admin.request(STAFF_LIST, { first: 100, filter });
        if (!result.data) throw new Error(JSON.stringify(result.errors));
        return result.data.staff.edges.map((edge) => edge.node.email).sort();
      };
      expect(await emailsOf({ role: { eq: "ANALYST" } })).toEqual(["ann@example.org"]);
      expect(await emailsOf({ teamId: { eq: youngPeopleTeam } })).toEqual(["yas@example.org"]);
      expect(await emailsOf({ name: { contains: "OMAR" } })).toEqual(["omar@example.org"]);
      expect(await emailsOf({ or: [{ role: { eq: "TEAM_LEAD" } }, { teamId: { eq: youngPeopleTeam } }] })).toEqual(["lead@example.org", "yas@example.org"]);
      expect(await emailsOf({ teamId: { in: [adultTeam] }, role: { in: ["TEAM_LEAD", "ADMIN"] } })).toEqual(["lead@example.org"]);
      expect(await emailsOf({ teamId: { isNull: true }, role: { in: ["ADMIN", "ANALYST"] }, active: true })).toEqual(expect.arrayContaining(["admin@example.org", "ann@example.org"]));
      expect(await emailsOf({ name: { contains: "%" } })).toEqual([]);
    });

    it("lists a staff member's teams and fetches staff through node only within the viewer's scope", async () => {
      const query = `query ($id: ID!) { node(id: $id) { ... on StaffMember { name teams { name } } } }`;
      const asAdmin = await api.admin.request<{ node: { name: string; teams: { name: string }[] } }>(query, { id: staffGlobalId("keyworker") });
      expect(asAdmin.data?.node).toEqual({ name: "Kim Keyworker", teams: [{ name: "Adult community team" }] });
      expect((await api.lead.request<{ node: unknown }>(query, { id: staffGlobalId("youngPeopleKeyworker") })).data?.node).toBeNull();
      expect((await api.analyst.request<{ node: unknown }>(query, { id: staffGlobalId("keyworker") })).data?.node).toBeNull();
      expect((await api.analyst.request<{ node: { name: string } }>(query, { id: staffGlobalId("analyst") })).data?.node.name).toBe("Ann Analyst");
    });
  });

  describe("creating and changing staff accounts", () => {
    it("creates an account with a one-time password when none is given; the password signs in and is never stored or audited", async () => {
      const created = await createStaff({ name: "Nia New", email: "Nia@Example.org", roles: ["PRACTITIONER"], teamIds: [adultTeam] });
      expect(created).toMatchObject({ name: "Nia New", email: "nia@example.org", roles: ["PRACTITIONER"], active: true, version: 1, teams: [{ name: "Adult community team" }] });
      expect(created.oneTimePassword).toMatch(/^\S{20}$/);
      const client = await api.server.client().login("nia@example.org", created.oneTimePassword!);
      expect((await client.request<{ me: { name: string } }>(`query { me { name } }`)).data?.me.name).toBe("Nia New");
      const t = api.server.database.tables;
      const [row] = await api.server.database.read.select().from(t.staff).where(eq(t.staff.email, "nia@example.org"));
      expect(row?.passwordHash).not.toContain(created.oneTimePassword);
      const events = await auditEventsFor("StaffMember", localIdOfGlobal(created.id));
      expect(events.find((event) => event.action === "CREATE")).toMatchObject({ actorId: api.organisation.staff.admin.id });
      expect(JSON.stringify(events)).not.toContain(created.oneTimePassword);
    });

    it("returns no one-time password when the admin sets the initial password", async () => {
      const created = await createStaff({ name: "Pat Password", email: "pat@example.org", roles: ["ANALYST"], password: "a long enough passphrase" });
      expect(created.oneTimePassword).toBeNull();
      await api.server.client().login("pat@example.org", "a long enough passphrase");
    });

    it("refuses a taken email, a clinical role without a team, an unknown team and a short password, writing nothing", async () => {
      const staffBefore = await rowCount("staff");
      const auditBefore = await rowCount("auditEvents");
      const taken: CreateStaffResult = await api.admin.request(CREATE_STAFF, { input: { name: "Copy", email: "KIM@example.org", roles: ["ANALYST"] } });
      expect(taken.data?.createStaffMember).toMatchObject({ staffMember: null, oneTimePassword: null, userErrors: [expect.objectContaining({ code: "INVALID_VALUE", field: "email" })] });
      const noTeam: CreateStaffResult = await api.admin.request(CREATE_STAFF, { input: { name: "No Team", email: "noteam@example.org", roles: ["PRACTITIONER"] } });
      expect(noTeam.data?.createStaffMember.userErrors).toEqual([expect.objectContaining({ code: "REQUIRED", field: "teamIds" })]);
      const unknownTeam: CreateStaffResult = await api.admin.request(CREATE_STAFF, {
        input: { name: "Lost", email: "lost@example.org", roles: ["PRACTITIONER"], teamIds: [adultTeam, toGlobalId("Team", "gone"), staffGlobalId("lead")] },
      });
      expect(unknownTeam.data?.createStaffMember.userErrors.map((error) => [error.code, error.field])).toEqual([
        ["INVALID_VALUE", "teamIds.1"],
        ["INVALID_VALUE", "teamIds.2"],
      ]);
      const shortPassword: CreateStaffResult = await api.admin.request(CREATE_STAFF, { input: { name: "Short", email: "short@example.org", roles: ["ANALYST"], password: "short" } });
      expect(shortPassword.data?.createStaffMember.userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "password" })]);
      expect(await rowCount("staff")).toBe(staffBefore);
      expect(await rowCount("auditEvents")).toBe(auditBefore);
    });

    it("refuses createStaffMember and updateStaffMember to anyone but an admin with FORBIDDEN", async () => {
      for (const client of [api.lead, api.keyworker, api.analyst]) {
        expect(codeOf(await client.request(CREATE_STAFF, { input: { name: "Sneaky", email: "sneaky@example.org", roles: ["ADMIN"] } }))).toBe("FORBIDDEN");
        expect(codeOf(await client.request(UPDATE_STAFF, { input: { id: staffGlobalId("analyst"), roles: ["ADMIN"] } }))).toBe("FORBIDDEN");
      }
      const t = api.server.database.tables;
      expect(await api.server.database.read.select().from(t.staff).where(eq(t.staff.email, "sneaky@example.org"))).toEqual([]);
      const [analystRow] = await api.server.database.read.select().from(t.staff).where(eq(t.staff.id, api.organisation.staff.analyst.id));
      expect(analystRow?.roles).toEqual(["ANALYST"]);
    });

    it("changes roles and teams, bumps the version and audits what changed", async () => {
      const member = await createStaff({ name: "Mo Mover", email: "mo@example.org", roles: ["PRACTITIONER"], teamIds: [adultTeam], password: PASSWORD });
      const result: UpdateStaffResult = await api.admin.request(UPDATE_STAFF, {
        input: { id: member.id, version: 1, name: "Mo Moved", roles: ["PRACTITIONER", "TEAM_LEAD"], teamIds: [youngPeopleTeam] },
      });
      expect(result.data?.updateStaffMember.userErrors).toEqual([]);
      expect(result.data?.updateStaffMember.staffMember).toMatchObject({ name: "Mo Moved", roles: ["PRACTITIONER", "TEAM_LEAD"], version: 2, teams: [{ name: "Young people's team" }] });
      expect(result.data?.updateStaffMember.oneTimePassword).toBeNull();
      const events = await auditEventsFor("StaffMember", localIdOfGlobal(member.id));
      const update = events.find((event) => event.action === "UPDATE");
      expect(update?.detail).toMatchObject({
        changes: {
          name: { from: "Mo Mover", to: "Mo Moved" },
          roles: { from: ["PRACTITIONER"], to: ["PRACTITIONER", "TEAM_LEAD"] },
          teamIds: { from: [api.organisation.adultTeamId], to: [api.organisation.youngPeopleTeamId] },
        },
        passwordReset: false,
      });
      const stale: UpdateStaffResult = await api.admin.request(UPDATE_STAFF, { input: { id: member.id, version: 1, name: "Mo Stale" } });
      expect(stale.data?.updateStaffMember.userErrors).toEqual([expect.objectContaining({ code: "STALE_VERSION" })]);
    });

    it("disabling an account ends its sessions at once: its next request is UNAUTHENTICATED and it cannot sign in again", async () => {
      const member = await createStaff({ name: "Dee Disabled", email: "dee@example.org", roles: ["PRACTITIONER"], teamIds: [adultTeam], password: PASSWORD });
      const session = await api.server.client().login("dee@example.org", PASSWORD);
      const secondSession = await api.server.client().login("dee@example.org", PASSWORD);
      expect((await session.request(`query { teams { name } }`)).errors).toBeUndefined();
      const result: UpdateStaffResult = await api.admin.request(UPDATE_STAFF, { input: { id: member.id, active: false } });
      expect(result.data?.updateStaffMember.staffMember?.active).toBe(false);
      for (const client of [session, secondSession]) {
        const next = await client.request(`query { teams { name } }`);
        expect(codeOf(next)).toBe("UNAUTHENTICATED");
        expect((await client.request<{ me: unknown }>(`query { me { name } }`)).data?.me).toBeNull();
      }
      const t = api.server.database.tables;
      expect(await api.server.database.read.select().from(t.sessions).where(eq(t.sessions.staffId, localIdOfGlobal(member.id)))).toEqual([]);
      await expect(api.server.client().login("dee@example.org", PASSWORD)).rejects.toThrow(/INVALID_CREDENTIALS/);
      const events = await auditEventsFor("StaffMember", localIdOfGlobal(member.id));
      expect(events.find((event) => event.action === "UPDATE")?.detail).toMatchObject({ changes: { active: { from: true, to: false } } });
    });

    it("resetting a password returns a new one-time password, ends sessions, replaces the old password and lifts a lock", async () => {
      const member = await createStaff({ name: "Ria Reset", email: "ria@example.org", roles: ["ANALYST"], password: PASSWORD });
      const session = await api.server.client().login("ria@example.org", PASSWORD);
      for (let attempt = 0; attempt < 5; attempt++) {
        await api.server.client().request(`mutation { login(input: { email: "ria@example.org", password: "wrong password here" }) { csrfToken } }`);
      }
      await expect(api.server.client().login("ria@example.org", PASSWORD)).rejects.toThrow(/ACCOUNT_LOCKED/);
      const result: UpdateStaffResult = await api.admin.request(UPDATE_STAFF, { input: { id: member.id, resetPassword: true } });
      const newPassword = result.data?.updateStaffMember.oneTimePassword;
      expect(newPassword).toMatch(/^\S{20}$/);
      expect(codeOf(await session.request(`query { teams { name } }`))).toBe("UNAUTHENTICATED");
      await expect(api.server.client().login("ria@example.org", PASSWORD)).rejects.toThrow(/INVALID_CREDENTIALS/);
      await api.server.client().login("ria@example.org", newPassword!);
    });

    it("refuses to disable or demote the last active admin, and allows it once another admin exists", async () => {
      const adminId = staffGlobalId("admin");
      const auditBefore = await rowCount("auditEvents");
      const disable: UpdateStaffResult = await api.admin.request(UPDATE_STAFF, { input: { id: adminId, active: false } });
      expect(disable.data?.updateStaffMember.userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "active" })]);
      const demote: UpdateStaffResult = await api.admin.request(UPDATE_STAFF, { input: { id: adminId, roles: ["TEAM_LEAD"], teamIds: [adultTeam] } });
      expect(demote.data?.updateStaffMember.userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "roles" })]);
      const t = api.server.database.tables;
      const [adminRow] = await api.server.database.read.select().from(t.staff).where(eq(t.staff.id, api.organisation.staff.admin.id));
      expect(adminRow).toMatchObject({ active: true, roles: ["ADMIN"], version: 1 });
      expect(await rowCount("auditEvents")).toBe(auditBefore);
      expect((await api.admin.request(`query { teams { name } }`)).errors).toBeUndefined();

      const deputy = await createStaff({ name: "Dan Deputy", email: "dan@example.org", roles: ["ADMIN"], password: PASSWORD });
      const deputyClient = await api.server.client().login("dan@example.org", PASSWORD);
      const demoteDeputy: UpdateStaffResult = await deputyClient.request(UPDATE_STAFF, { input: { id: deputy.id, roles: ["ANALYST"] } });
      expect(demoteDeputy.data?.updateStaffMember.staffMember?.roles).toEqual(["ANALYST"]);
      expect(codeOf(await deputyClient.request(CREATE_TEAM, { input: { name: "Deputy's team" } }))).toBe("FORBIDDEN");
    });
  });
});
