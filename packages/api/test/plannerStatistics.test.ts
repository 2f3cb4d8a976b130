import BetterSqlite3 from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "../src/db/openDatabase.js";
import { sqliteFileOf } from "../src/db/sqliteFile.js";
import { freshDatabaseUrl } from "./databases.js";

/**
 * Opening a SQLite database brings the planner's statistics up to date (db/migrate.ts refreshPlannerStatistics):
 * an index a migration adds to a provider's existing tables has none until something analyses it, and the
 * planner then guesses from the index's shape alone.
 */
let drop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await drop?.();
  drop = undefined;
});

const statisticsOf = (file: string, table: string) => {
  const connection = new BetterSqlite3(file, { readonly: true });
  try {
    return connection.prepare("select idx from sqlite_stat1 where tbl = ? order by idx").pluck().all(table) as string[];
  } finally {
    connection.close();
  }
};

it("analyses, on opening, a table holding rows that has indexes without statistics", async () => {
  const fresh = await freshDatabaseUrl("sqlite");
  drop = fresh.drop;
  const file = sqliteFileOf(fresh.url);
  const first = await openDatabase(fresh.url);
  await first.close();

  // A provider's database as an upgrade finds it: rows in a table, and an index on it never analysed.
  const connection = new BetterSqlite3(file);
  const insert = connection.prepare("insert into service_settings (key, value, updated_at) values (?, '1', 0)");
  connection.transaction(() => {
    for (let n = 0; n < 200; n++) insert.run(`setting-${n}`);
  })();
  connection.exec("create index service_settings_value on service_settings (value)");
  connection.close();
  expect(statisticsOf(file, "service_settings")).toEqual([]);

  const reopened = await openDatabase(fresh.url);
  await reopened.close();
  expect(statisticsOf(file, "service_settings")).toContain("service_settings_value");
});
