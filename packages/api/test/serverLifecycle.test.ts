import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createAdmin, runWaymark, startBuiltServer, type RunningServer } from "./builtServer.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";

const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { team { name } userErrors { code message } } }`;

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describeEachDialect("The built server stops gracefully on SIGTERM (issue 7, point 9)", (dialect) => {
  const running: RunningServer[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.stop("SIGKILL");
    for (const drop of drops.splice(0)) await drop();
  });

  it("SIGTERM during a stream of writes drains them, exits 0, logs JSON lines, and every answered write is kept", async () => {
    const { url: databaseUrl, drop } = await freshDatabaseUrl(dialect);
    drops.push(drop);
    await createAdmin(databaseUrl);
    const server = await startBuiltServer(databaseUrl);
    running.push(server);
    const admin = await server.admin();
    const acknowledged: string[] = [];
    const failures: string[] = [];
    const writer = async (index: number) => {
      for (let sequence = 0; ; sequence += 1) {
        const name = `Drain team ${index}-${sequence}`;
        try {
          const result = await admin.request<{ createTeam: { team: { name: string } | null } }>(CREATE_TEAM, { input: { name } });
          if (result.data?.createTeam.team?.name === name) acknowledged.push(name);
          else failures.push(JSON.stringify(result));
        } catch {
          return; // the server has stopped accepting
        }
      }
    };
    // One writer: a write is always in flight, and concurrent-write conflicts stay out of this test's way.
    const writers = writer(0);
    while (acknowledged.length < 20) await new Promise((wait) => setTimeout(wait, 10));
    expect(await server.stop("SIGTERM")).toBe(0);
    await writers;
    // No request was answered with an error because the server was stopping.
    expect(failures).toEqual([]);

    const lines = jsonLines(server.output());
    expect(lines.find((line) => line.msg === "stopping: finishing requests in progress")).toMatchObject({ level: 30, signal: "SIGTERM" });
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", drained: true });

    const restarted = await startBuiltServer(databaseUrl);
    running.push(restarted);
    const teams = await (await restarted.admin()).request<{ teams: { name: string }[] }>(`query { teams { name } }`);
    const present = new Set(teams.data?.teams.map((team) => team.name));
    expect(acknowledged.filter((name) => !present.has(name))).toEqual([]);
  }, 120_000);
});

describe("Configuration is checked at start (issue 7, point 9)", () => {
  it("the server refuses to start on an invalid variable, exits 1 and names each variable and its rule", async () => {
    const result = await runWaymark(["serve"], { PORT: "eighty", LOG_LEVEL: "loud", WAYMARK_SHUTDOWN_TIMEOUT_SECONDS: "0", DATABASE_URL: "/tmp/unused-waymark.sqlite" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Waymark's configuration is not valid");
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/LOG_LEVEL: .*"info"/);
    expect(result.stderr).toMatch(/WAYMARK_SHUTDOWN_TIMEOUT_SECONDS: /);
  }, 60_000);

  it("a DATABASE_URL that claims Postgres but is not a URL is named without echoing its value", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://user:s3cret@[bad-host/db" })).toThrow(/DATABASE_URL starts with postgres but is not a URL/);
    try {
      loadConfig({ DATABASE_URL: "postgres://user:s3cret@[bad-host/db" });
    } catch (error) {
      expect((error as Error).message).not.toContain("s3cret");
    }
  });

  it("an unknown time zone and an out-of-range port are refused by name", () => {
    expect(() => loadConfig({ WAYMARK_TIME_ZONE: "Europe/Atlantis" })).toThrow(/WAYMARK_TIME_ZONE/);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: /);
  });

  it("defaults apply when variables are unset or empty, and the shutdown timeout is read in seconds", () => {
    const config = loadConfig({ PORT: "", LOG_LEVEL: " ", WAYMARK_SHUTDOWN_TIMEOUT_SECONDS: "25" });
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", logLevel: "info", timeZone: "Europe/London", secureCookies: false, shutdownTimeoutMs: 25_000 });
    expect(loadConfig({ HOST: "0.0.0.0" }).secureCookies).toBe(true);
  });
});
