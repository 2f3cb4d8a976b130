/**
 * Starting, stopping and signing in to the servers the benchmarks load (run.ts, instructions.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** packages/api, where the servers are started from. */
export const API_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no free port"))));
    });
  });
}

export const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** How a server is started when not simply by Node: a program that runs Node (valgrind, say), and how long it may take to come up. */
export interface StartUnder {
  readonly command: string;
  readonly args: readonly string[];
  readonly startMinutes: number;
}

/**
 * Starts a server as a child process, its output in a log file, and waits until a GET of `readyPath` is
 * answered. `under` runs Node through another program.
 */
export async function startServer(name: string, args: string[], env: Record<string, string>, port: number, readyPath: string, logFile: string, under?: StartUnder): Promise<ChildProcess> {
  const log = openSync(logFile, "w");
  const [command, commandArgs] = under ? [under.command, [...under.args, process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(command, commandArgs, { cwd: API_FOLDER, env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", log, log] });
  const startMinutes = under?.startMinutes ?? 2;
  const deadline = Date.now() + startMinutes * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} stopped at start (exit ${child.exitCode}); see ${logFile}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${readyPath}`);
      if (response.status < 500) return child;
    } catch {
      // Not listening yet.
    }
    await pause(200);
  }
  child.kill("SIGTERM");
  throw new Error(`${name} did not start within ${startMinutes} minutes; see ${logFile}`);
}

/** Stops a server with SIGTERM, killing it if it has not exited within `graceSeconds`. */
export function stopServer(child: ChildProcess, graceSeconds = 15): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceSeconds * 1000);
    child.once("exit", () => (clearTimeout(timer), done()));
    child.kill("SIGTERM");
  });
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { csrfToken userErrors { code message } } }`;

/** Signs in through the login mutation, as the web app does, and returns the headers later requests carry. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  const answer = (await response.json()) as { data?: { login?: { csrfToken: string | null; userErrors: { message: string }[] } }; errors?: unknown };
  const csrfToken = answer.data?.login?.csrfToken;
  if (!csrfToken) throw new Error(`Signing in as ${email} failed: ${JSON.stringify(answer.data?.login?.userErrors ?? answer.errors)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  return { cookie, "x-csrf-token": csrfToken };
}
