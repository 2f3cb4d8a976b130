import type { Database } from "./database.js";
import { migratePostgresDatabase, migrateSqliteDatabase, refreshPlannerStatistics } from "./migrate.js";
import { openPostgresDatabase } from "./postgresDatabase.js";
import { openSqliteDatabase } from "./sqliteDatabase.js";
import { sqliteFileOf } from "./sqliteFile.js";

/**
 * Opens the database named by `databaseUrl` — a postgres:// URL, or otherwise a SQLite file path — and brings
 * its schema up to date.
 */
export async function openDatabase(databaseUrl: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const database = openPostgresDatabase(databaseUrl);
    await migratePostgresDatabase(database.pool);
    return database;
  }
  const database = openSqliteDatabase(sqliteFileOf(databaseUrl));
  migrateSqliteDatabase(database.writer);
  refreshPlannerStatistics(database.writer);
  return database;
}
