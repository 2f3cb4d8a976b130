import BetterSqlite3 from "better-sqlite3";
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** A backup or restore that cannot go ahead, with the reason in words an operator can act on. */
export class BackupRefused extends Error {}

/** Row counts of every table in a database file, by table name. */
export type TableRowCounts = Record<string, number>;

/** The table drizzle keeps applied migrations in: its presence marks a file as a Waymark database. */
const MIGRATIONS_TABLE = "__drizzle_migrations";

function openReadOnly(file: string): BetterSqlite3.Database {
  if (!existsSync(file)) throw new BackupRefused(`${file} does not exist.`);
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  connection.pragma("busy_timeout = 5000");
  return connection;
}

/** Counts the rows of every table (SQLite's own tables aside). */
export function countRows(connection: BetterSqlite3.Database): TableRowCounts {
  const tables = connection.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  const counts: TableRowCounts = {};
  for (const table of tables) counts[table] = connection.prepare(`select count(*) from "${table.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

/**
 * Opens `file` read-only and checks it is a sound Waymark database: PRAGMA integrity_check answers "ok" and
 * the migrations table is there. Returns its tables' row counts; throws BackupRefused saying what is wrong.
 */
export function checkDatabaseFile(file: string): TableRowCounts {
  let connection: BetterSqlite3.Database;
  try {
    connection = openReadOnly(file);
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`${file} cannot be opened as a SQLite database (${(error as Error).message}).`);
  }
  try {
    let problems: string[];
    try {
      problems = connection.prepare("pragma integrity_check").pluck().all() as string[];
    } catch (error) {
      throw new BackupRefused(`${file} is not a readable SQLite database (${(error as Error).message}).`);
    }
    if (problems.length !== 1 || problems[0] !== "ok") throw new BackupRefused(`${file} failed PRAGMA integrity_check: ${problems.slice(0, 5).join("; ")}`);
    const counts = countRows(connection);
    if (!(MIGRATIONS_TABLE in counts)) throw new BackupRefused(`${file} is a SQLite database but not a Waymark one (it has no ${MIGRATIONS_TABLE} table).`);
    return counts;
  } finally {
    connection.close();
  }
}

/** Flushes a file, or a folder's entries, to the disk: a backup that only sits in the page cache is not one. */
function flushToDisk(path: string): void {
  const handle = openSync(path, "r");
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/** A temporary name next to `file`, so the final rename stays on one file system and is atomic. */
function partialNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
}

/**
 * Writes a consistent copy of the live database `source` to `target` while the server goes on serving.
 * VACUUM INTO reads inside one read transaction (WAL lets writers continue meanwhile), so the copy is the
 * database as of one instant, compacted. It is written under a temporary name, checked, flushed and only
 * then renamed into place: `target` either does not exist or is a whole, checked backup.
 */
export function backupSqlite(source: string, target: string): { readonly counts: TableRowCounts; readonly bytes: number } {
  if (existsSync(target)) throw new BackupRefused(`${target} already exists; choose a new file name (a backup never overwrites).`);
  if (!existsSync(dirname(target))) throw new BackupRefused(`The folder ${dirname(target)} does not exist.`);
  const partial = partialNameFor(target);
  rmSync(partial, { force: true });
  const connection = openReadOnly(source);
  try {
    connection.prepare("vacuum into ?").run(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupRefused(`The backup of ${source} could not be written (${(error as Error).message}).`);
  } finally {
    connection.close();
  }
  try {
    const counts = checkDatabaseFile(partial);
    flushToDisk(partial);
    renameSync(partial, target);
    flushToDisk(dirname(target));
    return { counts, bytes: statSync(target).size };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * True when another connection holds `file` open, as a running server does. Leaving WAL mode needs the only
 * connection to the file, so the attempt fails with SQLITE_BUSY while anyone else has it open.
 */
export function isDatabaseInUse(file: string): boolean {
  const connection = new BetterSqlite3(file, { fileMustExist: true });
  try {
    connection.pragma("busy_timeout = 0");
    connection.pragma("journal_mode = DELETE");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY" || (error as { code?: string }).code === "SQLITE_LOCKED") return true;
    throw error;
  } finally {
    connection.close();
  }
}

/**
 * Puts the backup `backupFile` in place as the database `target`. The backup is checked first (integrity and
 * being a Waymark database); an existing database is only replaced when `replace` is set, and never while a
 * server has it open. The copy is flushed and renamed into place, and the old database's WAL and shared
 * memory files are removed so none of its pages are replayed over the restored one.
 */
export function restoreSqlite(backupFile: string, target: string, options: { readonly replace: boolean }): { readonly counts: TableRowCounts } {
  const counts = checkDatabaseFile(backupFile);
  if (existsSync(target)) {
    if (!options.replace) throw new BackupRefused(`${target} already holds a database; pass --replace to overwrite it (stop the server first).`);
    if (isDatabaseInUse(target)) throw new BackupRefused(`${target} is in use by a running Waymark server; stop the server before restoring over it.`);
  }
  // A fresh location is created, as the server creates its data folder on first start.
  mkdirSync(dirname(target), { recursive: true });
  const partial = partialNameFor(target);
  try {
    copyFileSync(backupFile, partial);
    flushToDisk(partial);
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(partial, target);
    flushToDisk(dirname(target));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { counts };
}
