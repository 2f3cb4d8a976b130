import type { AuditAction } from "@waymark/core";
import type { Database, Db, Tables } from "../db/database.js";

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
  await tx.insert(tables.auditEvents).values(entries.map((entry) => rowOf(entry, source, at)));
}

/**
 * Collects the reads of one request and writes them in a single insert when the request ends, so a page
 * of fifty people costs one statement, not fifty. Writes are audited in their own transaction instead.
 */
export class ReadAudit {
  private readonly pending: AuditEntry[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly source: AuditSource) {}

  /** Notes that the viewer read a person's record (once per record per request). */
  read(recordType: string, recordId: string, serviceUserId: string | null): void {
    const key = `${recordType}:${recordId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ action: "READ", recordType, recordId, serviceUserId });
  }

  async flush(database: Database): Promise<void> {
    if (this.pending.length === 0) return;
    const entries = this.pending.splice(0);
    await database.write((tx) => writeAudit(tx, database.tables, this.source, entries));
  }
}
