/**
 * The benchmark (issue #6 point 2). Starts the real Waymark server and the raw-SQL server (rawServer.ts) on
 * the same database, loads each of the five workloads on both in turn at 1, 10 and 50 connections, counts
 * the SQL statements per request, soaks Waymark with 50 clients, reads both servers' peak memory, prints the
 * table and the budgets' verdicts, writes docs/performance.md, and exits 1 when a budget fails.
 *
 * Run through scripts/bench.sh (`pnpm bench`), or directly once the api is built:
 *   BENCH_DATABASE=<file.sqlite> node --import tsx bench/run.ts        (from packages/api)
 * Environment: BENCH_DATABASE (required), BENCH_SECONDS (per load step, default 10), BENCH_SOAK_SECONDS
 * (default 60), BENCH_WARMUP_SECONDS (for each read, default 15; a write warms up for 2), BENCH_REPORT (default docs/performance.md at the repo root;
 * "-" for none), BENCH_CONNECTIONS (default "1,10,50"). The servers' logs go to .bench/ at the repo root.
 * The write workload adds contacts to the database: never point BENCH_DATABASE at a live one.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { AccountProfile } from "./accounts.js";
import { systemClock } from "../src/clock.js";
import { sqliteFileOf } from "../src/db/sqliteFile.js";
import { failuresOf, load, sendOne, statementsReported, type LoadLength, type LoadRequest, type LoadResult } from "./load.js";
import { caseloadWhileReportRuns, type DuringReport } from "./duringReport.js";
import { describeMachine, peakMemoryMb } from "./machine.js";
import { API_FOLDER, freePort, pause, signIn, startServer, stopServer } from "./servers.js";
import { markdownReport, textTable, verdictLines, verdictsOf, type Cell, type Measurements } from "./report.js";
import { chooseSubjects, rowCounts } from "./subjects.js";
import { WORKLOADS, type Role, type Subjects, type Workload } from "./workloads.js";

const REPO_ROOT = resolve(API_FOLDER, "..", "..");
const TIME_ZONE = process.env.WAYMARK_TIME_ZONE ?? "Europe/London";

function numberFrom(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number, not "${value}"`);
  return parsed;
}

function waymarkRequest(workload: Workload, subjects: Subjects, headers: Record<Role, Record<string, string>>): LoadRequest {
  return { path: "/graphql", headers: headers[workload.role], body: (n) => JSON.stringify(workload.graphql(subjects, n)) };
}

function rawRequest(workload: Workload, subjects: Subjects): LoadRequest {
  return { path: workload.raw(subjects, 0).path, headers: {}, body: (n) => JSON.stringify(workload.raw(subjects, n).body) };
}

/** The workload's document on the raw-SQL server's graphql-js endpoint; null when it has none. */
function plainGraphqlRequest(workload: Workload, subjects: Subjects): LoadRequest | null {
  const plain = workload.plainGraphql;
  if (!plain) return null;
  const first = plain(subjects, 0);
  return { path: first.path, headers: first.headers, body: (n) => JSON.stringify(plain(subjects, n).body) };
}

/**
 * SQL statements one request costs, and how long it takes alone: the last of three sent one at a time (the
 * first ones warm caches).
 */
async function singleRequest(baseUrl: string, request: LoadRequest, offset: number): Promise<{ statements: number | null; ms: number }> {
  let counted: { statements: number | null; ms: number } = { statements: null, ms: 0 };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const started = performance.now();
    const answer = await sendOne(baseUrl, request, offset + attempt);
    counted = { statements: statementsReported(answer.headers), ms: performance.now() - started };
  }
  return counted;
}

/**
 * A step's length: `seconds`, unless a request is so slow that fewer than two answers per connection would
 * come back in that time (the indicators on a large provider); then until every connection had one answer
 * (at least 5), so the figures come from complete requests rather than from the few that beat the deadline.
 */
function stepLength(singleMs: number, connections: number, seconds: number): LoadLength {
  const expectedAnswers = (seconds * 1000) / Math.max(singleMs, 0.01);
  if (expectedAnswers >= 2 * connections) return { seconds };
  // Every connection's request waits behind the others on a busy server: allow for all of them, and some.
  const answers = Math.max(connections, 5);
  return { answers, timeoutSeconds: Math.max(120, Math.ceil((singleMs * answers * 4) / 1000)) };
}

/** K-1 from each side, to check that the raw SQL computes the same figure (a warning when not). */
async function numbersInTreatment(waymarkUrl: string, rawUrl: string, subjects: Subjects, headers: Record<Role, Record<string, string>>) {
  const kpis = WORKLOADS.find((workload) => workload.key === "kpis") as Workload;
  const fromWaymark = JSON.parse((await sendOne(waymarkUrl, waymarkRequest(kpis, subjects, headers))).text) as { data?: { kpis?: { numbersInTreatment?: { count: number | null } } } };
  const fromRaw = JSON.parse((await sendOne(rawUrl, rawRequest(kpis, subjects))).text) as { data?: { k01?: { episodes: number } } };
  return { waymark: fromWaymark.data?.kpis?.numbersInTreatment?.count ?? null, raw: fromRaw.data?.k01?.episodes ?? null };
}

/** Checks one answer of each workload from each server before loading them, so a broken request fails loudly, not as a fast error. */
async function checkAnswers(waymarkUrl: string, rawUrl: string, subjects: Subjects, headers: Record<Role, Record<string, string>>) {
  for (const workload of WORKLOADS.filter((candidate) => !candidate.write)) {
    for (const [server, url, request] of [
      ["Waymark", waymarkUrl, waymarkRequest(workload, subjects, headers)],
      ["raw SQL", rawUrl, rawRequest(workload, subjects)],
    ] as const) {
      const answer = await sendOne(url, request);
      if (answer.status !== 200 || answer.text.includes('"errors":')) throw new Error(`${server} refused ${workload.title}: ${answer.status} ${answer.text.slice(0, 500)}`);
    }
    const plain = plainGraphqlRequest(workload, subjects);
    if (plain) await checkSameAnswer(workload, await sendOne(waymarkUrl, waymarkRequest(workload, subjects, headers)), await sendOne(rawUrl, plain));
  }
}

/**
 * The graphql-js endpoint must answer what Waymark answers, or its figures measure something else: the same
 * entries in the same order with the same fields, ids apart (Waymark's are global IDs, the endpoint's the
 * database's) and cursors apart (each encodes its own server's keys).
 */
async function checkSameAnswer(workload: Workload, fromWaymark: { text: string }, fromPlain: { status: number; text: string }) {
  if (fromPlain.status !== 200 || fromPlain.text.includes('"errors":')) throw new Error(`The graphql-js endpoint refused ${workload.title}: ${fromPlain.status} ${fromPlain.text.slice(0, 500)}`);
  const comparable = (text: string) => JSON.stringify(JSON.parse(text).data, (key, value: unknown) => (key === "id" || key === "cursor" || key === "endCursor" || key === "startCursor" ? undefined : value));
  if (comparable(fromWaymark.text) !== comparable(fromPlain.text)) {
    throw new Error(`The graphql-js endpoint's answer to ${workload.title} differs from Waymark's:\n${comparable(fromPlain.text).slice(0, 400)}\n${comparable(fromWaymark.text).slice(0, 400)}`);
  }
}

/**
 * Waits until a server has worked through requests still queued from the last step (autocannon stops sending
 * at the deadline, but a busy server still answers what it has received): until two GETs in a row come back
 * within 50 ms. Without it one step's backlog would be charged to the next.
 */
async function settle(baseUrl: string, path: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const started = performance.now();
    const answered = await fetch(`${baseUrl}${path}`).then(
      (response) => response.arrayBuffer().then(() => true),
      () => false,
    );
    quick = answered && performance.now() - started < 50 ? quick + 1 : 0;
    if (!answered) await pause(100);
  }
}

function describe(result: LoadResult): string {
  const errors = failuresOf(result) === 0 ? "0" : `${failuresOf(result)} (non-2xx ${result.non2xx}, socket/timeouts ${result.transportErrors}, in the answer ${result.answerErrors})`;
  const sample = result.firstFailure ? ` [first: ${result.firstFailure}]` : "";
  return `p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms, ${result.requestsPerSecond.toFixed(result.requestsPerSecond < 10 ? 1 : 0)} req/s, errors ${errors}${sample}`;
}

async function main(): Promise<number> {
  const database = sqliteFileOf(requiredVariable("BENCH_DATABASE"));
  const secondsPerStep = numberFrom("BENCH_SECONDS", 10);
  const soakSeconds = numberFrom("BENCH_SOAK_SECONDS", 60);
  // Long enough for V8 to have finished optimising what a request runs, so each step measures the server as it
  // runs all day: a person's record was still being compiled after 4,000 requests (--trace-opt: 1,152 functions
  // optimised after 1,600 requests, 1,478 after 4,000, 56 more in the next 8,000), and on this two-core machine
  // V8's compiler threads take their time from the load generator's core. A write warms up briefly, since each
  // one it sends grows the database.
  const warmupSeconds = numberFrom("BENCH_WARMUP_SECONDS", 15);
  const WRITE_WARMUP_SECONDS = Math.min(2, warmupSeconds);
  const connectionSteps = (process.env.BENCH_CONNECTIONS ?? "1,10,50").split(",").map(Number);
  // A request that takes seconds on its own (the indicators report on a large provider) is measured at fewer
  // clients: fifty of them would queue for many minutes on either server and measure only the queue.
  const slowConnectionSteps = (process.env.BENCH_SLOW_CONNECTIONS ?? "1,10").split(",").map(Number);
  const SLOW_REQUEST_MS = 2_000;
  // A comma-separated list of workload keys (caseload, reviewSchedule, personRecord, kpis, recordContact) to run only those.
  const onlyWorkloads = process.env.BENCH_WORKLOADS?.split(",");
  const workloads = WORKLOADS.filter((workload) => !onlyWorkloads || onlyWorkloads.includes(workload.key));
  const reportPath = process.env.BENCH_REPORT ?? resolve(REPO_ROOT, "docs", "performance.md");
  const logFolder = resolve(REPO_ROOT, ".bench");
  mkdirSync(logFolder, { recursive: true });

  const today = systemClock(TIME_ZONE).today();
  const machine = describeMachine();
  const counts = rowCounts(database);
  const { profile, subjects }: { profile: AccountProfile; subjects: Subjects } = chooseSubjects(database, today);
  console.log(`Database ${database}: ${counts.find((row) => row.table === "service_users")?.rows ?? 0} people (${profile.name} accounts).`);
  console.log(`Keyworker ${subjects.keyworker.email} (${subjects.keyworker.openEpisodes} open episodes), team ${subjects.team.name}, lead ${subjects.teamLead.email}, record with ${subjects.person.contacts} contacts.`);

  const [waymarkPort, rawPort] = [await freePort(), await freePort()];
  const waymarkUrl = `http://127.0.0.1:${waymarkPort}`;
  const rawUrl = `http://127.0.0.1:${rawPort}`;
  const serverEnv = { DATABASE_URL: database, HOST: "127.0.0.1", WAYMARK_TIME_ZONE: TIME_ZONE };
  const waymark = await startServer("Waymark", ["dist/main.js", "serve"], { ...serverEnv, WAYMARK_COUNT_STATEMENTS: "true", LOG_LEVEL: process.env.LOG_LEVEL ?? "info" }, waymarkPort, "/healthz", resolve(logFolder, "waymark-server.log"));
  const raw = await startServer("The raw-SQL server", ["--import", "tsx", "bench/rawServer.ts"], serverEnv, rawPort, "/", resolve(logFolder, "raw-server.log")).catch(async (error: unknown) => {
    await stopServer(waymark);
    throw error;
  });
  // A server that stops mid-run (killed from outside, or crashed) would show up only as a wall of socket
  // errors: say so plainly instead.
  const stoppedEarly = (name: string, child: ChildProcess) => () => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} stopped during the benchmark (${child.signalCode ?? `exit ${child.exitCode}`}); see the logs in .bench/`);
  };
  const checkServers = () => (stoppedEarly("Waymark", waymark)(), stoppedEarly("The raw-SQL server", raw)());
  // Interrupted (Ctrl-C): stop both servers rather than leave them running.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void Promise.all([stopServer(waymark), stopServer(raw)]).then(() => process.exit(130)));
  }
  try {
    const headers: Record<Role, Record<string, string>> = {
      keyworker: await signIn(waymarkUrl, subjects.keyworker.email, profile.password),
      teamLead: await signIn(waymarkUrl, subjects.teamLead.email, profile.password),
      analyst: await signIn(waymarkUrl, subjects.analyst.email, profile.password),
    };
    await checkAnswers(waymarkUrl, rawUrl, subjects, headers);

    const k1 = await numbersInTreatment(waymarkUrl, rawUrl, subjects, headers);
    if (k1.waymark !== k1.raw) console.warn(`WARNING: K-1 differs: Waymark ${k1.waymark}, raw SQL ${k1.raw}. The raw K-1 statement no longer matches Waymark's definition.`);

    const statements: Record<string, { waymark: number | null; raw: number | null }> = {};
    const singleMs: Record<string, { waymark: number; raw: number }> = {};
    for (const workload of workloads) {
      const fromWaymark = await singleRequest(waymarkUrl, waymarkRequest(workload, subjects, headers), 1000);
      const fromRaw = await singleRequest(rawUrl, rawRequest(workload, subjects), 1000);
      statements[workload.key] = { waymark: fromWaymark.statements, raw: fromRaw.statements };
      singleMs[workload.key] = { waymark: fromWaymark.ms, raw: fromRaw.ms };
    }

    const cells: Cell[] = [];
    for (const workload of workloads) {
      const onWaymark = waymarkRequest(workload, subjects, headers);
      const onRaw = rawRequest(workload, subjects);
      const alone = singleMs[workload.key] as { waymark: number; raw: number };
      const onWaymarkSettled = async (connections: number, seconds: number) => {
        await settle(waymarkUrl, "/healthz");
        return load(waymarkUrl, [onWaymark], connections, stepLength(alone.waymark, connections, seconds));
      };
      const onRawSettled = async (connections: number, seconds: number) => {
        await settle(rawUrl, "/");
        return load(rawUrl, [onRaw], connections, stepLength(alone.raw, connections, seconds));
      };
      // The warm-up: some seconds, or one answer when a request alone takes longer than that.
      const warmUpFor = workload.write ? WRITE_WARMUP_SECONDS : warmupSeconds;
      const warmUp = (singleRequestMs: number): LoadLength =>
        singleRequestMs * 2 > warmUpFor * 1000 ? { answers: 1, timeoutSeconds: Math.max(120, Math.ceil(singleRequestMs / 250)) } : { seconds: warmUpFor };
      await settle(waymarkUrl, "/healthz");
      await load(waymarkUrl, [onWaymark], 1, warmUp(alone.waymark));
      await settle(rawUrl, "/");
      await load(rawUrl, [onRaw], 1, warmUp(alone.raw));
      const steps = alone.waymark > SLOW_REQUEST_MS ? connectionSteps.filter((connections) => slowConnectionSteps.includes(connections)) : connectionSteps;
      const onPlain = plainGraphqlRequest(workload, subjects);
      if (onPlain) await load(rawUrl, [onPlain], 1, warmUp(alone.raw));
      for (const connections of steps) {
        const fromWaymark = await onWaymarkSettled(connections, secondsPerStep);
        checkServers();
        const fromRaw = await onRawSettled(connections, secondsPerStep);
        checkServers();
        console.log(`${workload.title} x${connections}: Waymark ${describe(fromWaymark)} | raw ${describe(fromRaw)}`);
        if (!onPlain) {
          cells.push({ workload, connections, waymark: fromWaymark, raw: fromRaw });
          continue;
        }
        await settle(rawUrl, "/");
        const fromPlain = await load(rawUrl, [onPlain], connections, stepLength(alone.raw, connections, secondsPerStep));
        checkServers();
        console.log(`${workload.title} x${connections}: graphql-js over the raw statement ${describe(fromPlain)}`);
        cells.push({ workload, connections, waymark: fromWaymark, raw: fromRaw, plainGraphql: fromPlain });
      }
    }

    const byKey = (key: string) => waymarkRequest(WORKLOADS.find((workload) => workload.key === key) as Workload, subjects, headers);
    let duringReport: DuringReport | null = null;
    if (singleMs.kpis && singleMs.caseload) {
      console.log("Caseload x1 while a K-1..K-14 report runs...");
      await settle(waymarkUrl, "/healthz");
      duringReport = await caseloadWhileReportRuns(waymarkUrl, byKey("caseload"), byKey("kpis"), singleMs.kpis.waymark);
      checkServers();
      console.log(`Caseload x1 while a report runs (${(duringReport.reportMs / 1000).toFixed(1)} s): ${describe(duringReport.caseload)}, slowest ${duringReport.caseload.max.toFixed(0)} ms`);
    }

    // The soak: the keyworker's and team lead's reads and some writes, as a service's working day sends them.
    // The indicators join it only when a report takes well under a second: on a large provider one report is
    // seconds of database work, which analysts run a few times a day, and fifty clients asking for it over
    // and over would measure a queue, not the service.
    const mix = ["caseload", "reviewSchedule", "caseload", "personRecord", "recordContact", "caseload", "reviewSchedule", "personRecord", "caseload", "recordContact"];
    const reportIsQuick = (singleMs.kpis?.waymark ?? Infinity) < SLOW_REQUEST_MS / 2;
    const soakRequests = [...mix, ...mix, ...(reportIsQuick ? ["kpis"] : [])].map(byKey);
    console.log(`Soak: 50 clients for ${soakSeconds} s on Waymark...`);
    await settle(waymarkUrl, "/healthz");
    const soak = { seconds: soakSeconds, connections: 50, result: await load(waymarkUrl, soakRequests, 50, { seconds: soakSeconds }) };
    checkServers();
    console.log(`Soak: ${soak.result.requests} requests, ${describe(soak.result)}`);

    const measurements: Measurements = {
      machine,
      database: relative(REPO_ROOT, database).startsWith("..") ? database : relative(REPO_ROOT, database),
      accounts: profile.name,
      rowCounts: counts,
      subjects,
      secondsPerStep,
      warmUpSeconds: { read: warmupSeconds, write: WRITE_WARMUP_SECONDS },
      cells,
      statements,
      peakMemoryMb: { waymark: peakMemoryMb(waymark.pid as number), raw: peakMemoryMb(raw.pid as number) },
      soak,
      duringReport,
      k1,
    };
    const verdicts = verdictsOf(measurements);
    console.log(`\n${textTable(measurements)}\n`);
    console.log(`Peak memory: Waymark ${measurements.peakMemoryMb.waymark?.toFixed(0)} MB, raw SQL ${measurements.peakMemoryMb.raw?.toFixed(0)} MB. K-1: Waymark ${k1.waymark}, raw ${k1.raw}.\n`);
    console.log(verdictLines(verdicts));
    if (reportPath !== "-") {
      writeFileSync(reportPath, markdownReport(measurements, verdicts));
      console.log(`\nWrote ${reportPath}`);
    }
    const failed = verdicts.filter((verdict) => !verdict.passed);
    if (failed.length > 0) console.error(`\nBudgets failed: ${failed.map((verdict) => verdict.budget).join("; ")}`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    await Promise.all([stopServer(waymark), stopServer(raw)]);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.stack ?? error.message}${error.cause ? `\ncaused by: ${String(error.cause)}` : ""}` : error);
    process.exit(2);
  },
);

/** An environment variable the benchmark cannot run without. */
function requiredVariable(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: give the benchmark database's file`);
  return value;
}
