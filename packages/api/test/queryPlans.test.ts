import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseSubjects } from "../bench/subjects.js";
import { WORKLOADS, type Role, type Subjects, type Workload } from "../bench/workloads.js";
import { textToCompile } from "../src/db/plansWithoutBoundValues.js";
import { seedSyntheticProvider } from "../src/seed/synthetic/syntheticProvider.js";
import type { AccountProfile } from "../bench/accounts.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { startTestServer, type TestServer } from "./testServer.js";

/**
 * Issue #6: every benchmarked request is answered through indexes. On a generated provider (ANALYZEd, as the
 * generator leaves it), each request's statements are captured with their parameters and their plans read
 * with EXPLAIN QUERY PLAN: no statement may read the whole of a table that grows with the provider.
 */
const TODAY = "2026-06-01";

/** Tables whose size grows with people and time; the small reference tables (teams, staff, catalogue) may be scanned. */
const LARGE_TABLES = new Set([
  "service_users",
  "episodes",
  "problem_substances",
  "assessments",
  "recovery_plans",
  "plan_goals",
  "reviews",
  "goal_progress",
  "interventions",
  "outcome_records",
  "contacts",
  "harm_reduction_records",
  "audit_events",
  "audit_event_people",
  "sessions",
]);

interface Captured {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * Plan steps that read a whole large table: SQLite says SCAN for a full pass, whether over the table or in
 * the order of one of its indexes (still every row); SEARCH means an index narrowed the rows read.
 */
function fullScans(connection: BetterSqlite3.Database, statement: Captured): string[] {
  const tableOf = aliasesIn(statement.sql);
  return planOf(connection, statement).filter((detail) => {
    const scanned = /^SCAN "?(\w+)"?/.exec(detail)?.[1];
    return scanned !== undefined && LARGE_TABLES.has(tableOf.get(scanned) ?? scanned);
  });
}

/**
 * The steps of a statement's plan, as EXPLAIN QUERY PLAN describes them: of the text SQLite compiles for it
 * (db/plansWithoutBoundValues), or with `asWritten` of the text as the log shows it, its values in view.
 */
function planOf(connection: BetterSqlite3.Database, statement: Captured, asWritten = false): string[] {
  const text = asWritten ? statement.sql : textToCompile(statement.sql);
  const rows = connection.prepare(`explain query plan ${text}`).all(...(statement.params as unknown[])) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** The table each alias in `from`/`join` clauses stands for: plans name tables by their alias. */
function aliasesIn(statement: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of statement.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    const [, table, alias] = match;
    if (table && alias && !/^(on|where|join|left|inner|cross|group|order|limit|using)$/i.test(alias)) aliases.set(alias, table);
  }
  return aliases;
}

describe("query plans of the benchmarked requests on a generated provider (issue #6)", () => {
  let server: TestServer;
  let file: string;
  let subjects: Subjects;
  let profile: AccountProfile;
  const clients = new Map<Role, GraphQLClient>();

  beforeAll(async () => {
    server = await startTestServer("sqlite", TODAY);
    await seedSyntheticProvider(server.database, { people: 3_000, seed: 7, today: TODAY, progress: false });
    file = (server.database as unknown as { writer: BetterSqlite3.Database }).writer.name;
    ({ profile, subjects } = chooseSubjects(file, TODAY));
    clients.set("keyworker", await server.client().login(subjects.keyworker.email, profile.password));
    clients.set("teamLead", await server.client().login(subjects.teamLead.email, profile.password));
    clients.set("analyst", await server.client().login(subjects.analyst.email, profile.password));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  /** The statements a workload's request runs, with their parameters; the request must succeed. */
  async function statementsOf(workload: Workload): Promise<Captured[]> {
    const captured: Captured[] = [];
    const stop = server.database.observeStatements((sql, params) => captured.push({ sql, params }));
    const { query, variables } = workload.graphql(subjects, 0);
    const result = await (clients.get(workload.role) as GraphQLClient).request(query, variables);
    stop();
    expect(result.errors).toBeUndefined();
    return captured;
  }

  /** Runs `use` with a read-only connection of its own to the generated database, for EXPLAIN. */
  function explaining<T>(use: (connection: BetterSqlite3.Database) => T): T {
    const explain = new BetterSqlite3(file, { readonly: true });
    try {
      return use(explain);
    } finally {
      explain.close();
    }
  }

  /** The plan of every statement a workload's request runs, its steps one to a line. */
  async function plansOf(workloadKey: string): Promise<{ sql: string; plan: string; planAsWritten: string }[]> {
    const workload = WORKLOADS.find((candidate) => candidate.key === workloadKey);
    if (!workload) throw new Error(`No workload ${workloadKey}`);
    const captured = await statementsOf(workload);
    return explaining((connection) =>
      captured.map((statement) => ({ sql: statement.sql, plan: planOf(connection, statement).join("\n"), planAsWritten: planOf(connection, statement, true).join("\n") })),
    );
  }

  it("takes the caseload's count from an index alone, once, and its page in the page's own order", async () => {
    const plans = await plansOf("caseload");
    const page = plans.find((statement) => /limit \?\) order by/.test(statement.sql));
    // The count is a subquery of the page statement that depends on no row (not a CORRELATED one), so it runs
    // once, not once a row; without the index's trailing columns it would visit each of the keyworker's
    // episodes in the table.
    expect(page?.plan).toMatch(/^SCALAR SUBQUERY \d+\nSEARCH episodes USING COVERING INDEX episodes_keyworker_status/m);
    // The page's ids come off the index already in review order: the one sort is of the page's own rows, not
    // of the keyworker's whole list in the ids' subquery.
    expect(page?.plan).toMatch(/USING COVERING INDEX episodes_keyworker_review_order/);
    expect(page?.plan.match(/TEMP B-TREE/g)).toHaveLength(1);
    // Compiled with its parameters hidden from the planner, so that it is not planned again at every run; the
    // plan is the one its values would have chosen.
    expect(textToCompile(page?.sql ?? "")).toMatch(/"keyworker_id" = \+\?/);
    expect(page?.plan).toBe(page?.planAsWritten);
  }, 60_000);

  it("plans a person's page of contacts without its values, as it would with them", async () => {
    const plans = await plansOf("personRecord");
    const contacts = plans.find((statement) => /from "contacts" where .* limit \?$/s.test(statement.sql));
    expect(textToCompile(contacts?.sql ?? "")).toMatch(/"episode_id" = \+\?/);
    expect(contacts?.plan).toMatch(/SEARCH contacts USING INDEX/);
    expect(contacts?.plan).toBe(contacts?.planAsWritten);
  }, 60_000);

  it("K-3 rebuilds the review schedule holding two temporary tables and no automatic index", async () => {
    // Every temporary table a statement fills (a materialised CTE, an automatic index, an IN list) takes a page
    // cache of its own of up to 16 MB in the driver's build: K-3 once held some fifteen at once, 108 MB on
    // 100,000 people. Walking the plans through their keys needs the plans to walk and the occurrences to count.
    const plans = await plansOf("kpis");
    const k3 = plans.find((statement) => /^with reviewed_plans as materialized/.test(statement.sql));
    expect(k3?.plan.match(/^MATERIALIZE/gm)).toEqual(["MATERIALIZE", "MATERIALIZE"]);
    expect(k3?.plan).not.toMatch(/AUTOMATIC/);
    expect(k3?.plan).not.toMatch(/LIST SUBQUERY/);
  }, 60_000);

  it("reads a record the write workload never adds to, so every run on one database reads the same one", () => {
    expect(subjects.writeEpisodeIds).not.toContain(subjects.person.episodeId);
    const writer = new BetterSqlite3(file);
    const written = `bench-subjects-${Date.now()}`;
    try {
      // A written episode of the same team grows longer than the chosen record, as runs of the write workload make it.
      const grown = writer
        .prepare(`select id from episodes where team_id = ? and id in (select value from json_each(?)) limit 1`)
        .pluck()
        .get(subjects.team.id, JSON.stringify(subjects.writeEpisodeIds)) as string | undefined;
      expect(grown).toBeDefined();
      const columns = (writer.prepare("select name from pragma_table_info('contacts')").pluck().all() as string[]).map((name) => `"${name}"`);
      const copied = columns.map((column) => (column === '"id"' ? `'${written}-' || c.rowid` : column === '"episode_id"' ? "?" : `c.${column}`));
      // Copies up to a number of one episode's contacts into the grown one (ids made unique by the source row).
      const copyContacts = writer.prepare(`insert into contacts (${columns.join(", ")}) select ${copied.join(", ")} from contacts c where c.episode_id = ? limit ?`);
      copyContacts.run(grown, subjects.person.episodeId, subjects.person.contacts);
      copyContacts.run(grown, grown, 5);
      expect(writer.prepare("select count(*) from contacts where episode_id = ?").pluck().get(grown)).toBeGreaterThan(subjects.person.contacts);

      expect(chooseSubjects(file, TODAY).subjects.person).toEqual(subjects.person);
    } finally {
      writer.prepare("delete from contacts where id like ?").run(`${written}-%`);
      writer.close();
    }
  });

  for (const workload of WORKLOADS) {
    it(`${workload.title} reads no large table in full`, async () => {
      const captured = await statementsOf(workload);
      expect(captured.length).toBeGreaterThan(0);
      const offending = explaining((connection) =>
        captured
          .filter((statement) => /^\s*(select|with|update|delete)/i.test(statement.sql))
          .flatMap((statement) => fullScans(connection, statement).map((detail) => `${detail}\n    in: ${statement.sql.slice(0, 300)}`)),
      );
      expect(offending).toEqual([]);
    }, 60_000);
  }
});
