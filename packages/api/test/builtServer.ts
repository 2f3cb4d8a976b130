import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GraphQLClient } from "./graphqlClient.js";

const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const builtMain = join(apiRoot, "dist", "main.js");

/** The admin every built-server test signs in as. */
export const ADMIN = { email: "ops-admin@example.org", name: "Operations Admin", password: "a long and unguessable operations password" } as const;

/**
 * The built server's entry point, building it first when dist is missing (scripts/test.sh builds before the
 * tests, so this only happens when a single test file is run on a fresh checkout).
 */
export function builtServerEntry(): string {
  if (!existsSync(builtMain)) execFileSync(process.execPath, ["build.mjs"], { cwd: apiRoot, stdio: "inherit" });
  return builtMain;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

/** What a finished `waymark` command printed and how it exited. */
export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a `waymark` command of the built server to completion, with `input` on its standard input. */
export function runWaymark(args: readonly string[], env: Record<string, string>, input = ""): Promise<CommandResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [builtServerEntry(), ...args], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => resolveRun({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Creates the test admin in the database `databaseUrl` names, through the built CLI. */
export async function createAdmin(databaseUrl: string): Promise<void> {
  const result = await runWaymark(["admin", "create", "--email", ADMIN.email, "--name", ADMIN.name, "--password-stdin"], { DATABASE_URL: databaseUrl }, `${ADMIN.password}\n`);
  if (result.code !== 0) throw new Error(`admin create failed: ${result.stderr}`);
}

/** A built server running as a child process, as a provider runs it. */
export interface RunningServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it has written to standard output so far (its JSON log lines). */
  output(): string;
  /** A client signed in as the test admin. */
  admin(): Promise<GraphQLClient>;
  /** Sends `signal` and resolves with the exit code (null when killed by the signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts `waymark serve` on `databaseUrl` and resolves once /readyz answers 200. */
export async function startBuiltServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", ...extraEnv };
  const child = spawn(process.execPath, [builtServerEntry(), "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 150) throw new Error(`the server did not become ready within 30 seconds:\n${output}`);
    await new Promise((wait) => setTimeout(wait, 200));
  }
  return {
    url,
    process: child,
    output: () => output,
    admin: () => new GraphQLClient(url).login(ADMIN.email, ADMIN.password),
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
