import type { IsoDate } from "@waymark/core";
import { writeAudit, type AuditEntry } from "../audit/auditLog.js";
import type { Viewer } from "../auth/viewer.js";
import type { Db, Tables } from "../db/database.js";
import { refreshEpisodeSummary } from "./episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "./referenceData.js";

/** What a write to a person's record needs: the transaction, who is writing, and when. */
export interface WriteContext {
  readonly tx: Db;
  readonly t: Tables;
  readonly viewer: Viewer;
  /** The moment of the write, for stamps. */
  readonly now: Date;
  /** Today's calendar date where the service is, for the date rules. */
  readonly today: IsoDate;
  readonly fromAddress: string | null;
}

/** Created, updated and created-by stamps of a new clinical row. */
export function newRecordStamps(w: WriteContext) {
  return { createdAt: w.now, updatedAt: w.now, createdById: w.viewer.staffId };
}

/** Writes audit events for this write, in its transaction, stamped with the write's moment. */
export function audit(w: WriteContext, entries: readonly AuditEntry[]): Promise<void> {
  return writeAudit(w.tx, w.t, { actorId: w.viewer.staffId, fromAddress: w.fromAddress }, entries, w.now);
}

/**
 * Recomputes the derived columns of each episode, in this transaction, so the caseload and schedules agree
 * with what was just written. The catalogue and settings are read once for all of them.
 */
export async function refreshEpisodes(w: WriteContext, episodeIds: readonly string[]): Promise<void> {
  if (episodeIds.length === 0) return;
  const [catalogue, settings] = await Promise.all([loadCatalogue(w.tx, w.t), loadServiceSettings(w.tx, w.t)]);
  for (const episodeId of new Set(episodeIds)) await refreshEpisodeSummary(w.tx, w.t, episodeId, w.today, catalogue, settings);
}
