import { and, count, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db, Tables } from "../db/database.js";
import { decodeCursor, pageFromRows } from "../db/keysetPage.js";
import { badUserInput } from "../graphql/errors.js";
import type { ConnectionShape } from "../graphql/relay.js";

export const EXPORT_STATUSES = ["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const EXPORT_KINDS = ["GRAPHQL_QUERY", "NATIONAL_EXTRACT"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** How long a finished export's file may be downloaded before the sweep deletes it. */
export const EXPORT_LIFETIME_HOURS = 24;
const LIFETIME_MS = EXPORT_LIFETIME_HOURS * 3_600_000;

export type ExportJobRow = Tables["exportJobs"]["$inferSelect"];

/** A job is still to finish while queued or running; only then can it be cancelled. */
const UNFINISHED: ExportStatus[] = ["QUEUED", "RUNNING"];

/** Adds a queued job owned by `ownerId`. */
export async function createExportJob(
  tx: Db,
  t: Tables,
  job: { readonly id: string; readonly ownerId: string; readonly kind: ExportKind; readonly request: Record<string, unknown> },
  now: Date,
): Promise<ExportJobRow> {
  const [row] = await tx
    .insert(t.exportJobs)
    .values({ ...job, status: "QUEUED", rowsWritten: 0, createdAt: now, expiresAt: new Date(now.getTime() + LIFETIME_MS) })
    .returning();
  if (!row) throw new Error("The export job was not created");
  return row;
}

/** One of the owner's jobs, or undefined when it does not exist or is someone else's. */
export async function exportJobOf(db: Db, t: Tables, jobId: string, ownerId: string): Promise<ExportJobRow | undefined> {
  const [row] = await db.select().from(t.exportJobs).where(and(eq(t.exportJobs.id, jobId), eq(t.exportJobs.ownerId, ownerId)));
  return row;
}

/** A job by id, for the runner (which acts for the job's owner). */
export async function exportJobById(db: Db, t: Tables, jobId: string): Promise<ExportJobRow | undefined> {
  const [row] = await db.select().from(t.exportJobs).where(eq(t.exportJobs.id, jobId));
  return row;
}

/** QUEUED → RUNNING; false when the job was cancelled before it started. */
export async function markExportRunning(tx: Db, t: Tables, jobId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(t.exportJobs)
    .set({ status: "RUNNING", startedAt: now })
    .where(and(eq(t.exportJobs.id, jobId), eq(t.exportJobs.status, "QUEUED")))
    .returning({ id: t.exportJobs.id });
  return rows.length === 1;
}

/** Records rows written so far; false when the job is no longer running (it was cancelled), so the runner stops. */
export async function recordExportProgress(tx: Db, t: Tables, jobId: string, progress: { readonly rowsWritten: number; readonly totalRows?: number | null }): Promise<boolean> {
  const rows = await tx
    .update(t.exportJobs)
    .set({ rowsWritten: progress.rowsWritten, ...(progress.totalRows !== undefined ? { totalRows: progress.totalRows } : {}) })
    .where(and(eq(t.exportJobs.id, jobId), eq(t.exportJobs.status, "RUNNING")))
    .returning({ id: t.exportJobs.id });
  return rows.length === 1;
}

/**
 * RUNNING → COMPLETED or FAILED. A job cancelled meanwhile stays CANCELLED (false is returned). A completed
 * job's download window starts now.
 */
export async function finishExportJob(
  tx: Db,
  t: Tables,
  jobId: string,
  outcome: { readonly status: "COMPLETED" | "FAILED"; readonly errorMessage?: string; readonly rowsWritten?: number; readonly validation?: Record<string, unknown> },
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(t.exportJobs)
    .set({
      status: outcome.status,
      finishedAt: now,
      errorMessage: outcome.errorMessage ?? null,
      ...(outcome.rowsWritten !== undefined ? { rowsWritten: outcome.rowsWritten } : {}),
      ...(outcome.validation ? { validation: outcome.validation } : {}),
      ...(outcome.status === "COMPLETED" ? { expiresAt: new Date(now.getTime() + LIFETIME_MS) } : {}),
    })
    .where(and(eq(t.exportJobs.id, jobId), inArray(t.exportJobs.status, UNFINISHED)))
    .returning({ id: t.exportJobs.id });
  return rows.length === 1;
}

/** Cancels one of the owner's unfinished jobs; the updated row, or undefined when there was nothing to cancel. */
export async function cancelExportJob(tx: Db, t: Tables, jobId: string, ownerId: string, now: Date): Promise<ExportJobRow | undefined> {
  const [row] = await tx
    .update(t.exportJobs)
    .set({ status: "CANCELLED", finishedAt: now })
    .where(and(eq(t.exportJobs.id, jobId), eq(t.exportJobs.ownerId, ownerId), inArray(t.exportJobs.status, UNFINISHED)))
    .returning();
  return row;
}

/** Jobs left unfinished by a previous run of the server: they cannot resume, so they fail, saying why. */
export async function failInterruptedExports(tx: Db, t: Tables, now: Date): Promise<string[]> {
  const rows = await tx
    .update(t.exportJobs)
    .set({ status: "FAILED", finishedAt: now, errorMessage: "The server restarted before this export finished. Start it again." })
    .where(inArray(t.exportJobs.status, UNFINISHED))
    .returning({ id: t.exportJobs.id });
  return rows.map((row) => row.id);
}

/** Jobs past their expiry whose files have not been deleted yet. */
export function expiredExportJobs(db: Db, t: Tables, now: Date): Promise<Array<{ id: string }>> {
  return db.select({ id: t.exportJobs.id }).from(t.exportJobs).where(and(lt(t.exportJobs.expiresAt, now), isNull(t.exportJobs.filesDeletedAt)));
}

/** Notes that a job's files are gone, so the sweep does not look at it again. */
export async function markExportFilesDeleted(tx: Db, t: Tables, jobIds: readonly string[], now: Date): Promise<void> {
  if (jobIds.length === 0) return;
  await tx.update(t.exportJobs).set({ filesDeletedAt: now }).where(inArray(t.exportJobs.id, [...jobIds]));
}

/**
 * A page of the owner's jobs, newest first, keyed by (createdAt, id) so a cursor stays put as new jobs are
 * started. The owner condition is in the SQL.
 */
export async function exportJobsPage(db: Db, t: Tables, ownerId: string, first: number, after: string | null | undefined): Promise<ConnectionShape<ExportJobRow>> {
  const j = t.exportJobs;
  let seek;
  if (after) {
    const [createdAtMs, jobId] = decodeCursor(after, 2);
    if (typeof createdAtMs !== "number" || typeof jobId !== "string") throw badUserInput("after", "This cursor is not from this list. Use a pageInfo.endCursor from the same query.");
    const createdAt = new Date(createdAtMs);
    seek = or(lt(j.createdAt, createdAt), and(eq(j.createdAt, createdAt), lt(j.id, jobId)));
  }
  const [rows, [totals]] = await Promise.all([
    db.select().from(j).where(and(eq(j.ownerId, ownerId), seek)).orderBy(desc(j.createdAt), desc(j.id)).limit(first + 1),
    db.select({ total: count() }).from(j).where(eq(j.ownerId, ownerId)),
  ]);
  return pageFromRows(rows, first, (row) => [row.createdAt.getTime(), row.id], (row) => row, Number(totals?.total ?? 0), Boolean(after));
}

/** How many of the owner's jobs are queued or running. */
export async function unfinishedExportCount(db: Db, t: Tables, ownerId: string): Promise<number> {
  const [row] = await db.select({ total: count() }).from(t.exportJobs).where(and(eq(t.exportJobs.ownerId, ownerId), inArray(t.exportJobs.status, UNFINISHED)));
  return Number(row?.total ?? 0);
}
