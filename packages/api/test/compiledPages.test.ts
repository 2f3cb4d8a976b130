import { addDays, addYears } from "@waymark/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SYNTHETIC_ACCOUNTS } from "../bench/accounts.js";
import { CASELOAD_DOCUMENT, KPIS_DOCUMENT, PERSON_RECORD_DOCUMENT, REVIEW_SCHEDULE_DOCUMENT } from "../bench/workloads.js";
import { seedSyntheticProvider } from "../src/seed/synthetic/syntheticProvider.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { startTestServer, type TestServer } from "./testServer.js";

/**
 * The pages' own documents on a generated provider, each sent twice to a server that answers a document with
 * graphql-js the first time and with its compiled function after that (graphql/compiledExecution.ts): the two
 * answers must be the same, refusals and bad variables included.
 */
const TODAY = "2026-06-01";

interface Sent {
  readonly status: number;
  readonly body: unknown;
}

async function sendTwice(client: GraphQLClient, query: string, variables: Record<string, unknown>): Promise<[Sent, Sent]> {
  const send = async (): Promise<Sent> => {
    const response = await client.post({ query, variables });
    return { status: response.status, body: await response.json() };
  };
  const first = await send();
  return [first, await send()];
}

interface CaseloadAnswer {
  caseload: { totalCount: number; edges: { node: { serviceUser: { id: string }; team: { id: string }; episode: { id: string } } }[] };
}

describeEachDialect("the pages' documents answer the same compiled as interpreted (issue #6)", (dialect) => {
  let server: TestServer;
  let lead: GraphQLClient;
  let analyst: GraphQLClient;

  beforeAll(async () => {
    server = await startTestServer(dialect, TODAY, { answersBeforeCompiling: 1 });
    await seedSyntheticProvider(server.database, { people: 200, seed: 6, today: TODAY, progress: false });
    lead = await server.client().login(SYNTHETIC_ACCOUNTS.teamLeads[0] as string, SYNTHETIC_ACCOUNTS.password);
    analyst = await server.client().login(SYNTHETIC_ACCOUNTS.analyst, SYNTHETIC_ACCOUNTS.password);
  }, 120_000);
  afterAll(async () => server?.close());

  const caseloadVariables = { scope: "TEAM", first: 50, after: null, orderBy: [{ field: "NEXT_REVIEW_DUE", direction: "ASC" }], filter: null, search: null };

  it("the team's caseload, its review schedule and a person's full record", async () => {
    const [first, second] = await sendTwice(lead, CASELOAD_DOCUMENT, caseloadVariables);
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    const caseload = (first.body as { data: CaseloadAnswer }).data.caseload;
    expect(caseload.edges.length).toBeGreaterThan(10);
    const entry = caseload.edges[0]?.node as CaseloadAnswer["caseload"]["edges"][number]["node"];

    const schedule = await sendTwice(lead, REVIEW_SCHEDULE_DOCUMENT, { scope: "TEAM", teamId: entry.team.id, keyworkerId: null, to: addDays(TODAY, 27), first: 100, after: null });
    expect(schedule[0].status).toBe(200);
    expect(JSON.stringify(schedule[0].body)).not.toContain('"errors"');
    expect(schedule[1]).toEqual(schedule[0]);

    const record = await sendTwice(lead, PERSON_RECORD_DOCUMENT, { id: entry.serviceUser.id, episodeId: entry.episode.id });
    expect(record[0].status).toBe(200);
    expect(JSON.stringify(record[0].body)).not.toContain('"errors"');
    expect(JSON.stringify(record[0].body).length).toBeGreaterThan(2_000);
    expect(record[1]).toEqual(record[0]);
  });

  it("the indicators for a year, for an analyst", async () => {
    const [first, second] = await sendTwice(analyst, KPIS_DOCUMENT, { period: { from: addDays(addYears(TODAY, -1), 1), to: TODAY }, breakdown: null, filter: null });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).not.toContain('"errors"');
    expect(second).toEqual(first);
  });

  it("a refusal: a keyworker asking for the indicators", async () => {
    const keyworker = await server.client().login(SYNTHETIC_ACCOUNTS.keyworkers[0] as string, SYNTHETIC_ACCOUNTS.password);
    const [first, second] = await sendTwice(keyworker, KPIS_DOCUMENT, { period: { from: addDays(TODAY, -30), to: TODAY }, breakdown: null, filter: null });
    expect((first.body as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("FORBIDDEN");
    expect(second).toEqual(first);
  });

  it("a bad variable deep in a recursive filter: refused with the same 400 and message, nothing answered", async () => {
    const filter = { or: [{ status: { in: ["IN_TREATMENT"] } }, { and: [{ nextReviewDue: { gte: "not a date" } }] }] };
    const [first, second] = await sendTwice(lead, CASELOAD_DOCUMENT, { ...caseloadVariables, filter });
    expect(first.status).toBe(400);
    expect(JSON.stringify(first.body)).toContain("filter.or[1].and[0].nextReviewDue");
    expect(second).toEqual(first);
  });

  it("a recursive filter that holds: the same page both times, narrower than the whole caseload", async () => {
    const filter = { or: [{ status: { in: ["IN_TREATMENT"] } }, { and: [{ status: { in: ["ASSESSED"] } }] }] };
    const [first, second] = await sendTwice(lead, CASELOAD_DOCUMENT, { ...caseloadVariables, filter });
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    const [whole] = await sendTwice(lead, CASELOAD_DOCUMENT, caseloadVariables);
    const count = (sent: Sent) => (sent.body as { data: CaseloadAnswer }).data.caseload.totalCount;
    expect(count(first)).toBeGreaterThan(0);
    expect(count(first)).toBeLessThan(count(whole));
  });
});
