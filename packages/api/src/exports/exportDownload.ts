import { parse as parseCookies } from "cookie";
import type { Request, RequestHandler } from "express";
import { createReadStream, existsSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { writeAudit } from "../audit/auditLog.js";
import { authenticate, SESSION_COOKIE } from "../auth/sessions.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";
import { localIdOf } from "../graphql/globalId.js";
import type { Logger } from "../logger.js";
import { deleteExportFiles, exportFilePath, type ExportFileKind } from "./exportFiles.js";
import { exportJobOf, markExportFilesDeleted } from "./exportJobStore.js";

/** The route of a download: the job's opaque global ID and which file; nothing personal in the URL. */
export const EXPORT_DOWNLOAD_ROUTE = "/exports/:id/:file";

/** URL paths of a job's files, as GraphQL reports them. */
export const exportDownloadPath = (globalId: string, kind: ExportFileKind) => `/exports/${encodeURIComponent(globalId)}/${kind === "DATA" ? "download" : "validation-report"}`;

const FILE_OF_SEGMENT: Record<string, ExportFileKind> = { download: "DATA", "validation-report": "VALIDATION" };

function bearerTokenOf(request: Request): string | null {
  const header = request.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : null;
}

/**
 * Sends an export's file to its owner, as an attachment, with the session cookie or an API token. Anyone
 * else's job answers 404 as if it did not exist; an unfinished job 409; an expired one 410 (its files are
 * deleted there and then, if the sweep has not yet). Every download is an EXPORT event in the audit trail.
 */
export function exportDownloadHandler(options: { readonly database: Database; readonly clock: Clock; readonly logger: Logger; readonly folder: string }): RequestHandler<{ id: string; file: string }> {
  const { database, clock, folder } = options;
  const t = database.tables;
  return async (request, response) => {
    response.setHeader("cache-control", "no-store");
    const kind = FILE_OF_SEGMENT[request.params.file];
    if (!kind) {
      response.status(404).json({ message: "No such export file." });
      return;
    }
    const now = clock.now();
    const cookies = parseCookies(request.headers.cookie ?? "");
    const check = await authenticate(database, { sessionToken: cookies[SESSION_COOKIE] ?? null, bearerToken: bearerTokenOf(request), csrfToken: null, needsCsrf: false }, now);
    if (check.kind !== "SIGNED_IN") {
      response.status(401).json({ message: "Sign in, or send an API token, to download an export." });
      return;
    }
    const viewer = check.viewer;
    const jobId = localIdOf(request.params.id, "ExportJob");
    const job = jobId ? await exportJobOf(database.read, t, jobId, viewer.staffId) : undefined;
    if (!job || (kind === "VALIDATION" && job.kind !== "NATIONAL_EXTRACT")) {
      response.status(404).json({ message: "No such export." });
      return;
    }
    if (job.status !== "COMPLETED") {
      response.status(409).json({ message: `The export is ${job.status.toLowerCase()}; only a completed export can be downloaded.` });
      return;
    }
    const path = exportFilePath(folder, job.id, kind);
    if (job.expiresAt.getTime() <= now.getTime() || job.filesDeletedAt || !existsSync(path)) {
      if (!job.filesDeletedAt) {
        deleteExportFiles(folder, job.id);
        await database.write((tx) => markExportFilesDeleted(tx, t, [job.id], now));
      }
      response.status(410).json({ message: "The export has expired and its file was deleted. Start it again." });
      return;
    }
    await database.write((tx) =>
      writeAudit(tx, t, { actorId: viewer.staffId, fromAddress: request.ip ?? null }, [
        { action: "EXPORT", recordType: "ExportJob", recordId: job.id, detail: { kind: job.kind, file: kind, rows: job.rowsWritten } },
      ], now),
    );
    const day = now.toISOString().slice(0, 10);
    const name = job.kind === "NATIONAL_EXTRACT" ? `waymark-national-extract-${kind === "DATA" ? "data" : "validation"}-${day}.csv` : `waymark-export-${day}.csv`;
    response.attachment(name);
    response.type("text/csv; charset=utf-8");
    try {
      await pipeline(createReadStream(path), response);
    } catch (error) {
      options.logger.warn({ err: error, jobId: job.id }, "an export download did not finish");
    }
  };
}
