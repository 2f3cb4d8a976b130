import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { migrationsFolder } from "../paths.js";

/** Migrations applied so far; none on a new file (drizzle creates its table on the first migration). */
function appliedMigrations(writer: BetterSqlite3.Database): number {
  const table = writer.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? Number(writer.prepare("select count(*) from __drizzle_migrations").pluck().get()) : 0;
}

/**
 * Applies SQLite migrations. Foreign keys are switched off around them because a migration that rebuilds a
 * table would otherwise trip them half-way; when any was applied they are checked in full afterwards, and any
 * broken reference stops the start rather than leaving a damaged database in service. (The full check reads
 * every row: seconds on a large provider, so it is not repeated on starts that changed nothing.)
 */
export function migrateSqliteDatabase(writer: BetterSqlite3.Database, folder = migrationsFolder("sqlite")): void {
  writer.pragma("foreign_keys = OFF");
  try {
    const before = appliedMigrations(writer);
    migrateSqlite(drizzleSqlite(writer), { migrationsFolder: folder });
    if (appliedMigrations(writer) === before) return;
    const broken = writer.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 5))}`);
  } finally {
    writer.pragma("foreign_keys = ON");
  }
}

/**
 * Brings SQLite's planner statistics up to date where they are missing or stale: a table whose index was
 * added by a migration, or that has grown or shrunk many times over since it was last analysed. Without them
 * the planner guesses by the shape of each index, and a new index can win a query it serves worse (a wide
 * index chosen for the caseload page, which then sorts the keyworker's whole list, over the one already in
 * the page's order). SQLite's own advice for a connection that stays open. Tables already analysed and about
 * the same size cost nothing, so an ordinary start takes a moment; a table that needs it is read in full (on
 * the benchmark's provider, a third of a second for the episodes, a second for three million contacts), as
 * sampling it gave estimates several times out. Run before the read connection's first statement, which
 * loads the statistics then.
 */
export function refreshPlannerStatistics(writer: BetterSqlite3.Database): void {
  writer.pragma("optimize = 0x10002");
}

export async function migratePostgresDatabase(pool: pg.Pool, folder = migrationsFolder("postgres")): Promise<void> {
  await migratePostgres(drizzlePostgres(pool), { migrationsFolder: folder });
}
