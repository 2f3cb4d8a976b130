import { INPUT_CODES, type Catalogue, type IsoDate, type ServiceSettings, type Violation } from "@waymark/core";
import { eq } from "drizzle-orm";
import { writeAudit, type AuditEntry } from "../audit/auditLog.js";
import type { Viewer } from "../auth/viewer.js";
import { findEpisodeInScope } from "../access/records.js";
import type { Db } from "../db/database.js";
import { loadEpisodeRecords, type LoadedEpisode } from "../services/episodeRecords.js";
import { refreshEpisodeSummary, writeEpisodeSummary, type SummarySources } from "../services/episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "../services/referenceData.js";
import type { RequestContext } from "./context.js";
import { notFound } from "./errors.js";
import { localIdOf } from "./globalId.js";
import { requireViewer } from "./mutations.js";

/**
 * An episode opened for a write: everything a rule about its records reads, loaded inside the write
 * transaction so the rules judge exactly what the write will change.
 */
export interface EpisodeWrite {
  readonly viewer: Viewer;
  readonly loaded: LoadedEpisode;
  readonly catalogue: Catalogue;
  readonly settings: ServiceSettings;
  readonly now: Date;
  readonly today: IsoDate;
}

/**
 * Loads the episode with this database id for a write, or answers "not found" when it does not exist or is
 * outside the viewer's scope (the two are never told apart).
 */
export async function openEpisodeForWrite(tx: Db, context: RequestContext, episodeLocalId: string | null): Promise<EpisodeWrite> {
  const viewer = requireViewer(context);
  const t = context.database.tables;
  const now = context.clock.now();
  const row = episodeLocalId === null ? null : await findEpisodeInScope(tx, t, viewer, now, episodeLocalId);
  const loaded = row ? await loadEpisodeRecords(tx, t, row.id) : null;
  if (!loaded) throw notFound("episode");
  const [catalogue, settings] = await Promise.all([loadCatalogue(tx, t), loadServiceSettings(tx, t)]);
  return { viewer, loaded, catalogue, settings, now, today: context.today };
}

/** `openEpisodeForWrite` for an episode named by its global ID in a mutation's input. */
export function openEpisodeByGlobalId(tx: Db, context: RequestContext, episodeGlobalId: string): Promise<EpisodeWrite> {
  return openEpisodeForWrite(tx, context, localIdOf(episodeGlobalId, "Episode"));
}

/**
 * Ends every write to an episode's records: the audit events in the same transaction, then the episode's
 * derived columns recomputed, so the caseload, schedules and flags never disagree with the records.
 *
 * `recordsAfter` are the records the summary is computed from as the write left them, for a write that
 * only added a record to those it loaded (a contact); any other write gives none, and they are read again.
 */
export async function finishEpisodeWrite(
  tx: Db,
  context: RequestContext,
  write: EpisodeWrite,
  entries: readonly Omit<AuditEntry, "serviceUserId">[],
  recordsAfter?: SummarySources,
): Promise<void> {
  const t = context.database.tables;
  const serviceUserId = write.loaded.row.serviceUserId;
  await writeAudit(tx, t, { actorId: write.viewer.staffId, fromAddress: context.fromAddress }, entries.map((entry) => ({ ...entry, serviceUserId })), write.now);
  if (recordsAfter) await writeEpisodeSummary(tx, t, recordsAfter, write.today, write.catalogue, write.settings);
  else await refreshEpisodeSummary(tx, t, write.loaded.row.id, write.today, write.catalogue, write.settings);
}

/**
 * A record cannot be added to an episode that was itself entered in error: it belongs on the person's
 * correct episode. (Core's intervention rules say so for interventions; this covers the other records.)
 */
export function episodeInErrorViolations(write: EpisodeWrite, what: string): Violation[] {
  if (!write.loaded.row.enteredInErrorReason) return [];
  return [
    {
      code: INPUT_CODES.transitionNotAllowed,
      field: "episodeId",
      message: `This episode was marked as entered in error. Record the ${what} on the person's correct episode.`,
    },
  ];
}

/**
 * The database id of the staff member a global ID names, checked to exist; or a violation on `field`.
 * Null input means "not given".
 */
export async function staffMemberOf(tx: Db, context: RequestContext, globalId: string | null | undefined, field: string): Promise<{ id: string | null; violations: Violation[] }> {
  if (globalId == null) return { id: null, violations: [] };
  const t = context.database.tables;
  const localId = localIdOf(globalId, "StaffMember");
  const [row] = localId ? await tx.select({ id: t.staff.id }).from(t.staff).where(eq(t.staff.id, localId)) : [];
  if (row) return { id: row.id, violations: [] };
  return { id: null, violations: [{ code: INPUT_CODES.invalidValue, field, message: "No staff member with that ID was found. Choose a member of staff from the list." }] };
}

/** The single row a write's `returning()` gave back; a missing one means the write itself failed. */
export function returnedRow<Row>(rows: readonly Row[]): Row {
  const [row] = rows;
  if (row === undefined) throw new Error("The write returned no row");
  return row;
}
