import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { migrationsFolder } from "../paths.js";

/**
 * Applies SQLite migrations. Foreign keys are switched off around them because a migration that rebuilds a
 * table would otherwise trip them half-way; they are checked in full afterwards, and any broken reference
 * stops the start rather than leaving a damaged database in service.
 */
export function migrateSqliteDatabase(writer: BetterSqlite3.Database, folder = migrationsFolder("sqlite")): void {
  writer.pragma("foreign_keys = OFF");
  try {
    migrateSqlite(drizzleSqlite(writer), { migrationsFolder: folder });
    const broken = writer.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`Migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 5))}`);
  } finally {
    writer.pragma("foreign_keys = ON");
  }
}

export async function migratePostgresDatabase(pool: pg.Pool, folder = migrationsFolder("postgres")): Promise<void> {
  await migratePostgres(drizzlePostgres(pool), { migrationsFolder: folder });
}
