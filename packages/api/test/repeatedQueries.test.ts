import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYNTHETIC_ACCOUNTS } from "../bench/accounts.js";
import { CASELOAD_DOCUMENT, KPIS_DOCUMENT } from "../bench/workloads.js";
import type { Database } from "../src/db/database.js";
import { seedSyntheticProvider } from "../src/seed/synthetic/syntheticProvider.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { startTestServer, type TestServer } from "./testServer.js";

/**
 * A query text Apollo has answered once with a compiled function is answered without Apollo after that
 * (graphql/repeatedQueries.ts). Each case sends the same request twice: the first answer is Apollo's, the
 * second comes from the direct path or, where the direct path hands the request on, from Apollo again. Both
 * must match to the byte, status and headers included, and the read audit must be written either way.
 */
const TODAY = "2026-06-01";

/** Headers that differ between any two answers, whoever sends them. */
const PER_ANSWER_HEADERS = new Set(["date", "x-request-id", "keep-alive", "connection"]);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

async function send(client: GraphQLClient, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await client.post(body, headers);
  const kept = [...response.headers].filter(([name]) => !PER_ANSWER_HEADERS.has(name));
  return { status: response.status, headers: Object.fromEntries(kept), text: await response.text() };
}

const caseloadVariables = { scope: "TEAM", first: 50, after: null, orderBy: [{ field: "NEXT_REVIEW_DUE", direction: "ASC" }], filter: null, search: null };

describeEachDialect("repeated queries answered without Apollo (issue #6)", (dialect) => {
  let server: TestServer;
  let lead: GraphQLClient;
  let readsAudited: () => Promise<number>;
  let exec: (statement: SQL) => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer(dialect, TODAY);
    await seedSyntheticProvider(server.database, { people: 120, seed: 11, today: TODAY, progress: false });
    lead = await server.client().login(SYNTHETIC_ACCOUNTS.teamLeads[0] as string, SYNTHETIC_ACCOUNTS.password);
    const database: Database = server.database;
    readsAudited = async () => {
      const [row] = await database.read.select({ count: sql<number>`count(*)` }).from(database.tables.auditEvents).where(sql`${database.tables.auditEvents.action} = 'READ'`);
      return Number(row?.count ?? 0);
    };
    exec = (statement) =>
      database.write(async (tx) => {
        if (database.dialect === "postgres") await (tx as unknown as { execute(query: SQL): Promise<unknown> }).execute(statement);
        else tx.run(statement);
      });
  }, 120_000);
  afterAll(async () => server?.close());

  /** Sends `body` twice and returns both answers and how many of them the direct path gave. */
  async function twice(client: GraphQLClient, body: unknown, headers: Record<string, string> = {}) {
    const before = server.answeredDirectly();
    const first = await send(client, body, headers);
    const second = await send(client, body, headers);
    return { first, second, direct: server.answeredDirectly() - before };
  }

  it("answers a caseload page the second time without Apollo: the same bytes, headers and status, and its reads audited", async () => {
    const body = { query: CASELOAD_DOCUMENT, variables: caseloadVariables };
    const auditedBefore = await readsAudited();
    const first = await send(lead, body);
    const afterFirst = await readsAudited();
    const directBefore = server.answeredDirectly();
    const second = await send(lead, body);
    expect(server.answeredDirectly() - directBefore).toBe(1);
    expect(first.status).toBe(200);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(first.text).toContain('"extensions":{"cost":');
    expect(second).toEqual(first);
    // The page shows people: each answer records the same reads, written before it left.
    const perAnswer = afterFirst - auditedBefore;
    expect(perAnswer).toBeGreaterThan(10);
    expect((await readsAudited()) - afterFirst).toBe(perAnswer);
  });

  it("answers in the media type Apollo would choose from the Accept header, and leaves a refusal of every type to Apollo", async () => {
    const body = { query: CASELOAD_DOCUMENT, variables: caseloadVariables };
    const browser = await twice(lead, body, { accept: "application/graphql-response+json, application/json;q=0.9" });
    expect(browser.first.headers["content-type"]).toBe("application/graphql-response+json; charset=utf-8");
    expect(browser.direct).toBe(2);
    expect(browser.second).toEqual(browser.first);

    const htmlOnly = await twice(lead, body, { accept: "text/html" });
    expect(htmlOnly.first.status).toBe(406);
    expect(htmlOnly.direct).toBe(0);
    expect(htmlOnly.second).toEqual(htmlOnly.first);
  });

  it("hands on an answer with errors: a keyworker refused the indicators gets Apollo's answer twice, run once each", async () => {
    const keyworker = await server.client().login(SYNTHETIC_ACCOUNTS.keyworkers[0] as string, SYNTHETIC_ACCOUNTS.password);
    const sent = await twice(keyworker, { query: KPIS_DOCUMENT, variables: { period: { from: "2026-05-01", to: TODAY }, breakdown: null, filter: null } });
    expect(sent.first.text).toContain('"code":"FORBIDDEN"');
    expect(sent.direct).toBe(0);
    expect(sent.second).toEqual(sent.first);
  });

  it("leaves bad variables, a page over the cost limit and an anonymous caller to Apollo, with its own answers", async () => {
    const badDate = await twice(lead, { query: CASELOAD_DOCUMENT, variables: { ...caseloadVariables, filter: { nextReviewDue: { gte: "not a date" } } } });
    expect(badDate.first.status).toBe(400);
    expect(badDate.second).toEqual(badDate.first);

    const tooCostly = await twice(lead, { query: CASELOAD_DOCUMENT, variables: { ...caseloadVariables, first: 100_000 } });
    expect(tooCostly.first.text).toMatch(/"code":"(QUERY_TOO_COSTLY|BAD_USER_INPUT)"/);
    expect(tooCostly.second).toEqual(tooCostly.first);

    const anonymous = await twice(server.client(), { query: CASELOAD_DOCUMENT, variables: caseloadVariables });
    expect(anonymous.first.text).toContain('"code":"UNAUTHENTICATED"');
    expect(anonymous.second).toEqual(anonymous.first);
    expect(badDate.direct + tooCostly.direct + anonymous.direct).toBe(0);
  });

  it("leaves a body with fields beyond query, variables and operationName to Apollo", async () => {
    const sent = await twice(lead, { query: CASELOAD_DOCUMENT, variables: caseloadVariables, extensions: { note: "x" } });
    expect(sent.first.status).toBe(200);
    expect(sent.direct).toBe(0);
    expect(sent.second).toEqual(sent.first);
  });

  it("sends names beyond ASCII byte for byte, with the length in bytes, not in characters", async () => {
    const suffix = " Ní Bhriain 🌱";
    await exec(sql`update service_users set last_name = last_name || ${suffix}`);
    try {
      // A text of its own, so that Apollo gives the first answer and the direct path the second.
      const body = { query: `${CASELOAD_DOCUMENT}\n# names beyond ASCII`, variables: { ...caseloadVariables, first: 5 } };
      const sent = await twice(lead, body);
      expect(sent.direct).toBe(1);
      expect(sent.first.status).toBe(200);
      expect(sent.first.text).toContain(suffix);
      expect(Number(sent.second.headers["content-length"])).toBe(Buffer.byteLength(sent.second.text));
      expect(sent.second).toEqual(sent.first);
    } finally {
      await exec(sql`update service_users set last_name = substr(last_name, 1, length(last_name) - ${[...suffix].length})`);
    }
  });

  describe("when the read audit cannot be written", () => {
    const refuse = dialect === "postgres"
      ? [
          sql.raw(`create function refuse_read_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`),
          sql.raw(`create trigger refuse_read_audit before insert on audit_events for each row execute function refuse_read_audit()`),
        ]
      : [sql.raw(`create trigger refuse_read_audit before insert on audit_events begin select raise(abort, 'audit refused'); end`)];
    const allow = dialect === "postgres"
      ? [sql.raw(`drop trigger refuse_read_audit on audit_events`), sql.raw(`drop function refuse_read_audit()`)]
      : [sql.raw(`drop trigger refuse_read_audit`)];

    it("shows nothing: through Apollo or not, the answer is a server error with no data", async () => {
      const body = { query: CASELOAD_DOCUMENT, variables: caseloadVariables };
      await send(lead, body);
      for (const statement of refuse) await exec(statement);
      try {
        const directBefore = server.answeredDirectly();
        // Apollo's own answer (a body with another field goes to Apollo), then the direct path's attempt.
        const throughApollo = await send(lead, { ...body, extensions: { note: "x" } });
        const direct = await send(lead, body);
        for (const answer of [throughApollo, direct]) {
          expect(answer.status).toBe(500);
          expect(answer.text).not.toContain('"caseload":{');
          expect(answer.text).toContain('"code":"INTERNAL_SERVER_ERROR"');
          expect(answer.text).not.toContain("audit refused");
        }
        expect(server.answeredDirectly()).toBe(directBefore);
      } finally {
        for (const statement of allow) await exec(statement);
      }
      expect((await send(lead, body)).status).toBe(200);
    });
  });
});
