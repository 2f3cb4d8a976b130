import type { ApolloServer } from "@apollo/server";
import { print, type GraphQLSchema } from "graphql";
import type { Viewer } from "../auth/viewer.js";
import type { RequestContext } from "../graphql/context.js";
import { checkDocument } from "../graphql/limits/documentGuard.js";
import { QUERY_LIMITS } from "../graphql/limits/index.js";
import { CsvFileWriter } from "./csvFile.js";
import { exportColumns, nodesOf, rowOf, type ExportColumn } from "./exportColumns.js";
import { exportFilePath } from "./exportFiles.js";
import { recordExportProgress, type ExportJobRow } from "./exportJobStore.js";
import { fieldAtPath, fieldsOf, readExportQuery, responseKeyOf } from "./exportQuery.js";
import { exportRequestContext, ownerAsViewer } from "./exportOwner.js";
import type { ExportJobEnvironment, ExportJobOutcome } from "./exportJobOutcome.js";
import { PAGING, pagedDocument } from "./pagedDocument.js";

/** What `startExport` stores for a job that runs the owner's own query. */
export interface GraphqlExportRequest {
  readonly query: string;
  readonly variables: Record<string, unknown> | null;
  readonly connectionPath: readonly string[];
  readonly fromAddress: string | null;
  readonly authenticatedBy: Viewer["authenticatedBy"];
}

/** Thrown when the server refuses the query or answers with errors: the job fails with this message. */
class QueryRefused extends Error {}

function connectionIn(data: unknown, path: readonly string[]): Record<string, unknown> | null {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
}

/** One page of the owner's query, run through the server exactly as an HTTP request from them would be. */
async function runPage(apollo: ApolloServer<RequestContext>, query: string, variables: Record<string, unknown>, context: RequestContext): Promise<unknown> {
  const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== "single") throw new QueryRefused("The query asked for an incremental answer, which an export cannot write.");
  const { errors, data } = response.body.singleResult;
  if (errors && errors.length > 0) throw new QueryRefused(`The server refused the query: ${errors.map((error) => error.message).join(" ")}`);
  return data;
}

/**
 * Runs an export of the owner's query: page after page of 100 through `pageInfo.endCursor`, each page run as
 * the owner (same schema, scope and query limits, reads audited), each node one CSV row written straight to
 * the file. Progress is saved after every page; a cancelled job stops there and its file is deleted.
 */
export async function runGraphqlExport(job: ExportJobRow, environment: ExportJobEnvironment, apollo: ApolloServer<RequestContext>, schema: GraphQLSchema): Promise<ExportJobOutcome> {
  const { database, clock } = environment;
  const t = database.tables;
  const request = job.request as unknown as GraphqlExportRequest;
  const query = readExportQuery(request.query, request.connectionPath);
  if ("violations" in query) return { status: "FAILED", message: query.violations.map((violation) => violation.message).join(" ") };
  const { document, droppedVariables } = pagedDocument(query);
  const text = print(document);
  const refusal = checkDocument(text, QUERY_LIMITS);
  if (refusal) return { status: "FAILED", message: `The server refused the query: ${refusal.message}` };
  const variables = Object.fromEntries(Object.entries(request.variables ?? {}).filter(([name]) => !droppedVariables.includes(name)));
  const connectionField = fieldAtPath(query.operation, query.fragments, query.connectionPath);
  const edgesFields = fieldsOf(connectionField?.selectionSet, query.fragments).filter((field) => field.name.value === "edges");
  const edgesKeys = edgesFields.map(responseKeyOf);
  const nodeKeys = edgesFields.flatMap((edges) => fieldsOf(edges.selectionSet, query.fragments).filter((field) => field.name.value === "node").map(responseKeyOf));

  let writer: CsvFileWriter | null = null;
  let columns: ExportColumn[] = [];
  let after: string | null = null;
  let rowsWritten = 0;
  try {
    for (let page = 0; ; page += 1) {
      const viewer = await ownerAsViewer(database, job.ownerId, request.authenticatedBy);
      if (!viewer) return { status: "FAILED", message: "The account that started this export is no longer active." };
      const context = exportRequestContext(database, clock, viewer, request.fromAddress, `export-${job.id}-${page}`);
      const data = await runPage(apollo, text, { ...variables, [PAGING.afterVariable]: after }, context);
      const connection = connectionIn(data, query.connectionPath);
      if (!writer) {
        columns = exportColumns(schema, query, connectionField?.selectionSet);
        writer = new CsvFileWriter(exportFilePath(environment.folder, job.id, "DATA"), columns.map((column) => column.header));
      }
      for (const node of nodesOf(connection, edgesKeys, nodeKeys)) {
        await writer.writeRow(rowOf(node, columns));
        rowsWritten += 1;
      }
      const total = connection?.[PAGING.totalCountKey];
      const stillRunning = await database.write((tx) =>
        recordExportProgress(tx, t, job.id, { rowsWritten, ...(page === 0 ? { totalRows: typeof total === "number" ? total : null } : {}) }),
      );
      if (!stillRunning) return { status: "CANCELLED" };
      if (environment.isStopping()) return { status: "STOPPED" };
      const pageInfo = connection?.[PAGING.pageInfoKey] as { hasNextPage?: boolean; endCursor?: string | null } | undefined;
      if (!pageInfo?.hasNextPage || !pageInfo.endCursor) break;
      // A connection that hands back the same cursor would page for ever.
      if (pageInfo.endCursor === after) return { status: "FAILED", message: "The connection returned the same page twice; the export stopped." };
      after = pageInfo.endCursor;
    }
    await writer?.close();
    writer = null;
    return { status: "COMPLETED", rowsWritten };
  } catch (error) {
    if (error instanceof QueryRefused) return { status: "FAILED", message: error.message };
    throw error;
  } finally {
    writer?.abandon();
  }
}
