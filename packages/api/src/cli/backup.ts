import { resolve } from "node:path";
import type { Config } from "../config.js";
import { sqliteFileOf } from "../ops/databaseLocation.js";
import { BackupRefused, backupSqlite } from "../ops/sqliteBackup.js";
import { POSTGRES_BACKUP_ADVICE } from "./postgresBackupAdvice.js";

/**
 * `waymark backup <file>`: a consistent, checked copy of the SQLite database, taken while the server runs.
 * On Postgres it explains pg_dump instead and exits 1, so a backup script never believes it made a copy.
 */
export function runBackup(config: Config, targetFile: string | undefined): number {
  const source = sqliteFileOf(config.databaseUrl);
  if (source === null) {
    console.error(POSTGRES_BACKUP_ADVICE);
    return 1;
  }
  if (!targetFile) {
    console.error("Give the file to write the backup to: waymark backup <file>");
    return 2;
  }
  const target = resolve(targetFile);
  try {
    const started = Date.now();
    const { counts, bytes } = backupSqlite(source, target);
    const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
    console.log(`Backed up ${source} to ${target}: ${Object.keys(counts).length} tables, ${rows} rows, ${bytes} bytes, integrity ok, in ${Date.now() - started} ms.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupRefused) {
      console.error(`Backup not made: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
