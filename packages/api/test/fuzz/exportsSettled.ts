import { inArray } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import type { TestServer } from "../testServer.js";

/**
 * Waits until the export runner has finished every job it was given: an export started by an accepted case
 * goes on writing to export_jobs in the background, which must not be taken for a later refusal's write.
 * `parked` are QUEUED jobs written straight into the database for cancelExport, which no runner holds.
 */
export async function exportsSettled(server: TestServer, parked: readonly string[], timeoutMs = 20_000): Promise<void> {
  const t = server.database.tables;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const working = await server.database.read.select({ id: t.exportJobs.id }).from(t.exportJobs).where(inArray(t.exportJobs.status, ["QUEUED", "RUNNING"]));
    if (working.every((job) => parked.includes(job.id))) return;
    if (Date.now() > deadline) throw new Error(`Exports still running after ${timeoutMs} ms: ${working.map((job) => job.id).join(", ")}`);
    await sleep(10);
  }
}
