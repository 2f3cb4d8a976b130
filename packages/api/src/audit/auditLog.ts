import type { AuditAction } from "@waymark/core";
import { is } from "drizzle-orm";
import { PgDatabase } from "drizzle-orm/pg-core";
import type { Database, Db, Tables } from "../db/database.js";
import { insertReadAudits, type ReadAuditRow } from "./readAuditInsert.js";

export interface AuditEntry {
  readonly action: AuditAction;
  readonly recordType?: string | null;
  readonly recordId?: string | null;
  readonly serviceUserId?: string | null;
  readonly reason?: string | null;
  readonly detail?: Record<string, unknown> | null;
}

export interface AuditSource {
  readonly actorId: string | null;
  readonly fromAddress: string | null;
}

function rowOf(entry: AuditEntry, source: AuditSource, at: Date) {
  return {
    at,
    actorId: source.actorId,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    serviceUserId: entry.serviceUserId ?? null,
    fromAddress: source.fromAddress,
    reason: entry.reason ?? null,
    detail: entry.detail ?? null,
  };
}

/** Writes audit events inside a write transaction, so a change and its audit event are committed together. */
export async function writeAudit(tx: Db, tables: Tables, source: AuditSource, entries: readonly AuditEntry[], at = new Date()): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => rowOf(entry, source, at));
  if (!is(tx, PgDatabase)) {
    await tx.insert(tables.auditEvents).values(rows);
    return;
  }
  // Postgres: the trail's index by person is written with the events (see auditEventPeople in the schema).
  const written = await tx.insert(tables.auditEvents).values(rows).returning({ eventId: tables.auditEvents.id, serviceUserId: tables.auditEvents.serviceUserId });
  const aboutPeople = written.filter((row): row is { eventId: number; serviceUserId: string } => row.serviceUserId !== null);
  if (aboutPeople.length > 0) await tx.insert(tables.auditEventPeople).values(aboutPeople);
}

/**
 * Collects the reads of one request and writes them in a single insert when the request ends, so a page
 * of fifty people costs one statement, not fifty. Writes are audited in their own transaction instead.
 */
export class ReadAudit {
  private readonly pending: Pick<ReadAuditRow, "recordType" | "recordId" | "serviceUserId">[] = [];
  private readonly seen = new Set<string>();
  /** The error of a write that failed: its reads were never recorded, so no later flush may report success. */
  private failure: { readonly error: unknown } | null = null;

  constructor(private readonly source: AuditSource) {}

  /** Notes that the viewer read a person's record (once per record per request). */
  read(recordType: string, recordId: string, serviceUserId: string | null): void {
    const key = `${recordType}:${recordId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ recordType, recordId, serviceUserId });
  }

  /**
   * Writes the reads noted so far. Throws if they could not be written, and again on every later flush of this
   * request: whatever the request read must not be shown.
   */
  async flush(database: Database): Promise<void> {
    if (this.failure) throw this.failure.error;
    if (this.pending.length === 0) return;
    const at = new Date();
    const { actorId, fromAddress } = this.source;
    const rows = this.pending.splice(0).map((entry): ReadAuditRow => ({ at, actorId, fromAddress, ...entry }));
    try {
      await readAuditBatchOf(database).write(rows);
    } catch (error) {
      this.failure = { error };
      throw error;
    }
  }
}

/**
 * Group commit for read audits. Every request that shows a person's record writes its audit rows before it
 * answers; requests that finish in the same turn of the event loop, or while a write is under way, join one
 * batch, committed in one transaction, so fifty concurrent readers cost a handful of transactions rather than
 * fifty, and none of them answers before its reads are in the database.
 *
 * A batch waits for the end of the turn it was opened in before it asks for the writer. Started at once, it
 * was nearly always committed before any other request could join it (the write queue was idle, and the
 * commit runs in a single synchronous step), so each request paid for a transaction of its own: the same tail
 * pages of the trail and its two indexes written to the log again at every commit, and its locks. Under ten
 * concurrent readers of a person's record, waiting took the server from about 490 to 560 answers a second and
 * its kernel time from 0.24 to 0.17 ms an answer. With one client the turn ends at once, so nothing waits.
 */
class ReadAuditBatch {
  private open: { rows: ReadAuditRow[]; committed: Promise<void> } | null = null;

  constructor(private readonly database: Database) {}

  write(rows: readonly ReadAuditRow[]): Promise<void> {
    if (!this.open) {
      const batch = { rows: [] as ReadAuditRow[], committed: Promise.resolve() };
      const commit = () =>
        this.database.write(
          async (tx) => {
            // From here on the batch is closed: later requests start the next one.
            if (this.open === batch) this.open = null;
            await insertReadAudits(this.database, tx, batch.rows);
          },
          // Written before the answer leaves, so a crashed server has recorded every read it answered; the sync
          // to disk rides on the next clinical write or checkpoint (see WriteOptions).
          { durability: "process" },
        );
      batch.committed = new Promise<void>((turnEnded) => setImmediate(turnEnded)).then(commit);
      this.open = batch;
    }
    this.open.rows.push(...rows);
    return this.open.committed;
  }
}

const readAuditBatches = new WeakMap<Database, ReadAuditBatch>();

function readAuditBatchOf(database: Database): ReadAuditBatch {
  let batch = readAuditBatches.get(database);
  if (!batch) readAuditBatches.set(database, (batch = new ReadAuditBatch(database)));
  return batch;
}
