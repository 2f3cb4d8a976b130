import type { AuditPeopleIndexing } from "../src/audit/auditPeopleIndex.js";
import type { Database } from "../src/db/database.js";

/**
 * The background filling of the audit trail's index by person, where the database has one (SQLite; Postgres
 * writes the index with each event, so there is nothing to wait for).
 */
export const auditPeopleIndexing = (database: Database): AuditPeopleIndexing | undefined =>
  (database as Database & { auditPeopleIndex?: AuditPeopleIndexing }).auditPeopleIndex;
