import { getTableName, is, sql, Table } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { TestServer } from "../testServer.js";

/**
 * Tables a refused request may still write to, by design:
 * - audit_events: refusals are part of the trail (a failed sign-in is LOGIN_FAILED; the records a request
 *   read while deciding are audited as read), and the trail is append-only, so a refusal that wrote nothing
 *   else leaves only its trace there.
 * - audit_event_people: the trail's index by person, which follows audit_events (on SQLite on a timer, so
 *   also while an unrelated request is under way).
 * Everything else is compared: clinical records, people, episodes and plans, and also configuration,
 * staff, teams, sessions, API tokens, break-glass grants and export jobs.
 */
export const TABLES_REFUSALS_MAY_WRITE: readonly string[] = ["audit_events", "audit_event_people"];

/** Each table's row count and a hash of all its rows (in a fixed order, so storage order does not matter). */
export type DatabaseSnapshot = Readonly<Record<string, { readonly rows: number; readonly hash: string }>>;

/** Columns left out of the snapshot of one table, by their names in the schema's table objects. */
export type IgnoredColumns = Readonly<Record<string, readonly string[]>>;

const json = (value: unknown) => JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner));

/** Every table except {@link TABLES_REFUSALS_MAY_WRITE}, each as a row count and a hash of its rows. */
export async function databaseSnapshot(server: TestServer, ignoring: IgnoredColumns = {}): Promise<DatabaseSnapshot> {
  const tables = Object.values(server.database.tables as Record<string, unknown>).filter((value): value is Table => is(value, Table));
  const snapshots = await Promise.all(
    tables
      .filter((table) => !TABLES_REFUSALS_MAY_WRITE.includes(getTableName(table)))
      .map(async (table) => {
        const name = getTableName(table);
        const rows = (await server.database.read.select().from(table)) as Record<string, unknown>[];
        const ignored = ignoring[name] ?? [];
        const lines = rows.map((row) => json(Object.entries(row).filter(([column]) => !ignored.includes(column)))).sort();
        return [name, { rows: rows.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex") }] as const;
      }),
  );
  return Object.fromEntries(snapshots);
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  return Object.keys(after).filter((name) => before[name]?.hash !== after[name]?.hash || before[name]?.rows !== after[name]?.rows);
}

/**
 * A mark that moves whenever a transaction is committed, or null where there is none to read. When it has
 * not moved, nothing was written and the last snapshot still holds, which spares hashing every table after a
 * request that wrote nothing.
 * - SQLite: reads go through a connection of their own, whose `data_version` moves with every commit made by
 *   another connection (the server's writer).
 * - Postgres: the write-ahead log's position, which every commit on the server moves (commits elsewhere on
 *   the same server move it too, and only cost a snapshot).
 */
export async function commitMark(server: TestServer): Promise<string | null> {
  if (server.database.dialect === "sqlite") {
    const row = server.database.read.get<{ data_version: number }>(sql.raw("PRAGMA data_version"));
    return String(row.data_version);
  }
  const pool = (server.database as { pool?: { query(text: string): Promise<{ rows: { lsn: string }[] }> } }).pool;
  if (!pool) return null;
  const { rows } = await pool.query("select pg_current_wal_lsn()::text as lsn");
  return rows[0]?.lsn ?? null;
}
