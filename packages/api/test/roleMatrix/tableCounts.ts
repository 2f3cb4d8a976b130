import { count, getTableName, is, Table } from "drizzle-orm";
import { auditPeopleIndexing } from "../auditPeopleIndexing.js";
import type { TestServer } from "../testServer.js";

/**
 * The row count of every table of the schema, sessions and the audit trail included: a refused call must
 * leave all of them as they were, whichever table its operation writes to.
 *
 * On SQLite the audit trail's index by person is filled from the trail on a timer; it is brought up to date
 * first, so a pass of that timer during a call (indexing events written before it) is not taken for the
 * call's own write. An event the call wrote still shows, in audit_events.
 */
export async function tableCounts(server: TestServer): Promise<Record<string, number>> {
  await auditPeopleIndexing(server.database)?.catchUp();
  const tables: Table[] = Object.values(server.database.tables as Record<string, unknown>).filter((value): value is Table => is(value, Table));
  const counted = await Promise.all(
    tables.map(async (table) => {
      const [row] = await server.database.read.select({ rows: count() }).from(table);
      return [getTableName(table), Number(row?.rows ?? 0)] as const;
    }),
  );
  return Object.fromEntries(counted);
}
