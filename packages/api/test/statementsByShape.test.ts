import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/database.js";
import { migrateSqliteDatabase } from "../src/db/migrate.js";
import { openSqliteDatabase } from "../src/db/sqliteDatabase.js";
import { sqliteFileOf } from "../src/db/sqliteFile.js";
import { prepareSelect, statementsForShape } from "../src/db/statementsByShape.js";
import { freshDatabaseUrl } from "./databases.js";

/**
 * Statements kept per request shape (db/statementsByShape): one build per shape, a new build for any other
 * shape, and placeholders bound afresh on every run.
 */
describe("statements kept per request shape", () => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl("sqlite");
    drop = fresh.drop;
    const opened = openSqliteDatabase(sqliteFileOf(fresh.url));
    migrateSqliteDatabase(opened.writer);
    database = opened;
    const now = new Date("2025-06-02T09:00:00Z");
    await database.write((tx) =>
      tx.insert(database.tables.teams).values([
        { id: "team-a", name: "Adults North", reviewIntervalWeeks: 12, waitingTimeTargetDays: 21, createdAt: now, updatedAt: now },
        { id: "team-b", name: "Young People", reviewIntervalWeeks: 12, waitingTimeTargetDays: 21, createdAt: now, updatedAt: now },
      ]),
    );
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it("builds a shape once and builds again only for a different shape", () => {
    let builds = 0;
    const build = () => ({ build: ++builds });
    const first = statementsForShape(database.read, "test-shapes", { scope: "MINE", teamIds: ["a"] }, build);
    expect(statementsForShape(database.read, "test-shapes", { scope: "MINE", teamIds: ["a"] }, build)).toBe(first);
    expect(statementsForShape(database.read, "test-shapes", { scope: "MINE", teamIds: ["b"] }, build)).not.toBe(first);
    expect(statementsForShape(database.read, "other-kind", { scope: "MINE", teamIds: ["a"] }, build)).not.toBe(first);
    expect(builds).toBe(3);
  });

  it("drops the least recently used shape beyond its capacity, keeping one just used", () => {
    let builds = 0;
    const build = () => ({ build: ++builds });
    const kept = statementsForShape(database.read, "test-capacity", { n: 0 }, build);
    const dropped = statementsForShape(database.read, "test-capacity", { n: 1 }, build);
    for (let n = 2; n < 500; n += 1) statementsForShape(database.read, "test-capacity", { n }, build);
    // Using the first shape again makes the second the least recently used; one more shape pushes it out.
    expect(statementsForShape(database.read, "test-capacity", { n: 0 }, build)).toBe(kept);
    statementsForShape(database.read, "test-capacity", { n: 500 }, build);
    expect(statementsForShape(database.read, "test-capacity", { n: 0 }, build)).toBe(kept);
    expect(statementsForShape(database.read, "test-capacity", { n: 1 }, build)).not.toBe(dropped);
  });

  it("binds the placeholders of a kept statement afresh on each run", async () => {
    const t = database.tables;
    const byId = () => statementsForShape(database.read, "test-team", {}, () => prepareSelect<{ name: string }>(database.read.select({ name: t.teams.name }).from(t.teams).where(eq(t.teams.id, sql.placeholder("id")))));
    expect(await byId().execute({ id: "team-a" })).toEqual([{ name: "Adults North" }]);
    expect(await byId().execute({ id: "team-b" })).toEqual([{ name: "Young People" }]);
    expect(await byId().execute({ id: "team-c" })).toEqual([]);
  });
});
