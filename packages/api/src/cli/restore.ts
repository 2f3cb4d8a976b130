import { resolve } from "node:path";
import type { Config } from "../config.js";
import { sqliteFileOf } from "../ops/databaseLocation.js";
import { BackupRefused, restoreSqlite } from "../ops/sqliteBackup.js";
import { POSTGRES_BACKUP_ADVICE } from "./postgresBackupAdvice.js";

/**
 * `waymark restore <file> [--replace]`: puts a backup in place as the database DATABASE_URL names, after
 * checking the backup's integrity. An existing database is replaced only with --replace, and never while a
 * server has it open. Newer migrations apply when the server next starts.
 */
export function runRestore(config: Config, backupFile: string | undefined, options: { readonly replace: boolean }): number {
  const target = sqliteFileOf(config.databaseUrl);
  if (target === null) {
    console.error(POSTGRES_BACKUP_ADVICE);
    return 1;
  }
  if (!backupFile) {
    console.error("Give the backup file to restore: waymark restore <file> [--replace]");
    return 2;
  }
  const source = resolve(backupFile);
  try {
    const { counts } = restoreSqlite(source, resolve(target), options);
    const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
    console.log(`Restored ${source} to ${resolve(target)}: ${Object.keys(counts).length} tables, ${rows} rows, integrity ok. Start the server to serve it.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupRefused) {
      console.error(`Nothing restored: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
