import type BetterSqlite3 from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { Database, Db } from "../db/database.js";

/** One read of a person's record, as the read audit trail stores it (action READ, no reason or detail). */
export interface ReadAuditRow {
  readonly at: Date;
  readonly actorId: string | null;
  readonly recordType: string | null;
  readonly recordId: string | null;
  readonly serviceUserId: string | null;
  readonly fromAddress: string | null;
}

/**
 * Rows per insert statement on SQLite: six parameters each, well inside its limit of 32,766. A person's record
 * shows some seventy records, which at 64 a statement took two; each row count is its own compiled statement,
 * kept by the connection, so this also bounds how many of those are kept.
 */
const ROWS_PER_STATEMENT = 128;

/** The text of the insert of `count` read audit rows on SQLite, by count. */
const insertTexts: string[] = [];

function insertTextOf(count: number): string {
  return (insertTexts[count] ??= `insert into "audit_events" ("at", "actor_id", "action", "record_type", "record_id", "service_user_id", "from_address") values ${Array.from({ length: count }, () => "(?, ?, 'READ', ?, ?, ?, ?)").join(", ")}`);
}

/** The driver's connection under a SQLite handle: drizzle keeps it as $client, which Db's type leaves out. */
const connectionOf = (tx: Db) => (tx as Db & { readonly $client: BetterSqlite3.Database }).$client;

/**
 * Inserts any number of read audit rows in as few statements as their number allows. A page of fifty people
 * shows a hundred or more records.
 *
 * On SQLite the rows go in multi-row inserts of up to 128 rows, run on the driver with the values as one flat
 * array: one statement text per row count, compiled once and kept by the connection (db/statementCache). Sent
 * as one JSON text for the database to unpack, the rows cost it a parse of each row's text for every one of its
 * six columns; built by the query builder, a name lookup and a type check for each of the 384 bound values.
 * On Postgres the rows travel as one JSON parameter, since the index by person is written by the same statement.
 */
export async function insertReadAudits(database: Database, tx: Db, rows: readonly ReadAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (database.dialect === "sqlite") {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const end = Math.min(rows.length, start + ROWS_PER_STATEMENT);
      // Filled in place: a page's hundred-odd rows would otherwise each leave an array of six behind.
      const values: unknown[] = new Array((end - start) * 6);
      let next = 0;
      for (let index = start; index < end; index += 1) {
        const row = rows[index] as ReadAuditRow;
        values[next++] = row.at.getTime();
        values[next++] = row.actorId;
        values[next++] = row.recordType;
        values[next++] = row.recordId;
        values[next++] = row.serviceUserId;
        values[next++] = row.fromAddress;
      }
      const text = insertTextOf(end - start);
      database.noteStatement(text, values);
      connectionOf(tx).prepare(text).run(values);
    }
    return;
  }
  const packed = JSON.stringify(rows.map((row) => [row.at.getTime(), row.actorId, row.recordType, row.recordId, row.serviceUserId, row.fromAddress]));
  // The trail's index by person is written with the events on Postgres (see auditEventPeople in the schema).
  await (tx as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> }).execute(sql`
    with written as (
      insert into audit_events (at, actor_id, action, record_type, record_id, service_user_id, from_address)
      select to_timestamp((r ->> 0)::bigint / 1000.0), r ->> 1, 'READ', r ->> 2, r ->> 3, r ->> 4, r ->> 5
      from jsonb_array_elements(cast(${packed} as jsonb)) with ordinality as rows(r, n) order by n
      returning id, service_user_id)
    insert into audit_event_people (event_id, service_user_id) select id, service_user_id from written where service_user_id is not null`);
}
