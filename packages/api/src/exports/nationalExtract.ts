import { and, asc, count, eq, gt, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { CsvFileWriter } from "./csvFile.js";
import { exportFilePath } from "./exportFiles.js";
import type { ExportJobEnvironment, ExportJobOutcome } from "./exportJobOutcome.js";
import { recordExportProgress, type ExportJobRow } from "./exportJobStore.js";
import { personPseudonymiser, type PersonPseudonymiser } from "../analysis/pseudonymousPersonId.js";
import { ownerAsViewer } from "./exportOwner.js";
import { extractRowOf, mayReportIdentity, NATIONAL_EXTRACT_COLUMNS } from "./nationalExtractColumns.js";
import type { ExtractEpisode, ExtractPeriod } from "./nationalExtractRecord.js";
import { extractErrorsOf } from "./nationalExtractValidation.js";

/** What `startNationalExtract` stores for its job. */
export interface NationalExtractRequest {
  readonly period: ExtractPeriod;
  readonly authenticatedBy: Viewer["authenticatedBy"];
}

/** The validation summary kept on the job and shown in GraphQL. */
export interface ExtractValidationSummary {
  readonly recordsChecked: number;
  readonly recordsWithErrors: number;
  readonly errorCount: number;
  readonly errorsByCode: Record<string, number>;
}

/** The roles that may produce the extract (the brief of the analysts' issue: admins and analysts). */
export const NATIONAL_EXTRACT_ROLES = ["ADMIN", "ANALYST"] as const;

export const VALIDATION_REPORT_HEADER = ["episode_id", "client_pseudonym", "code", "field", "message"] as const;

/** Episodes per batch: their people, substances, interventions and TOPs are loaded in one query each. */
const BATCH_SIZE = 200;

/** Episodes open on at least one day of the period, not entered in error. */
function openInPeriod(database: Database, period: ExtractPeriod): SQL {
  const e = database.tables.episodes;
  return sql`${lte(e.referralDate, period.to)} and (${isNull(e.dischargeDate)} or ${gte(e.dischargeDate, period.from)}) and ${isNull(e.enteredInErrorOn)}`;
}

async function loadBatch(
  database: Database,
  period: ExtractPeriod,
  afterId: string | null,
  teamNames: ReadonlyMap<string, string>,
  pseudonymise: PersonPseudonymiser,
): Promise<ExtractEpisode[]> {
  const t = database.tables;
  const db = database.read;
  const episodes = await db
    .select()
    .from(t.episodes)
    .where(afterId ? and(openInPeriod(database, period), gt(t.episodes.id, afterId)) : openInPeriod(database, period))
    .orderBy(asc(t.episodes.id))
    .limit(BATCH_SIZE);
  if (episodes.length === 0) return [];
  const episodeIds = episodes.map((episode) => episode.id);
  const [people, substances, interventions, outcomes] = await Promise.all([
    db.select().from(t.serviceUsers).where(inArray(t.serviceUsers.id, [...new Set(episodes.map((episode) => episode.serviceUserId))])),
    db.select().from(t.problemSubstances).where(inArray(t.problemSubstances.episodeId, episodeIds)),
    db
      .select({ intervention: t.interventions, modality: t.catalogueItems.modality })
      .from(t.interventions)
      .leftJoin(t.catalogueItems, eq(t.catalogueItems.code, t.interventions.catalogueItemCode))
      .where(and(inArray(t.interventions.episodeId, episodeIds), isNull(t.interventions.enteredInErrorOn)))
      .orderBy(asc(t.interventions.startDate)),
    db
      .select()
      .from(t.outcomeRecords)
      .where(and(inArray(t.outcomeRecords.episodeId, episodeIds), isNull(t.outcomeRecords.enteredInErrorOn)))
      .orderBy(asc(t.outcomeRecords.date)),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  return episodes.flatMap((episode) => {
    const person = personById.get(episode.serviceUserId);
    if (!person) return [];
    return [
      {
        episode,
        person,
        personId: pseudonymise(person.id),
        teamName: teamNames.get(episode.teamId) ?? "",
        substances: substances.filter((entry) => entry.episodeId === episode.id).sort((x, y) => x.rank - y.rank),
        interventions: interventions.filter((row) => row.intervention.episodeId === episode.id).map((row) => ({ ...row.intervention, modality: row.modality })),
        outcomes: outcomes.filter((outcome) => outcome.episodeId === episode.id),
      },
    ];
  });
}

/**
 * Writes the national-dataset-style extract for the job's period, with its validation report beside it:
 * one row per episode open at any time in the period (identity columns left empty where consent is NO), and
 * one report row per problem found. Batches of episodes stream to both files; progress is saved per batch.
 */
export async function runNationalExtract(job: ExportJobRow, environment: ExportJobEnvironment): Promise<ExportJobOutcome> {
  const { database } = environment;
  const t = database.tables;
  const request = job.request as unknown as NationalExtractRequest;
  const owner = await ownerAsViewer(database, job.ownerId, request.authenticatedBy);
  if (!owner || !owner.roles.some((role) => (NATIONAL_EXTRACT_ROLES as readonly string[]).includes(role))) {
    return { status: "FAILED", message: "The account that started this extract no longer has the admin or analyst role." };
  }
  const [{ total } = { total: 0 }] = await database.read.select({ total: count() }).from(t.episodes).where(openInPeriod(database, request.period));
  const pseudonymise = await personPseudonymiser(database);
  const teamNames = new Map((await database.read.select({ id: t.teams.id, name: t.teams.name }).from(t.teams)).map((team) => [team.id, team.name]));
  const extract = new CsvFileWriter(exportFilePath(environment.folder, job.id, "DATA"), NATIONAL_EXTRACT_COLUMNS.map((column) => column.header));
  const report = new CsvFileWriter(exportFilePath(environment.folder, job.id, "VALIDATION"), VALIDATION_REPORT_HEADER);
  let open = true;
  try {
    let rowsWritten = 0;
    let recordsWithErrors = 0;
    let errorCount = 0;
    const errorsByCode: Record<string, number> = {};
    let afterId: string | null = null;
    for (let batch = 0; ; batch += 1) {
      const records = await loadBatch(database, request.period, afterId, teamNames, pseudonymise);
      for (const record of records) {
        await extract.writeRow(extractRowOf(record));
        rowsWritten += 1;
        const errors = extractErrorsOf(record);
        if (errors.length > 0) recordsWithErrors += 1;
        for (const error of errors) {
          errorCount += 1;
          errorsByCode[error.code] = (errorsByCode[error.code] ?? 0) + 1;
          await report.writeRow([record.episode.id, mayReportIdentity(record) ? record.personId : null, error.code, error.field, error.message]);
        }
      }
      const stillRunning = await database.write((tx) => recordExportProgress(tx, t, job.id, { rowsWritten, ...(batch === 0 ? { totalRows: total } : {}) }));
      if (!stillRunning) return { status: "CANCELLED" };
      if (environment.isStopping()) return { status: "STOPPED" };
      const last = records.at(-1);
      if (records.length < BATCH_SIZE || !last) break;
      afterId = last.episode.id;
    }
    await extract.close();
    await report.close();
    open = false;
    const validation: ExtractValidationSummary = { recordsChecked: rowsWritten, recordsWithErrors, errorCount, errorsByCode };
    return { status: "COMPLETED", rowsWritten, validation: { ...validation } };
  } finally {
    if (open) {
      extract.abandon();
      report.abandon();
    }
  }
}
