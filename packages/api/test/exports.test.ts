import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { beforeAll, expect, it, vi } from "vitest";
import { writeAudit } from "../src/audit/auditLog.js";
import { exportRunnerOf } from "../src/exports/exportRunners.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { createHttpApp } from "../src/httpApp.js";
import { createLogger } from "../src/logger.js";
import { describeEachDialect } from "./databases.js";
import { apiTokenOf, csvLines, download, START_EXPORT, startExport, waitForJob, type ExportJobShape } from "./exportHelpers.js";
import { useSignedInServer } from "./signedInServer.js";

const ROWS = 250;
const MARKED = "ExportTest";
/** Reasons that a spreadsheet would run as formulas, on the first rows the export writes (oldest first). */
const FORMULAS = ["=1+2", "+SUM(1)", "-2+3", "@SUM(1)", "\tTAB"];

const EVENTS_QUERY = `query ($type: String!) { auditEvents(filter: { recordType: { eq: $type } }, orderBy: [{ field: AT, direction: ASC }]) {
  edges { node { id action recordType reason actor { name } } } } }`;

describeEachDialect("CSV export jobs (startExport, exportJob, cancelExport, download)", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin", "keyworker"] });
  let adminToken = "";
  let keyworkerToken = "";
  let completed: ExportJobShape;

  beforeAll(async () => {
    const { database } = api.server;
    await database.write((tx) =>
      writeAudit(
        tx,
        database.tables,
        { actorId: api.organisation.staff.admin.id, fromAddress: "10.0.0.1" },
        Array.from({ length: ROWS }, (_, index) => ({ action: "UPDATE" as const, recordType: MARKED, recordId: `r${index}`, reason: FORMULAS[index] ?? `plain ${index}` })),
        api.server.clock.now(),
      ),
    );
    adminToken = await apiTokenOf(api.admin);
    keyworkerToken = await apiTokenOf(api.keyworker);
    const job = await startExport(api.admin, { query: EVENTS_QUERY, variables: { type: MARKED } });
    completed = await waitForJob(api.admin, job.id);
  });

  it("follows pageInfo.endCursor through every page of 100 and writes one row per node", async () => {
    expect(completed).toMatchObject({ status: "COMPLETED", kind: "GRAPHQL_QUERY", rowsWritten: ROWS, totalRows: ROWS, progress: 1, errorMessage: null });
    const response = await download(api.server.url, completed.downloadPath!, adminToken);
    expect(response.status).toBe(200);
    const lines = csvLines(await response.text());
    expect(lines[0]).toBe("id,action,recordType,reason,actor.name");
    expect(lines).toHaveLength(ROWS + 1);
    const ids = lines.slice(1).map((line) => line.split(",")[0]);
    expect(new Set(ids).size).toBe(ROWS);
    expect(lines.at(-1)).toMatch(/,UPDATE,ExportTest,plain 249,Ada Admin$/);
  });

  it("neutralises cells a spreadsheet would run as formulas (=, +, -, @, tab) with a leading apostrophe", async () => {
    const lines = csvLines(await (await download(api.server.url, completed.downloadPath!, adminToken)).text());
    const reasons = lines.slice(1, 1 + FORMULAS.length).map((line) => line.split(",")[3]);
    expect(reasons).toEqual(["'=1+2", "'+SUM(1)", "'-2+3", "'@SUM(1)", "'\tTAB"]);
  });

  it("sends the file as an attachment with nothing personal in its URL or name", async () => {
    const response = await download(api.server.url, completed.downloadPath!, adminToken);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="waymark-export-2025-06-02\.csv"$/);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(completed.downloadPath).toMatch(/^\/exports\/[A-Za-z0-9_-]+\/download$/);
  });

  it("records every download in the audit trail as an EXPORT event by its owner", async () => {
    await download(api.server.url, completed.downloadPath!, adminToken);
    const result = await api.admin.request<{ auditEvents: { edges: { node: { recordType: string; actor: { name: string } } }[] } }>(
      `{ auditEvents(first: 100, filter: { action: { in: [EXPORT] } }) { edges { node { recordType actor { name } } } } }`,
    );
    const events = result.data!.auditEvents.edges.map((edge) => edge.node);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.every((event) => event.recordType === "ExportJob" && event.actor.name === "Ada Admin")).toBe(true);
  });

  it("lets only the owner see or download an export: anyone else gets not found, nobody signed in gets 401", async () => {
    expect((await download(api.server.url, completed.downloadPath!, keyworkerToken)).status).toBe(404);
    expect((await download(api.server.url, completed.downloadPath!, null)).status).toBe(401);
    const seen = await api.keyworker.request(`query ($id: ID!) { exportJob(id: $id) { id } }`, { id: completed.id });
    expect(seen.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const listed = await api.keyworker.request<{ exportJobs: { totalCount: number } }>(`{ exportJobs(first: 10) { totalCount } }`);
    expect(listed.data!.exportJobs.totalCount).toBe(0);
  });

  it("runs the query as its owner: a keyworker's export of the admin-only audit trail fails with the server's refusal", async () => {
    const job = await startExport(api.keyworker, { query: EVENTS_QUERY, variables: { type: MARKED } });
    const failed = await waitForJob(api.keyworker, job.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.errorMessage).toMatch(/The server refused the query: .*role/i);
    expect(failed.downloadPath).toBeNull();
  });

  it("fails the job with the server's message when the query names a field that does not exist", async () => {
    const job = await startExport(api.admin, { query: `{ staff { edges { node { id bogusField } } } }` });
    const failed = await waitForJob(api.admin, job.id);
    expect(failed).toMatchObject({ status: "FAILED", rowsWritten: 0, downloadPath: null });
    expect(failed.errorMessage).toMatch(/bogusField/);
  });

  it("refuses a mutation, an unreadable query or one without a connection, writing no job", async () => {
    const before = (await api.admin.request<{ exportJobs: { totalCount: number } }>(`{ exportJobs { totalCount } }`)).data!.exportJobs.totalCount;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ query: `mutation { logout }` }, "EXPORT_NOT_A_QUERY", "query"],
      [{ query: `{ staff { edges { node { id } } ` }, "EXPORT_QUERY_INVALID", "query"],
      [{ query: `{ me { id } }` }, "EXPORT_CONNECTION_NOT_FOUND", "query"],
      [{ query: `{ a: staff { edges { node { id } } } b: staff { edges { node { name } } } }` }, "EXPORT_CONNECTION_AMBIGUOUS", "connectionPath"],
      [{ query: `{ staff { edges { node { id } } } }`, connectionPath: ["not a name"] }, "INVALID_VALUE", "connectionPath.0"],
    ];
    for (const [input, code, field] of cases) {
      const result = await api.admin.request<{ startExport: { exportJob: unknown; userErrors: { code: string; field: string }[] } }>(START_EXPORT, { input });
      expect(result.data!.startExport.exportJob).toBeNull();
      expect(result.data!.startExport.userErrors[0]).toMatchObject({ code, field });
    }
    const after = (await api.admin.request<{ exportJobs: { totalCount: number } }>(`{ exportJobs { totalCount } }`)).data!.exportJobs.totalCount;
    expect(after).toBe(before);
  });

  it("picks the connection named by connectionPath, flattening nested objects into dotted columns", async () => {
    const job = await startExport(api.admin, {
      query: `{ me { id } team: staff(first: 5) { totalCount edges { node { name email } } } }`,
      connectionPath: ["team"],
    });
    const done = await waitForJob(api.admin, job.id);
    expect(done).toMatchObject({ status: "COMPLETED", rowsWritten: done.totalRows });
    const lines = csvLines(await (await download(api.server.url, done.downloadPath!, adminToken)).text());
    expect(lines[0]).toBe("name,email");
    expect(lines).toHaveLength(done.totalRows! + 1);
  });

  it("cancels a queued export: it never runs, is CANCELLED and cannot be downloaded; a finished one cannot be cancelled", async () => {
    // The runner is held before it takes a job, so the second is surely still queued when it is cancelled
    // (unheld, a small export can finish before the cancel arrives).
    const runner = exportRunnerOf(api.server.database)!;
    const runJob = runner["run"].bind(runner);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hold = vi.spyOn(runner as unknown as { run: (jobId: string) => Promise<void> }, "run").mockImplementation(async (jobId) => {
      await held;
      return runJob(jobId);
    });
    const cancel = `mutation ($id: ID!) { cancelExport(input: { id: $id }) { exportJob { status } userErrors { code field } } }`;
    let first: ExportJobShape;
    let second: ExportJobShape;
    try {
      first = await startExport(api.admin, { query: EVENTS_QUERY, variables: { type: MARKED } });
      second = await startExport(api.admin, { query: EVENTS_QUERY, variables: { type: MARKED } });
      const result = await api.admin.request<{ cancelExport: { exportJob: { status: string } | null; userErrors: { code: string }[] } }>(cancel, { id: second.id });
      expect(result.data!.cancelExport.exportJob?.status).toBe("CANCELLED");
    } finally {
      release();
      hold.mockRestore();
    }
    expect(await waitForJob(api.admin, first.id)).toMatchObject({ status: "COMPLETED" });
    const cancelled = await waitForJob(api.admin, second.id);
    expect(cancelled).toMatchObject({ status: "CANCELLED", downloadPath: null });
    const again = await api.admin.request<{ cancelExport: { userErrors: { code: string; field: string }[] } }>(cancel, { id: first.id });
    expect(again.data!.cancelExport.userErrors).toEqual([{ code: "EXPORT_ALREADY_FINISHED", field: "id" }]);
    const other = await api.keyworker.request(cancel, { id: first.id });
    expect(other.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("completes a test-sized run of the export benchmark (1,500 rows over 15 pages) with progress at 1", async () => {
    const { database } = api.server;
    await database.write((tx) =>
      writeAudit(tx, database.tables, { actorId: null, fromAddress: null }, Array.from({ length: 1_500 }, (_, index) => ({ action: "READ" as const, recordType: "Bench", recordId: `b${index}` })), api.server.clock.now()),
    );
    const job = await startExport(api.admin, { query: EVENTS_QUERY, variables: { type: "Bench" } });
    expect(await waitForJob(api.admin, job.id)).toMatchObject({ status: "COMPLETED", rowsWritten: 1_500, totalRows: 1_500, progress: 1 });
  });

  it("keeps a file 24 hours: after that the download answers 410 Gone and the file is deleted", async () => {
    expect((await download(api.server.url, completed.downloadPath!, adminToken)).status).toBe(200);
    api.server.clock.set("2025-06-04");
    try {
      expect((await download(api.server.url, completed.downloadPath!, adminToken)).status).toBe(410);
      const job = await waitForJob(api.server.client(), completed.id, { authorization: `Bearer ${adminToken}` });
      expect(job.downloadPath).toBeNull();
    } finally {
      api.server.clock.set("2025-06-02");
    }
  });

  // Last in the suite: the second app takes over the database's export runner.
  it("fails exports left queued or running by a previous run of the server when the server starts", async () => {
    const { database, clock } = api.server;
    const t = database.tables;
    const jobId = randomUUID();
    const now = clock.now();
    await database.write((tx) =>
      tx.insert(t.exportJobs).values({ id: jobId, ownerId: api.organisation.staff.admin.id, kind: "GRAPHQL_QUERY", status: "RUNNING", request: {}, createdAt: now, startedAt: now, expiresAt: new Date(now.getTime() + 86_400_000) }),
    );
    const restarted = await createHttpApp({ database, clock, logger: createLogger("silent"), webRoot: tmpdir(), secureCookies: false });
    await restarted.apollo.stop();
    const job = await waitForJob(api.admin, toGlobalId("ExportJob", jobId));
    expect(job).toMatchObject({ status: "FAILED", errorMessage: "The server restarted before this export finished. Start it again." });
  });
});
