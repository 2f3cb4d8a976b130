import BetterSqlite3 from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { afterAll, describe, expect, it } from "vitest";
import { compileRowMapper } from "./rowMapper.js";
import { prepareSelect } from "./statementsByShape.js";

const teams = sqliteTable("teams", { id: text("id").primaryKey(), name: text("name").notNull() });
const people = sqliteTable("people", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  teamId: text("team_id"),
  since: integer("since", { mode: "timestamp_ms" }).notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  needs: text("needs", { mode: "json" }).$type<string[]>(),
});

const connection = new BetterSqlite3(":memory:");
connection.exec(`
  create table teams (id text primary key, name text not null);
  create table people (id text primary key, name text not null, team_id text, since integer not null, active integer not null, needs text);
  insert into teams values ('t1', 'North');
  insert into people values ('p1', 'Ann', 't1', 1700000000000, 1, '["HOUSING","HEALTH"]'), ('p2', 'Bo', null, 1700000500000, 0, null);
`);
const db = drizzle(connection);
afterAll(() => connection.close());

/** drizzle's own answer (its mapResultRow, as an unprepared select runs it) beside the compiled mapper's. */
async function bothWays(query: { all(): unknown; prepare(): unknown }) {
  const drizzles = query.all() as unknown[];
  const compiled = await prepareSelect<unknown>(query).execute({});
  return { drizzles, compiled };
}

describe("compiled row mapping", () => {
  it("builds the same rows as drizzle, decoders and key order included, for a whole table", async () => {
    const { drizzles, compiled } = await bothWays(db.select().from(people).orderBy(people.id));
    expect(compiled).toEqual(drizzles);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(drizzles));
    const [first] = compiled as { since: Date; active: boolean; needs: string[] }[];
    expect(first?.since).toEqual(new Date(1700000000000));
    expect(first?.active).toBe(true);
    expect(first?.needs).toEqual(["HOUSING", "HEALTH"]);
  });

  it("nulls a left-joined object whose join found no row, as drizzle does, and keeps the one that did", async () => {
    const query = db.select({ person: people, team: teams }).from(people).leftJoin(teams, eq(teams.id, people.teamId)).orderBy(people.id);
    const { drizzles, compiled } = await bothWays(query);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(drizzles));
    expect((compiled as { team: unknown }[]).map((row) => row.team)).toEqual([{ id: "t1", name: "North" }, null]);
  });

  it("maps nested objects and SQL fields with their own decoders", async () => {
    const query = db
      .select({ id: people.id, about: { name: people.name, teamCount: sql`(select count(*) from teams where teams.id = ${people.teamId})`.mapWith(Number) }, label: sql<string>`upper(${people.name})` })
      .from(people)
      .orderBy(people.id);
    const { drizzles, compiled } = await bothWays(query);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(drizzles));
    expect(compiled).toEqual([
      { id: "p1", about: { name: "Ann", teamCount: 1 }, label: "ANN" },
      { id: "p2", about: { name: "Bo", teamCount: 0 }, label: "BO" },
    ]);
  });

  it("refuses a field named __proto__, which an object literal would take as the prototype", () => {
    expect(() => compileRowMapper([{ path: ["__proto__"], field: people.id }], undefined)).toThrow(/__proto__/);
  });
});
