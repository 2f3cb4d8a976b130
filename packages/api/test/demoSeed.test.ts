import { EPISODE_STATUSES, EXCEPTION_KINDS, addDays, daysBetween } from "@waymark/core";
import { asc, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/database.js";
import { DEMO_PASSWORD, seedDemoProvider, type SeedResult } from "../src/seed/demoProvider.js";
import { DEMO_STAFF } from "../src/seed/organisation.js";
import { demoStories } from "../src/seed/stories/roster.js";
import { CASELOAD_FLAGS } from "../src/services/caseloadFlags.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient, GraphQLResult } from "./graphqlClient.js";
import { startTestServer, type TestServer } from "./testServer.js";

/** The day the demo is seeded as of; the test server's clock stands on it too. */
const TODAY = "2025-06-02";
const SEEDING_TIMEOUT = 240_000;

interface Connection<T> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: T }[];
}

/** Every page of a connection, following `endCursor` until there is no next page. */
async function allPages<T>(client: GraphQLClient, query: string, field: string): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const result: GraphQLResult<Record<string, Connection<T>>> = await client.request<Record<string, Connection<T>>>(query, { after });
    expect(result.errors).toBeUndefined();
    const connection: Connection<T> = result.data![field]!;
    nodes.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

/** What makes two seeds the same provider: every person and episode as recorded, IDs left out. */
async function providerSnapshot(database: Database) {
  const t = database.tables;
  const people = await database.read
    .select({ localReference: t.serviceUsers.localReference, firstName: t.serviceUsers.firstName, lastName: t.serviceUsers.lastName, dateOfBirth: t.serviceUsers.dateOfBirth, nhsNumber: t.serviceUsers.nhsNumber, postcode: t.serviceUsers.postcode })
    .from(t.serviceUsers)
    .orderBy(asc(t.serviceUsers.localReference));
  const episodes = await database.read
    .select({ person: t.serviceUsers.localReference, status: t.episodes.status, referralDate: t.episodes.referralDate, dischargeDate: t.episodes.dischargeDate, nextReviewDue: t.episodes.nextReviewDue })
    .from(t.episodes)
    .innerJoin(t.serviceUsers, sql`${t.serviceUsers.id} = ${t.episodes.serviceUserId}`)
    .orderBy(asc(t.serviceUsers.localReference), asc(t.episodes.referralDate));
  return { people, episodes };
}

/** A single count from raw SQL, on either dialect (SQLite answers a number, Postgres a string). */
async function countOf(database: Database, query: SQL): Promise<number> {
  if (database.dialect === "sqlite") {
    const rows = (await database.read.all(query)) as { n: number }[];
    return Number(rows[0]?.n ?? 0);
  }
  const result = await (database.read as unknown as { execute(query: SQL): Promise<{ rows: { n: string }[] }> }).execute(query);
  return Number(result.rows[0]?.n ?? 0);
}

describeEachDialect("the demo provider (waymark seed --demo)", (dialect) => {
  let server: TestServer;
  let seeded: SeedResult;
  const count = (query: SQL) => countOf(server.database, query);

  beforeAll(async () => {
    server = await startTestServer(dialect, TODAY);
    seeded = await seedDemoProvider(server.database, server.clock, { ifEmpty: true });
  }, SEEDING_TIMEOUT);
  afterAll(() => server.close());

  it("adds two teams with different age bands, six staff and 150 people", async () => {
    expect(seeded).toMatchObject({ skipped: false, teams: 2, staff: 6, people: 150 });
    const t = server.database.tables;
    const teams = await server.database.read.select({ minAge: t.teams.minAge, maxAge: t.teams.maxAge }).from(t.teams).orderBy(asc(t.teams.minAge));
    expect(teams).toEqual([
      { minAge: 11, maxAge: 24 },
      { minAge: 25, maxAge: null },
    ]);
    expect(await count(sql`select count(*) as n from staff`)).toBe(6);
    expect(await count(sql`select count(*) as n from service_users`)).toBe(150);
  });

  it("lets every demo account sign in with the demo password", async () => {
    for (const member of DEMO_STAFF) {
      const client = await server.client().login(member.email, DEMO_PASSWORD);
      const me = await client.request<{ me: { roles: string[] } }>(`query { me { roles } }`);
      expect(me.data?.me.roles).toEqual(member.roles);
    }
  });

  it("has people at every stage of the journey", async () => {
    const t = server.database.tables;
    const rows = await server.database.read.select({ status: t.episodes.status, n: sql<number>`count(*)` }).from(t.episodes).groupBy(t.episodes.status);
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
    for (const status of EPISODE_STATUSES.codes) expect({ status, present: (byStatus[status] ?? 0) > 0 }).toEqual({ status, present: true });
    expect(byStatus.IN_TREATMENT).toBeGreaterThanOrEqual(50);
  });

  it("shows the team lead every caseload flag: suicide risk, safeguarding with and without a home visit, disengaging, DNA follow-ups, overdue reviews, no keyworker, OST past 2 and 6 years", async () => {
    const lead = await server.client().login(DEMO_STAFF.find((member) => member.key === "lead")!.email, DEMO_PASSWORD);
    const entries = await allPages<{ status: string; flags: string[] }>(
      lead,
      `query Caseload($after: String) { caseload(scope: TEAM, first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { status flags } } } }`,
      "caseload",
    );
    expect(entries.length).toBeGreaterThan(90);
    const shown = new Set(entries.flatMap((entry) => entry.flags));
    expect([...CASELOAD_FLAGS].filter((flag) => !shown.has(flag))).toEqual([]);
  });

  it("gives the exceptions report something of every kind (R-EXC-1)", async () => {
    const lead = await server.client().login(DEMO_STAFF.find((member) => member.key === "lead")!.email, DEMO_PASSWORD);
    const lines = await allPages<{ kind: string }>(lead, `query Exceptions($after: String) { exceptions(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { kind } } } }`, "exceptions");
    const kinds = new Set(lines.map((line) => line.kind));
    expect(EXCEPTION_KINDS.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it("has reviews done on time and late, reviews coming up, and reviews overdue (R-REV-1, R-REV-2)", async () => {
    expect(await count(sql`select count(*) as n from reviews where completed_date <= due_date`)).toBeGreaterThan(100);
    expect(await count(sql`select count(*) as n from reviews where completed_date > due_date`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from episodes where next_review_due < ${TODAY}`)).toBeGreaterThanOrEqual(8);
    expect(await count(sql`select count(*) as n from episodes where next_review_due >= ${TODAY} and next_review_due <= ${addDays(TODAY, 28)}`)).toBeGreaterThan(0);
  });

  it("records recovery support only alongside overlapping structured treatment (R-ROSC-1), and aftercare and relapse prevention after completion", async () => {
    for (const code of ["ROSC_PEER_SUPPORT", "ROSC_FACILITATED_MUTUAL_AID", "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", "ROSC_DIVERSIONARY_ACTIVITIES"]) {
      expect({ code, n: await count(sql`select count(*) as n from interventions where catalogue_item_code = ${code}`) }).toEqual({ code, n: expect.toSatisfy((n: number) => n > 0) });
    }
    const withoutStructuredAlongside = await count(sql`
      select count(*) as n from interventions rosc join catalogue_items item on item.code = rosc.catalogue_item_code
      where item.needs_concurrent_modality and not exists (
        select 1 from interventions structured join catalogue_items kind on kind.code = structured.catalogue_item_code
        where structured.episode_id = rosc.episode_id and kind.modality in ('PHARMACOLOGICAL', 'PSYCHOSOCIAL')
          and structured.start_date <= coalesce(rosc.end_date, '9999-12-31') and coalesce(structured.end_date, '9999-12-31') >= rosc.start_date)`);
    expect(withoutStructuredAlongside).toBe(0);
    for (const code of ["ROSC_AFTERCARE", "ROSC_RELAPSE_PREVENTION"]) {
      expect(await count(sql`select count(*) as n from interventions i join episodes e on e.id = i.episode_id where i.catalogue_item_code = ${code} and e.status = 'COMPLETED' and i.start_date >= e.discharge_date`)).toBeGreaterThan(0);
    }
  });

  it("has TOPs at the start, at reviews and at exit, and DNAs both followed up and not", async () => {
    for (const stage of ["START", "REVIEW", "EXIT"]) expect(await count(sql`select count(*) as n from outcome_records where stage = ${stage}`)).toBeGreaterThan(10);
    expect(await count(sql`select count(*) as n from contacts where outcome = 'DID_NOT_ATTEND'`)).toBeGreaterThan(20);
    expect(await count(sql`select count(*) as n from contacts where kind = 'PHONE' and outcome = 'ATTENDED'`)).toBeGreaterThan(10);
  });

  it("has a person who came back within six months of completing (R-REP-1)", async () => {
    const t = server.database.tables;
    const episodes = await server.database.read
      .select({ person: t.episodes.serviceUserId, status: t.episodes.status, referralDate: t.episodes.referralDate, dischargeDate: t.episodes.dischargeDate })
      .from(t.episodes);
    const returned = episodes.filter((later) =>
      episodes.some((earlier) => earlier.person === later.person && earlier.status === "COMPLETED" && earlier.dischargeDate !== null && later.referralDate > earlier.dischargeDate && daysBetween(earlier.dischargeDate, later.referralDate) <= 182),
    );
    expect(returned.length).toBeGreaterThan(0);
  });

  it("wrote every record through the API as a member of staff, so the audit trail shows who made it", async () => {
    const created = await count(sql`select count(*) as n from audit_events where action = 'CREATE' and actor_id is not null`);
    const records = await count(sql`select (select count(*) from contacts) + (select count(*) from reviews) + (select count(*) from interventions) as n`);
    expect(created).toBeGreaterThan(records);
  });

  it("does nothing on a second run with --if-empty", async () => {
    const again = await seedDemoProvider(server.database, server.clock, { ifEmpty: true });
    expect(again).toEqual({ skipped: true, teams: 0, staff: 0, people: 0, emails: [] });
    expect(await count(sql`select count(*) as n from service_users`)).toBe(150);
    expect(await count(sql`select count(*) as n from staff`)).toBe(6);
  });

  it("refuses to add demo people to a database that already has staff when --if-empty is not given", async () => {
    await expect(seedDemoProvider(server.database, server.clock, { ifEmpty: false })).rejects.toThrow(/empty database/);
    expect(await count(sql`select count(*) as n from service_users`)).toBe(150);
  });

  // Seeding twice costs a minute on Postgres; the same guarantee follows from two cheaper facts: the stories
  // are the same on every call for the same day, and the database holds exactly what the stories say.
  it("is the same provider every time it is seeded for the same day: the stories repeat, and the database holds exactly them", async () => {
    const stories = demoStories(TODAY);
    expect(JSON.stringify(demoStories(TODAY))).toBe(JSON.stringify(stories));
    const snapshot = await providerSnapshot(server.database);
    expect(snapshot.people).toEqual(
      stories
        .map(({ person }) => ({ localReference: person.localReference, firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth, nhsNumber: person.nhsNumber, postcode: person.postcode }))
        .sort((a, b) => (a.localReference < b.localReference ? -1 : 1)),
    );
    const expectedEpisodes = stories
      .flatMap((story) => story.episodes.map((episode) => ({ person: story.person.localReference, status: episode.expectedStatus, referralDate: episode.steps[0]!.date })))
      .sort((a, b) => (a.person !== b.person ? (a.person < b.person ? -1 : 1) : a.referralDate < b.referralDate ? -1 : 1));
    expect(snapshot.episodes.map(({ person, status, referralDate }) => ({ person, status, referralDate }))).toEqual(expectedEpisodes);
  });
});
