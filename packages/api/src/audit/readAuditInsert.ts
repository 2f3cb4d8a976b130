import { sql } from "drizzle-orm";
import type { Db, Dialect } from "../db/database.js";

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
 * Inserts any number of read audit rows with one statement whose text never changes: the rows travel as one
 * JSON parameter and the database unpacks them. A page of fifty people shows a hundred or more records, and
 * an ordinary multi-row insert would be a new statement of a thousand parameters for each page size, built
 * value by value by the query builder and compiled afresh by the database; this one is compiled once.
 */
export async function insertReadAudits(tx: Db, dialect: Dialect, rows: readonly ReadAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  const packed = JSON.stringify(rows.map((row) => [row.at.getTime(), row.actorId, row.recordType, row.recordId, row.serviceUserId, row.fromAddress]));
  if (dialect === "postgres") {
    // The trail's index by person is written with the events on Postgres (see auditEventPeople in the schema).
    await (tx as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> }).execute(sql`
      with written as (
        insert into audit_events (at, actor_id, action, record_type, record_id, service_user_id, from_address)
        select to_timestamp((r ->> 0)::bigint / 1000.0), r ->> 1, 'READ', r ->> 2, r ->> 3, r ->> 4, r ->> 5
        from jsonb_array_elements(cast(${packed} as jsonb)) with ordinality as rows(r, n) order by n
        returning id, service_user_id)
      insert into audit_event_people (event_id, service_user_id) select id, service_user_id from written where service_user_id is not null`);
    return;
  }
  await tx.run(sql`
    insert into audit_events (at, actor_id, action, record_type, record_id, service_user_id, from_address)
    select value ->> 0, value ->> 1, 'READ', value ->> 2, value ->> 3, value ->> 4, value ->> 5
    from json_each(${packed}) order by key`);
}
