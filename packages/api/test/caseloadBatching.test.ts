import { addDays, addWeeks } from "@waymark/core";
import { beforeAll, expect, it } from "vitest";
import { CaseloadData } from "./caseloadData.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

const TODAY = "2025-06-02";

/** The working lists as a screen asks for them: every entry with its person, episode, keyworker, team and flags. */
const CASELOAD = `
  query Caseload($first: Int) {
    caseload(scope: TEAM, first: $first, orderBy: [{ field: LAST_NAME }]) {
      totalCount
      edges { cursor node { id status flags flagDetails { label } nextReviewDue reviewStatus daysSinceLastAttendedContact
        episode { id status referral { receivedDate } } serviceUser { id firstName lastName localReference }
        keyworker { id name } team { id name } } }
    }
  }`;

const SCHEDULE = `
  query Schedule($first: Int) {
    reviewSchedule(scope: TEAM) {
      overdue due upcoming weeks { weekStarting count } byKeyworker { keyworker { name } team { name } overdue due upcoming }
      entries(first: $first) { totalCount edges { node { dueDate status planId episode { id } serviceUser { lastName } keyworker { name } team { name } } } }
    }
  }`;

const EXCEPTIONS = `
  query Exceptions($first: Int) {
    exceptions(first: $first) { totalCount edges { node { kind since detail recordId episode { id } serviceUser { lastName } keyworker { name } team { name } } } }
  }`;

const PEOPLE = 60;

describeEachDialect("working lists load in batches: SQL statements per request do not grow with the page", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  let lead: GraphQLClient;

  beforeAll(async () => {
    const { staff, adultTeamId } = api.organisation;
    const data = new CaseloadData(api.server, staff.lead.id);
    const keyworkers = [staff.keyworker.id, staff.otherKeyworker.id, staff.lead.id, null];
    for (let index = 0; index < PEOPLE; index += 1) {
      const personId = await data.addPerson({ firstName: "Batch", lastName: `Person${String(index).padStart(2, "0")}`, pregnant: index % 5 === 0 });
      // Reviews fall due from a month ago to a month ahead: half overdue, the rest across the schedule's window.
      const signedOffDate = addWeeks(addDays(TODAY, index - PEOPLE / 2), -12);
      await data.addEpisode(personId, {
        teamId: adultTeamId,
        keyworkerId: keyworkers[index % keyworkers.length] ?? null,
        referralDate: addDays(signedOffDate, -14),
        plans: [{ signedOffDate }],
        interventions: [{ code: "OST_METHADONE", startDate: addDays(signedOffDate, -7) }],
        contacts: [{ date: addDays(TODAY, -(index % 9)), kind: "APPOINTMENT", outcome: index % 3 === 0 ? "DID_NOT_ATTEND" : "ATTENDED" }],
      });
    }
    lead = await api.signIn("lead");
    // The first page after signing in reads the new session, the service settings and the keyworkers; on SQLite
    // later ones find them kept.
    await lead.request(CASELOAD, { first: 50 });
  }, 120_000);

  /**
   * Statements any signed-in request costs besides its own reads: the audit insert of the people shown (1,
   * which on Postgres drizzle wraps in BEGIN and COMMIT, counted too, with the SET LOCAL that defers the
   * audit's sync: 3 more), and on Postgres the session and the viewer's account and teams (3), which SQLite
   * reads once and keeps until something other than a read audit is committed (auth/sessions.ts).
   */
  const overhead = () => (dialect === "postgres" ? 1 + 3 + 3 : 1);

  /** Statements the server issued to answer one request (authentication and the audit insert included). */
  async function statementsFor(query: string, first: number): Promise<{ statements: number; rows: number }> {
    const before = api.server.database.statementCount();
    const result = await lead.request<Record<string, { edges?: unknown[]; entries?: { edges: unknown[] } }>>(query, { first });
    const statements = api.server.database.statementCount() - before;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const list = Object.values(result.data!)[0]!;
    return { statements, rows: (list.edges ?? list.entries?.edges ?? []).length };
  }

  it("a caseload page of 50 with people, episodes, keyworkers, teams and flags takes as many statements as a page of 5", async () => {
    const small = await statementsFor(CASELOAD, 5);
    const large = await statementsFor(CASELOAD, 50);
    expect([small.rows, large.rows]).toEqual([5, 50]);
    expect(large.statements).toBe(small.statements);
    // The page with its count, and on Postgres the keyworkers, the service settings and the teams (kept on SQLite).
    expect(large.statements).toBe(overhead() + 1 + (dialect === "postgres" ? 3 : 0));
  });

  it("a caseload page the screen asks for reads the person's names and reference, not their whole record", async () => {
    const captured: string[] = [];
    const stop = api.server.database.observeStatements((statement) => void captured.push(statement));
    try {
      await statementsFor(CASELOAD, 50);
    } finally {
      stop();
    }
    const page = captured.find((statement) => /^select "episodes"\."id".* from "episodes" inner join "service_users"/is.test(statement));
    expect(page).toBeDefined();
    expect(page).toMatch(/"service_users"\."first_name"/);
    // Nothing the entry does not show: the person's date of birth, NHS number and contact details stay unread.
    for (const column of ["date_of_birth", "nhs_number", "phone", "email", "postcode", "referral_reason"]) expect(page).not.toContain(`"${column}"`);
  });

  it("a review schedule page of 50 with plans, people, keyworkers and teams takes as many statements as a page of 5", async () => {
    const small = await statementsFor(SCHEDULE, 5);
    const large = await statementsFor(SCHEDULE, 50);
    expect([small.rows, large.rows]).toEqual([5, 50]);
    expect(large.statements).toBe(small.statements);
    // The counts, the page, the keyworkers, the teams, and the plans and reviews that name the plan under review.
    expect(large.statements).toBeLessThanOrEqual(overhead() + 6);
  });

  it("an exceptions page of 50 takes as many statements as a page of 5", async () => {
    const small = await statementsFor(EXCEPTIONS, 5);
    const large = await statementsFor(EXCEPTIONS, 50);
    expect([small.rows, large.rows]).toEqual([5, 50]);
    expect(large.statements).toBe(small.statements);
    // Catalogue, settings, candidates, one chunk of records (7 tables), keyworkers and teams.
    expect(large.statements).toBeLessThanOrEqual(overhead() + 12);
  });
});
