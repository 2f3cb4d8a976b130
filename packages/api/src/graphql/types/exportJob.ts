import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { exportDownloadPath } from "../../exports/exportDownload.js";
import { EXPORT_KINDS, EXPORT_STATUSES, type ExportJobRow, type ExportKind, type ExportStatus } from "../../exports/exportJobStore.js";
import type { ExtractValidationSummary } from "../../exports/nationalExtract.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, Node } from "../relay.js";
import { DateTimeScalar } from "../scalars.js";

export const ExportStatusEnum = Object.fromEntries(EXPORT_STATUSES.map((status) => [status, status])) as { [S in ExportStatus]: S };
export const ExportKindEnum = Object.fromEntries(EXPORT_KINDS.map((kind) => [kind, kind])) as { [K in ExportKind]: K };

registerEnumType(ExportStatusEnum, {
  name: "ExportStatus",
  description: "Where an export job is in its life.",
  valuesConfig: {
    QUEUED: { description: "Waiting for the exports before it to finish." },
    RUNNING: { description: "Being written; rowsWritten and progress grow as pages are written." },
    COMPLETED: { description: "Written in full; downloadable until expiresAt." },
    FAILED: { description: "Stopped; errorMessage says why. Nothing can be downloaded." },
    CANCELLED: { description: "Cancelled by its owner; its partial file was deleted." },
  },
});

registerEnumType(ExportKindEnum, {
  name: "ExportKind",
  description: "What an export job writes.",
  valuesConfig: {
    GRAPHQL_QUERY: { description: "The rows of a connection in the owner's own GraphQL query (startExport)." },
    NATIONAL_EXTRACT: { description: "The national-dataset-style extract for a period, with its validation report (startNationalExtract)." },
  },
});

@ObjectType({ description: "How many problems of one kind the national extract's validation found." })
export class ExtractErrorCount {
  @Field(() => String, { description: "The problem's code, as in the validation report's `code` column (see docs/national-extract.md)." })
  code!: string;

  @Field(() => Int, { description: "How many times it was found." })
  count!: number;
}

@ObjectType({ description: "The summary of a national extract's validation report: the records it checked and the problems found." })
export class ExtractValidation {
  @Field(() => Int, { description: "Episodes checked (one per row of the extract)." })
  recordsChecked!: number;

  @Field(() => Int, { description: "Episodes with at least one problem." })
  recordsWithErrors!: number;

  @Field(() => Int, { description: "Problems found in all (rows of the validation report)." })
  errorCount!: number;

  @Field(() => [ExtractErrorCount], { description: "Problems by code, most frequent first." })
  errorsByCode!: ExtractErrorCount[];

  static of(summary: ExtractValidationSummary): ExtractValidation {
    const errorsByCode = Object.entries(summary.errorsByCode)
      .map(([code, count]) => Object.assign(new ExtractErrorCount(), { code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return Object.assign(new ExtractValidation(), { ...summary, errorsByCode });
  }
}

@ObjectType({
  implements: Node,
  description:
    "A CSV export running in the background for the staff member who started it. Only its owner sees it or downloads its file, which is kept until expiresAt.",
})
export class ExportJob extends Node {
  localId!: string;

  @Field(() => ExportKindEnum, { description: "What the export writes." })
  kind!: ExportKind;

  @Field(() => ExportStatusEnum, { description: "Where the job is in its life." })
  status!: ExportStatus;

  @Field(() => Int, { description: "Rows written to the file so far (the header not counted)." })
  rowsWritten!: number;

  @Field(() => Int, { nullable: true, description: "Rows the whole export will have, from the connection's totalCount once the first page is in; null until then." })
  totalRows!: number | null;

  @Field(() => Float, { nullable: true, description: "rowsWritten ÷ totalRows, from 0 to 1; 1 when completed; null while the total is not known." })
  progress!: number | null;

  @Field(() => String, { nullable: true, description: "Why the job failed; null unless FAILED." })
  errorMessage!: string | null;

  @Field(() => [String], { nullable: true, description: "For a GRAPHQL_QUERY export, the response keys leading to the connection it pages through." })
  connectionPath!: string[] | null;

  @Field(() => DateTimeScalar, { description: "When it was started." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it began running; null while queued." })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it completed, failed or was cancelled." })
  finishedAt!: Date | null;

  @Field(() => DateTimeScalar, { description: "When its files are deleted: 24 hours after it completed (or was started, until it completes)." })
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: "Path to download the CSV (GET, with your session cookie or `Authorization: Bearer` token); null unless completed and not expired.",
  })
  downloadPath!: string | null;

  @Field(() => String, { nullable: true, description: "For a national extract: path to download its validation report CSV, on the same terms as downloadPath." })
  validationReportPath!: string | null;

  @Field(() => ExtractValidation, { nullable: true, description: "For a completed national extract: the summary of its validation report." })
  validation!: ExtractValidation | null;

  static of(row: ExportJobRow, now: Date): ExportJob {
    const id = toGlobalId("ExportJob", row.id);
    const downloadable = row.status === "COMPLETED" && !row.filesDeletedAt && row.expiresAt.getTime() > now.getTime();
    const request = row.request as { connectionPath?: string[] };
    return Object.assign(new ExportJob(), {
      id,
      localId: row.id,
      kind: row.kind as ExportKind,
      status: row.status as ExportStatus,
      rowsWritten: row.rowsWritten,
      totalRows: row.totalRows,
      progress: row.status === "COMPLETED" ? 1 : row.totalRows ? Math.min(1, row.rowsWritten / row.totalRows) : row.totalRows === 0 ? 0 : null,
      errorMessage: row.errorMessage,
      connectionPath: row.kind === "GRAPHQL_QUERY" ? (request.connectionPath ?? null) : null,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      expiresAt: row.expiresAt,
      downloadPath: downloadable ? exportDownloadPath(id, "DATA") : null,
      validationReportPath: downloadable && row.kind === "NATIONAL_EXTRACT" ? exportDownloadPath(id, "VALIDATION") : null,
      validation: row.validation ? ExtractValidation.of(row.validation as unknown as ExtractValidationSummary) : null,
    });
  }
}

export const ExportJobConnection = connectionType(ExportJob, "ExportJob", "A page of your export jobs, newest first.");
