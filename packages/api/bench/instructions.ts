/**
 * Instructions per request, counted by valgrind's callgrind (issue #6): a figure that does not move with the
 * machine's load or clock, for telling whether a change made a request cheaper where timings on a shared
 * machine vary by a fifth from one run to the next. For each workload it starts the built server under
 * callgrind twice, each on its own copy of the database, sends a warm-up and then FEW or MANY requests one at a
 * time, and prints (instructions of the MANY run − those of the FEW run) / (MANY − FEW): one request's cost, with
 * the server's start, the sign-ins and the warm-up taken out. Counting starts only once the warm-up is answered,
 * long enough for V8 to have optimised what a request runs (until 2026-12-08 the count began at the start, after
 * 20 requests' warm-up, and its figures include that compiling). The server runs with V8's helper threads off, so that their
 * work does not depend on how threads interleave; timers still fire more often in a slower run, and three counts
 * of one caseload build spread by 6.5% (26.3 to 28.0 M). The two runs go on at once: each counts its own.
 *
 * Run from packages/api once the api is built (callgrind slows the server some fifty times):
 *   BENCH_DATABASE=<file.sqlite> node --import tsx bench/instructions.ts
 * Environment: BENCH_WORKLOADS (default caseload,personRecord), BENCH_FEW (default 100), BENCH_MANY (default
 * 300), BENCH_WARMUP (default 5000), BENCH_RAW=true to count the raw-SQL server's answer to the same request too,
 * for the ratio by instructions beside the ratio by time. Needs valgrind. The copies are made beside the database and removed after.
 */
import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { load, type LoadRequest } from "./load.js";
import { API_FOLDER, freePort, signIn, startServer, stopServer } from "./servers.js";
import { chooseSubjects } from "./subjects.js";
import { WORKLOADS, type Workload } from "./workloads.js";
import { systemClock } from "../src/clock.js";
import { sqliteFileOf } from "../src/db/sqliteFile.js";

const TIME_ZONE = process.env.WAYMARK_TIME_ZONE ?? "Europe/London";
const SERVER_HOST = "127.0.0.1";

function count(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number above 0, not "${process.env[name]}"`);
  return value;
}

/** A copy of the database (and its write-ahead log, if any) for one run, since every run writes read audits. */
function copyOf(database: string, name: string): string {
  const copy = `${database}.${name}.sqlite`;
  for (const suffix of ["", "-wal"]) if (existsSync(database + suffix)) copyFileSync(database + suffix, copy + suffix);
  return copy;
}

function removeCopy(copy: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
}

/** The program's total instructions from a callgrind output file. */
function instructionsIn(file: string): number {
  const line = readFileSync(file, "utf8")
    .split("\n")
    .find((candidate) => candidate.startsWith("summary:") || candidate.startsWith("totals:"));
  const total = Number(line?.split(":")[1]?.trim().split(/\s+/)[0]);
  if (!line || !(total > 0)) throw new Error(`No instructions counted in ${file}`);
  return total;
}

/**
 * Starts callgrind counting in a server started with --instr-atstart=no (valgrind runs it as the same process).
 * Valgrind names the pipes it is reached by after the HOST variable, which the server is given: so is this.
 */
function countFrom(server: ChildProcess): void {
  const switched = spawnSync("callgrind_control", ["--instr=on", String(server.pid)], { encoding: "utf8", timeout: 120_000, env: { ...process.env, HOST: SERVER_HOST } });
  // It exits 0 when it cannot reach the process, too: its message says so.
  if (switched.status !== 0 || /error|failed/i.test(`${switched.stdout}${switched.stderr}`)) {
    throw new Error(`callgrind_control could not start counting in ${server.pid}: ${switched.stderr || switched.stdout}`);
  }
}

/** Which server is counted: Waymark as built, or the raw-SQL baseline answering the same request (rawServer.ts). */
type Side = "waymark" | "raw";

/** Instructions of one server run under callgrind that answers `requests` of the workload after the warm-up. */
async function instructionsFor(side: Side, workload: Workload, database: string, requests: number, warmUp: number, outputFolder: string): Promise<number> {
  const copy = copyOf(database, `${side}-${workload.key}-${requests}`);
  const output = join(outputFolder, `callgrind.${side}.${workload.key}.${requests}.out`);
  const port = await freePort();
  let server: ChildProcess | null = null;
  try {
    server = await startServer(
      `${side === "waymark" ? "Waymark" : "The raw-SQL server"} under callgrind (${workload.key}, ${requests} requests)`,
      // V8's compiler and collector work on the server's own thread, where their share of the count depends on
      // the requests, not on how the machine's threads happened to interleave.
      side === "waymark" ? ["--single-threaded", "dist/main.js", "serve"] : ["--single-threaded", "--import", "tsx", "bench/rawServer.ts"],
      { DATABASE_URL: copy, HOST: SERVER_HOST, WAYMARK_TIME_ZONE: TIME_ZONE, LOG_LEVEL: "warn" },
      port,
      side === "waymark" ? "/healthz" : "/",
      join(outputFolder, `server.${side}.${workload.key}.${requests}.log`),
      // Counting starts after the warm-up (callgrind_control below): V8 goes on optimising a request's code for
      // thousands of requests, and counted from the start that compiling was some 8 of a person's record's 20
      // million instructions a request. Uncounted, the warm-up also runs several times faster.
      { command: "valgrind", args: ["--tool=callgrind", "--instr-atstart=no", `--callgrind-out-file=${output}`, "--dump-instr=no"], startMinutes: 15 },
    );
    const url = `http://127.0.0.1:${port}`;
    const { profile, subjects } = chooseSubjects(copy, systemClock(TIME_ZONE).today());
    let request: LoadRequest;
    if (side === "waymark") {
      const email = { keyworker: subjects.keyworker.email, teamLead: subjects.teamLead.email, analyst: subjects.analyst.email }[workload.role];
      request = { path: "/graphql", headers: await signIn(url, email, profile.password), body: (n) => JSON.stringify(workload.graphql(subjects, n)) };
    } else {
      request = { path: workload.raw(subjects, 0).path, headers: {}, body: (n) => JSON.stringify(workload.raw(subjects, n).body) };
    }
    const answer = async (answers: number) => {
      const result = await load(url, [request], 1, { answers, timeoutSeconds: 3600 });
      const failures = result.non2xx + result.transportErrors + result.answerErrors;
      if (failures > 0) throw new Error(`${failures} of ${workload.key}'s answers failed: ${result.firstFailure}`);
    };
    await answer(warmUp);
    countFrom(server);
    await answer(requests);
    await stopServer(server, 300);
    server = null;
    return instructionsIn(output);
  } finally {
    if (server) await stopServer(server, 300);
    removeCopy(copy);
  }
}

/** One request's instructions on `side`: the difference between a run of `many` and a run of `few`, per request. */
async function perRequest(side: Side, workload: Workload, database: string, few: number, many: number, warmUp: number, outputFolder: string) {
  const [fewTotal, manyTotal] = await Promise.all([instructionsFor(side, workload, database, few, warmUp, outputFolder), instructionsFor(side, workload, database, many, warmUp, outputFolder)]);
  return { perRequest: (manyTotal - fewTotal) / (many - few), fewTotal, manyTotal };
}

async function main(): Promise<void> {
  if (spawnSync("valgrind", ["--version"]).status !== 0) throw new Error("valgrind is needed to count instructions (Debian: apt-get install valgrind)");
  const database = resolve(sqliteFileOf(process.env.BENCH_DATABASE ?? ""));
  if (!process.env.BENCH_DATABASE || !existsSync(database)) throw new Error("BENCH_DATABASE must name the benchmark's SQLite file");
  const few = count("BENCH_FEW", 100);
  const many = count("BENCH_MANY", 300);
  const warmUp = count("BENCH_WARMUP", 5000);
  if (many <= few) throw new Error("BENCH_MANY must be above BENCH_FEW");
  const keys = (process.env.BENCH_WORKLOADS ?? "caseload,personRecord").split(",");
  const withRaw = process.env.BENCH_RAW === "true";
  const outputFolder = join(tmpdir(), `waymark-instructions-${process.pid}`);
  mkdirSync(outputFolder, { recursive: true });
  console.log(`Instructions per request (callgrind), ${few} and ${many} requests after ${warmUp} to warm up, built server in ${API_FOLDER}/dist:`);
  for (const key of keys) {
    const workload = WORKLOADS.find((candidate) => candidate.key === key && !candidate.write);
    if (!workload) throw new Error(`No read workload "${key}"; choose from ${WORKLOADS.filter((candidate) => !candidate.write).map((candidate) => candidate.key).join(", ")}`);
    const waymark = await perRequest("waymark", workload, database, few, many, warmUp, outputFolder);
    console.log(`${workload.title}: ${(waymark.perRequest / 1e6).toFixed(2)} M instructions per request (runs of ${(waymark.fewTotal / 1e9).toFixed(2)} G and ${(waymark.manyTotal / 1e9).toFixed(2)} G)`);
    if (!withRaw) continue;
    const raw = await perRequest("raw", workload, database, few, many, warmUp, outputFolder);
    console.log(`  the raw-SQL server: ${(raw.perRequest / 1e6).toFixed(2)} M instructions per request; Waymark/raw ${(waymark.perRequest / raw.perRequest).toFixed(2)}`);
  }
  rmSync(outputFolder, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
