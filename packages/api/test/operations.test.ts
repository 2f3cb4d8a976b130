import { Writable } from "node:stream";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Dialect } from "../src/db/database.js";
import { createLogger } from "../src/logger.js";
import { drainAndClose } from "../src/ops/gracefulShutdown.js";
import { describeEachDialect, TEST_POSTGRES_URL } from "./databases.js";
import { startLoggedServer, type LoggedServer } from "./loggedServer.js";
import { PASSWORD } from "./fixtures.js";
import { GraphQLClient } from "./graphqlClient.js";

const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { team { name } userErrors { code message } } }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type OpsServer = LoggedServer;

/** The real HTTP app on a fresh database, logging at debug level into memory so tests can read the lines. */
async function startOpsServer(dialect: Dialect, drops: (() => Promise<void>)[]): Promise<OpsServer> {
  const server = await startLoggedServer(dialect);
  drops.push(server.dropDatabase);
  return server;
}

/** Holds the database's write lock until `release` is called, so a write request stays in progress. */
async function holdWrites(ops: OpsServer): Promise<() => Promise<void>> {
  if (ops.database.dialect === "sqlite") {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = ops.database.write(() => held);
    return async () => {
      release();
      await writing;
    };
  }
  const client = new pg.Client({ connectionString: ops.databaseUrl });
  await client.connect();
  await client.query("begin");
  await client.query("lock table teams in exclusive mode");
  return async () => {
    await client.query("commit");
    await client.end();
  };
}

describeEachDialect("Operation: probes, request IDs, logs and graceful shutdown (issue 7, point 9)", (dialect) => {
  let ops: OpsServer;
  let closed: boolean;
  const drops: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    ops = await startOpsServer(dialect, drops);
    closed = false;
  });
  afterEach(async () => {
    if (!closed) {
      ops.server.closeAllConnections();
      await new Promise<void>((resolve) => ops.server.close(() => resolve()));
      await ops.stopApollo();
      await ops.database.close();
    }
    for (const drop of drops.splice(0)) await drop();
  });

  it("/healthz answers 200 while the process is up and /readyz answers 200 while the database answers", async () => {
    const health = await fetch(`${ops.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${ops.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("/readyz answers 503 once shutdown has begun, and responses ask keep-alive clients to close", async () => {
    ops.readiness.markStopping();
    const ready = await fetch(`${ops.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "stopping" });
    expect(ready.headers.get("connection")).toBe("close");
    expect((await fetch(`${ops.url}/healthz`)).status).toBe(200);
  });

  it("/readyz answers 503 while the database is unreachable, and 200 again when it answers", async () => {
    if (dialect === "sqlite") {
      await ops.database.close();
      const ready = await fetch(`${ops.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "database unavailable" });
      closed = true;
      ops.server.closeAllConnections();
      await new Promise<void>((resolve) => ops.server.close(() => resolve()));
      await ops.stopApollo();
      return;
    }
    // As when Postgres restarts: existing connections are cut and new ones are refused for a while.
    const name = new URL(ops.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`alter database ${name} allow_connections false`);
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
      const down = await fetch(`${ops.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "database unavailable" });
      expect((await fetch(`${ops.url}/healthz`)).status).toBe(200);
      await admin.query(`alter database ${name} allow_connections true`);
      const up = await fetch(`${ops.url}/readyz`);
      expect(up.status).toBe(200);
    } finally {
      await admin.query(`alter database ${name} allow_connections true`);
      await admin.end();
    }
  });

  it("every response carries an X-Request-Id: a sane incoming one is kept, a missing or unsafe one is replaced", async () => {
    const generated = await fetch(`${ops.url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(UUID);
    const kept = await fetch(`${ops.url}/healthz`, { headers: { "x-request-id": "proxy-7f3a.42:1" } });
    expect(kept.headers.get("x-request-id")).toBe("proxy-7f3a.42:1");
    for (const unsafe of ["two words", "x".repeat(129), 'quote"d', "{\"level\":60}"]) {
      const replaced = await fetch(`${ops.url}/healthz`, { headers: { "x-request-id": unsafe } });
      expect(replaced.headers.get("x-request-id")).toMatch(UUID);
    }
  });

  it("each request is logged once as JSON with its request ID, method, path, status and duration", async () => {
    const client = await new GraphQLClient(ops.url).login(ops.organisation.staff.admin.email, PASSWORD);
    const response = await client.post({ query: CREATE_TEAM, variables: { input: { name: "Logged team" } } }, { "x-request-id": "trace-0001" });
    expect(response.status).toBe(200);
    const lines = ops.logLines().filter((line) => line.requestId === "trace-0001");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, service: "waymark", method: "POST", path: "/graphql", status: 200, msg: "request answered" });
    expect(typeof lines[0]!.durationMs).toBe("number");
    expect(typeof lines[0]!.time).toBe("string");
    // Probes are logged at debug level only, so at the usual info level they do not drown the log.
    await fetch(`${ops.url}/readyz`, { headers: { "x-request-id": "probe-0001" } });
    expect(ops.logLines().find((line) => line.requestId === "probe-0001")).toMatchObject({ level: 20, path: "/readyz" });
  });

  it("logs never hold passwords, cookies, tokens, GraphQL variables, query strings or query results", async () => {
    const client = await new GraphQLClient(ops.url).login(ops.organisation.staff.admin.email, PASSWORD);
    const canaryTeam = "Canary team Zebedee Quixote";
    await client.request(CREATE_TEAM, { input: { name: canaryTeam } });
    await client.request(`query { teams { name } }`);
    await fetch(`${ops.url}/graphql?query=${encodeURIComponent("{ teams { name } }")}&variables=${encodeURIComponent(JSON.stringify({ nhs: "9434765919" }))}`, {
      headers: { authorization: "Bearer wm_canary_bearer_token", cookie: "waymark_session=canary-session-cookie", "apollo-require-preflight": "true" },
    });
    const text = ops.logText();
    expect(ops.logLines().length).toBeGreaterThanOrEqual(4);
    for (const secret of [PASSWORD, canaryTeam, "9434765919", "wm_canary_bearer_token", "canary-session-cookie", "variables=", "query=", ops.organisation.staff.admin.email]) {
      expect(text).not.toContain(secret);
    }
  });

  it("a graceful shutdown lets a write in progress finish and answer before the database is closed", async () => {
    const client = await new GraphQLClient(ops.url).login(ops.organisation.staff.admin.email, PASSWORD);
    const release = await holdWrites(ops);
    const order: string[] = [];
    // Seen from the server: the moment its answer to the write has been handed to the connection.
    ops.server.on("request", (request, response) => {
      if (request.method === "POST") response.once("finish", () => order.push("answered"));
    });
    const inProgress = client.request<{ createTeam: { team: { name: string } | null } }>(CREATE_TEAM, { input: { name: "Written during shutdown" } });
    await new Promise((wait) => setTimeout(wait, 200));
    const shutdown = drainAndClose({
      server: ops.server,
      readiness: ops.readiness,
      logger: createLogger("silent"),
      timeoutMs: 10_000,
      closeAfterDrain: [async () => void order.push("apollo stopped"), async () => void order.push("database closed")],
    });
    await new Promise((wait) => setTimeout(wait, 200));
    // Not accepting: a new connection is refused while the write is still in progress.
    await expect(fetch(`${ops.url}/healthz`)).rejects.toThrow();
    expect(order).toEqual([]);
    await release();
    const result = await inProgress;
    expect(result.data?.createTeam.team?.name).toBe("Written during shutdown");
    expect(await shutdown).toEqual({ drained: true });
    expect(order).toEqual(["answered", "apollo stopped", "database closed"]);
    const teams = await ops.database.read.select({ name: ops.database.tables.teams.name }).from(ops.database.tables.teams);
    expect(teams.map((team) => team.name)).toContain("Written during shutdown");
  });

  it("a graceful shutdown gives up on a request that outlasts the timeout, closes its connection and still closes down", async () => {
    const client = await new GraphQLClient(ops.url).login(ops.organisation.staff.admin.email, PASSWORD);
    const release = await holdWrites(ops);
    const inProgress = client.request(CREATE_TEAM, { input: { name: "Outlasts the timeout" } });
    await new Promise((wait) => setTimeout(wait, 200));
    const closedDown: string[] = [];
    const started = Date.now();
    const outcome = await drainAndClose({
      server: ops.server,
      readiness: ops.readiness,
      logger: createLogger("silent"),
      timeoutMs: 300,
      closeAfterDrain: [async () => void closedDown.push("closed")],
    });
    expect(outcome).toEqual({ drained: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(closedDown).toEqual(["closed"]);
    await expect(inProgress).rejects.toThrow();
    await release();
  });
});

describe("Error logging (issue 7, point 9)", () => {
  it("an error is logged by type, code, message and stack, with the failed query's parameters cut out", () => {
    const error = Object.assign(new Error('Failed query: insert into "teams" ("name") values ($1)\nparams: Canary Person Name,9434765919'), {
      code: "23505",
      params: ["Canary Person Name", "9434765919"],
    });
    let written = "";
    const capture = new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    });
    createLogger("info", capture).error({ err: error }, "unexpected error");
    const line = JSON.parse(written) as { err: { type: string; code: string; message: string; stack: string } };
    expect(line.err).toMatchObject({ type: "Error", code: "23505" });
    expect(line.err.message).toContain('insert into "teams"');
    expect(line.err.stack).toContain("params: [redacted]");
    expect(written).not.toContain("Canary Person Name");
    expect(written).not.toContain("9434765919");
  });
});
