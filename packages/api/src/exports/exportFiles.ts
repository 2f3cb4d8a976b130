import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The files of one job: the export itself and, for the national extract, its validation report. */
export type ExportFileKind = "DATA" | "VALIDATION";

/** A folder for exports when none is configured and there is no data folder to put them in. */
export const TEMPORARY_EXPORT_FOLDER = join(tmpdir(), "waymark-exports");

/**
 * Where exports are written when nothing is configured: beside a SQLite database file (the server's data
 * folder), or for Postgres a folder under the system's temporary folder. Deployments on Postgres set
 * WAYMARK_EXPORT_FOLDER to a folder on persistent, access-controlled storage instead.
 */
export function defaultExportFolder(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return TEMPORARY_EXPORT_FOLDER;
  return join(dirname(databaseUrl.replace(/^(sqlite|file):(\/\/)?/, "")), "exports");
}

/** Creates the folder (readable by the server's user only) if it is missing. */
export function ensureExportFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/** A job's file: named by the job's random id only, so the name says nothing about its contents. */
export function exportFilePath(folder: string, jobId: string, kind: ExportFileKind): string {
  return join(folder, kind === "DATA" ? `${jobId}.csv` : `${jobId}.validation.csv`);
}

/** Deletes a job's files; missing ones are fine (a failed job may have written none). */
export function deleteExportFiles(folder: string, jobId: string): void {
  for (const kind of ["DATA", "VALIDATION"] as const) rmSync(exportFilePath(folder, jobId, kind), { force: true });
}
