/**
 * Measures a CSV export end to end: fills a fresh SQLite database with N audit events (default 100,000; one
 * transaction), starts the real HTTP server in this process, exports the `auditEvents` connection through
 * `startExport` as an admin with an API token, and prints rows per second, duration and the process's peak
 * resident memory (sampled every 20 ms) against the memory before the export.
 *
 *   npx tsx scripts/exportBenchmark.ts [--rows 100000]
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeAudit, type AuditEntry } from "../src/audit/auditLog.js";
import { systemClock } from "../src/clock.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { exportFilePath } from "../src/exports/exportFiles.js";
import { localIdOf } from "../src/graphql/globalId.js";
import { createHttpApp } from "../src/httpApp.js";
import { createLogger } from "../src/logger.js";
import { issueApiToken } from "../src/services/apiTokens.js";
import { ensureReferenceData } from "../src/services/bootstrap.js";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" } } });
const rowCount = Number(values.rows);
if (!Number.isInteger(rowCount) || rowCount < 1) throw new Error("--rows must be a whole number above 0");

const folder = mkdtempSync(join(tmpdir(), "waymark-export-benchmark-"));
const exportFolder = join(folder, "exports");
const clock = systemClock();
const database = await openDatabase(join(folder, "waymark.sqlite"));
await ensureReferenceData(database, clock.now());
const t = database.tables;
const adminId = randomUUID();
const now = clock.now();

const fillStarted = performance.now();
const secret = await database.write(async (tx) => {
  await tx.insert(t.staff).values({ id: adminId, name: "Benchmark Admin", email: "benchmark@example.org", passwordHash: null, roles: ["ADMIN"], active: true, createdAt: now, updatedAt: now });
  // Chunks keep each INSERT under SQLite's limit on bound parameters.
  for (let start = 0; start < rowCount; start += 1_000) {
    const entries: AuditEntry[] = Array.from({ length: Math.min(1_000, rowCount - start) }, (_, index) => ({
      action: "READ",
      recordType: "ServiceUser",
      recordId: randomUUID(),
      serviceUserId: randomUUID(),
      detail: { row: start + index },
    }));
    await writeAudit(tx, t, { actorId: adminId, fromAddress: "10.0.0.1" }, entries, now);
  }
  return (await issueApiToken(tx, t, adminId, "benchmark", 1, now)).secret;
});
console.log(`filled ${rowCount.toLocaleString("en-GB")} audit events in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

const { app, apollo } = await createHttpApp({ database, clock, logger: createLogger("silent"), webRoot: folder, secureCookies: false, exportFolder });
const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

global.gc?.();
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const started = performance.now();
const { startExport } = await graphql<{ startExport: { exportJob: { id: string } } }>(
  `mutation { startExport(input: { query: "{ auditEvents { edges { node { id at action recordType recordId serviceUserId fromAddress detail actor { name } } } } }" }) { exportJob { id } } }`,
);
let job: { status: string; rowsWritten: number; errorMessage: string | null };
for (;;) {
  job = (await graphql<{ exportJob: typeof job }>(`query ($id: ID!) { exportJob(id: $id) { status rowsWritten errorMessage } }`, { id: startExport.exportJob.id })).exportJob;
  if (job.status !== "QUEUED" && job.status !== "RUNNING") break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const fileSize = statSync(exportFilePath(exportFolder, localIdOf(startExport.exportJob.id, "ExportJob") ?? "", "DATA")).size;
console.log(`export ${job.status}: ${job.rowsWritten.toLocaleString("en-GB")} rows in ${seconds.toFixed(1)} s = ${Math.round(job.rowsWritten / seconds).toLocaleString("en-GB")} rows/s`);
console.log(`file ${megabytes(fileSize)}; RSS before ${megabytes(baselineRss)}, peak ${megabytes(peakRss)} (+${megabytes(peakRss - baselineRss)})`);
if (job.errorMessage) console.log(`error: ${job.errorMessage}`);

await new Promise((resolve) => server.close(resolve));
await apollo.stop();
await database.close();
rmSync(folder, { recursive: true, force: true });
