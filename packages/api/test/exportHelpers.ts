import { expect } from "vitest";
import type { GraphQLClient } from "./graphqlClient.js";

export interface ExportJobShape {
  id: string;
  kind: string;
  status: string;
  rowsWritten: number;
  totalRows: number | null;
  progress: number | null;
  errorMessage: string | null;
  downloadPath: string | null;
  validationReportPath: string | null;
  expiresAt: string;
  validation: { recordsChecked: number; recordsWithErrors: number; errorCount: number; errorsByCode: { code: string; count: number }[] } | null;
}

export const JOB_FIELDS = `id kind status rowsWritten totalRows progress errorMessage downloadPath validationReportPath expiresAt
  validation { recordsChecked recordsWithErrors errorCount errorsByCode { code count } }`;

export const START_EXPORT = `mutation ($input: StartExportInput!) { startExport(input: $input) { exportJob { ${JOB_FIELDS} } userErrors { code field message } } }`;

/** Polls the job until it is no longer queued or running. */
export async function waitForJob(client: GraphQLClient, id: string, headers: Record<string, string> = {}): Promise<ExportJobShape> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await client.request<{ exportJob: ExportJobShape }>(`query ($id: ID!) { exportJob(id: $id) { ${JOB_FIELDS} } }`, { id }, headers);
    const job = result.data?.exportJob;
    if (!job) throw new Error(JSON.stringify(result.errors));
    if (job.status !== "QUEUED" && job.status !== "RUNNING") return job;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts an export and returns its job, failing the test on user errors. */
export async function startExport(client: GraphQLClient, input: Record<string, unknown>): Promise<ExportJobShape> {
  const result = await client.request<{ startExport: { exportJob: ExportJobShape | null; userErrors: unknown[] } }>(START_EXPORT, { input });
  expect(result.errors).toBeUndefined();
  expect(result.data?.startExport.userErrors).toEqual([]);
  return result.data!.startExport.exportJob!;
}

/** Creates an API token for the client's user, for downloads and requests that must outlive the session. */
export async function apiTokenOf(client: GraphQLClient): Promise<string> {
  const result = await client.request<{ createApiToken: { secret: string } }>(`mutation { createApiToken(input: { name: "exports", expiresInDays: 30 }) { secret } }`);
  return result.data!.createApiToken.secret;
}

/** GETs a download path with a Bearer token (or none). */
export function download(baseUrl: string, path: string, token: string | null): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** The lines of a CSV body without the byte-order mark and the final line end. */
export function csvLines(body: string): string[] {
  return body.replace(/^\uFEFF/, "").replace(/\r\n$/, "").split("\r\n");
}
