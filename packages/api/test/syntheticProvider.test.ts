import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { seedSyntheticProvider, type SyntheticResult } from "../src/seed/synthetic/syntheticProvider.js";
import { refreshEpisodeSummary } from "../src/services/episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "../src/services/referenceData.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";

/** Issue #6: `waymark seed --synthetic` writes a realistic large provider, the same for the same seed. */
const TODAY = "2026-06-01";
const CLINICAL_TABLES = ["service_users", "episodes", "problem_substances", "assessments", "recovery_plans", "plan_goals", "reviews", "interventions", "outcome_records", "contacts", "harm_reduction_records"];

async function opened(dialect: "sqlite" | "postgres") {
  const fresh = await freshDatabaseUrl(dialect);
  return { database: await openDatabase(fresh.url), drop: fresh.drop };
}

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return database.dialect === "sqlite"
    ? ((database.read as unknown as { all(query: unknown): Promise<T[]> }).all(query))
    : ((await (database.read as unknown as { execute(query: unknown): Promise<{ rows: T[] }> }).execute(query)).rows);
}

/** A digest of every row of the clinical tables and the organisation (password hashes aside: each is salted). */
async function contentDigest(database: Database): Promise<string> {
  const hash = createHash("sha256");
  for (const table of [...CLINICAL_TABLES, "teams", "staff_teams"]) {
    for (const row of await rows<Record<string, unknown>>(database, sql.raw(`select * from ${table} order by 1, 2`))) hash.update(JSON.stringify(row));
  }
  for (const row of await rows<Record<string, unknown>>(database, sql.raw("select id, name, email, roles from staff order by id"))) hash.update(JSON.stringify(row));
  return hash.digest("hex");
}

describe("the synthetic provider is the same for the same seed (issue #6)", () => {
  const opened_: { database: Database; drop: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const { database, drop } of opened_) {
      await database.close();
      await drop();
    }
  });

  it("two runs with one seed write identical records; another seed writes others", async () => {
    const digests: string[] = [];
    for (const seed of [11, 11, 12]) {
      const target = await opened("sqlite");
      opened_.push(target);
      await seedSyntheticProvider(target.database, { people: 150, seed, today: TODAY, progress: false });
      digests.push(await contentDigest(target.database));
    }
    expect(digests[1]).toBe(digests[0]);
    expect(digests[2]).not.toBe(digests[0]);
  });
});

describeEachDialect("a synthetic provider of 1,000 people (issue #6)", (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  let result: SyntheticResult;
  const count = async (query: string) => Number((await rows<{ n: number | string }>(database, sql.raw(query)))[0]?.n ?? 0);

  beforeAll(async () => {
    ({ database, drop } = await opened(dialect));
    result = await seedSyntheticProvider(database, { people: 1_000, seed: 5, today: TODAY, progress: false });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it("reports what it wrote, and the rate", async () => {
    expect(result.rows).toBe(Object.values(result.rowsByTable).reduce((sum, rows) => sum + rows, 0));
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    for (const [key, table] of [["episodes", "episodes"], ["contacts", "contacts"], ["reviews", "reviews"]] as const) {
      expect(await count(`select count(*) as n from ${table}`)).toBe(result.rowsByTable[key]);
    }
  });

  it("has 40 keyworkers in 4 teams of 10, a lead for each team, an admin and an analyst", async () => {
    expect(await count("select count(*) as n from teams")).toBe(4);
    const perTeam = await rows<{ n: number | string }>(database, sql.raw(`select count(*) as n from staff_teams st join staff s on s.id = st.staff_id where cast(s.roles as text) like '%PRACTITIONER%' group by st.team_id`));
    expect(perTeam.map((row) => Number(row.n))).toEqual([10, 10, 10, 10]);
    expect(await count(`select count(*) as n from staff where cast(roles as text) like '%TEAM_LEAD%'`)).toBe(4);
  });

  it("has about 1.5 episodes per person, at every stage of the journey", async () => {
    const people = await count("select count(*) as n from service_users");
    expect(result.episodes / people).toBeGreaterThan(1.3);
    expect(result.episodes / people).toBeLessThan(1.8);
    const statuses = (await rows<{ status: string }>(database, sql.raw("select distinct status from episodes"))).map((row) => row.status).sort();
    expect(statuses).toEqual(["ASSESSED", "CLOSED", "COMPLETED", "IN_TREATMENT", "REFERRED", "TRIAGED"]);
  });

  it("has about ten interventions and twenty contacts per treated episode, with missed appointments among them", async () => {
    const treated = await count("select count(*) as n from episodes where first_intervention_date is not null");
    expect(result.rowsByTable.interventions / treated).toBeGreaterThan(7);
    expect(result.rowsByTable.interventions / treated).toBeLessThan(13);
    expect(result.rowsByTable.contacts / treated).toBeGreaterThan(15);
    expect(result.rowsByTable.contacts / treated).toBeLessThan(25);
    const missed = await count(`select count(*) as n from contacts where outcome = 'DID_NOT_ATTEND'`);
    expect(missed / result.rowsByTable.contacts).toBeGreaterThan(0.05);
  });

  it("has reviews every 12 weeks, some completed late and some missed (overdue on open episodes), and TOPs at each stage", async () => {
    expect(await count("select count(*) as n from reviews where completed_date > due_date")).toBeGreaterThan(0);
    expect(await count(`select count(*) as n from episodes where status = 'IN_TREATMENT' and next_review_due < '${TODAY}'`)).toBeGreaterThan(0);
    const stages = (await rows<{ stage: string }>(database, sql.raw("select distinct stage from outcome_records"))).map((row) => row.stage).sort();
    expect(stages).toEqual(["EXIT", "REVIEW", "START"]);
  });

  it("stores on each episode the summary core computes from its records, as a write through the API would", async () => {
    const t = database.tables;
    const sample = await database.read.select().from(t.episodes).orderBy(t.episodes.id).limit(40);
    const [catalogue, settings] = await Promise.all([loadCatalogue(database.read, t), loadServiceSettings(database.read, t)]);
    await database.write(async (tx) => {
      for (const episode of sample) await refreshEpisodeSummary(tx, t, episode.id, TODAY, catalogue, settings);
    });
    const refreshed = await database.read.select().from(t.episodes).orderBy(t.episodes.id).limit(40);
    expect(refreshed).toEqual(sample);
    expect(sample.some((episode) => episode.nextReviewDue !== null && episode.cohort !== null)).toBe(true);
  });
});
