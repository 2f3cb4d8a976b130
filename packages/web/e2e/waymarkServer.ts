import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const apiMain = resolve(here, "../../api/dist/main.js");
const webRoot = resolve(here, "../dist");

/** The demo provider's sign-ins (see the api's seed), used by the browser tests. */
export const DEMO_PASSWORD = "waymark demo password";
export const DEMO = {
  admin: "admin@demo.waymark.example.org",
  lead: "lead@demo.waymark.example.org",
  keyworker: "dan@demo.waymark.example.org",
  otherKeyworker: "aisha@demo.waymark.example.org",
  youngPeopleKeyworker: "tom@demo.waymark.example.org",
  analyst: "analyst@demo.waymark.example.org",
} as const;

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

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [apiMain, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => (code === 0 ? resolveRun() : reject(new Error(`waymark ${args.join(" ")} failed:\n${output}`))));
  });
}

export interface RunningWaymark {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the built Waymark server (API and web app) as a separate process, on a fresh SQLite file filled
 * with the demo provider, exactly as a provider would run it. The browser tests talk to it over HTTP only.
 */
export async function startWaymark(): Promise<RunningWaymark> {
  const folder = mkdtempSync(join(tmpdir(), "waymark-e2e-"));
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: join(folder, "waymark.sqlite"), PORT: String(port), HOST: "127.0.0.1", WAYMARK_WEB_ROOT: webRoot, LOG_LEVEL: "warn" };
  await run(["seed", "--demo"], env);
  const server: ChildProcess = spawn(process.execPath, [apiMain, "serve"], { env, stdio: "ignore" });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100) throw new Error("Waymark did not start within 20 seconds");
    await new Promise((wait) => setTimeout(wait, 200));
  }
  return {
    baseUrl,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((done) => server.once("exit", done));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
