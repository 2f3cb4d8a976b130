import BetterSqlite3 from "better-sqlite3";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { createAdmin, runWaymark, startBuiltServer, type RunningServer } from "./builtServer.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";

const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { team { name } userErrors { code message } } }`;
const TEAM_NAMES = `query { teams { name } }`;

async function createTeam(client: GraphQLClient, name: string): Promise<void> {
  const result = await client.request<{ createTeam: { team: { name: string } | null } }>(CREATE_TEAM, { input: { name } });
  if (result.data?.createTeam.team?.name !== name) throw new Error(`createTeam refused: ${JSON.stringify(result)}`);
}

/** Every table's row count in a SQLite file, read independently of the code under test. */
function rowCounts(file: string): Record<string, number> {
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = connection.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
    return Object.fromEntries(tables.map((table) => [table, connection.prepare(`select count(*) from "${table}"`).pluck().get() as number]));
  } finally {
    connection.close();
  }
}

function integrityOf(file: string): string[] {
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return connection.prepare("pragma integrity_check").pluck().all() as string[];
  } finally {
    connection.close();
  }
}

describeEachDialect("Backup and restore drill (issue 7, point 8)", (dialect) => {
  const running: RunningServer[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.stop("SIGKILL");
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function scratchFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), "waymark-drill-"));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    return folder;
  }

  if (dialect === "postgres") {
    it("on Postgres, backup and restore explain pg_dump and pg_restore, exit 1 and write nothing", async () => {
      const { url, drop } = await freshDatabaseUrl(dialect);
      cleanups.push(drop);
      const target = join(scratchFolder(), "waymark.backup");
      for (const command of [["backup", target], ["restore", target]]) {
        const result = await runWaymark(command, { DATABASE_URL: url });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain("pg_dump --format=custom");
        expect(result.stderr).toContain("pg_restore");
        expect(result.stderr).not.toContain(url);
      }
      expect(existsSync(target)).toBe(false);
    });
    return;
  }

  it("a backup taken while the server serves and writes restores into a fresh location with every table's rows and integrity ok", async () => {
    const folder = scratchFolder();
    const live = join(folder, "live", "waymark.sqlite");
    await createAdmin(live);
    const server = await startBuiltServer(live);
    running.push(server);
    const admin = await server.admin();
    for (let index = 0; index < 20; index += 1) await createTeam(admin, `Before backup ${index}`);

    // Writes go on while the backup runs.
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index += 1) {
        await createTeam(admin, `During backup ${index}`);
        acknowledged.push(`During backup ${index}`);
      }
    })();
    const backupWhileWriting = join(folder, "during-writes.sqlite");
    const acknowledgedBeforeBackup = acknowledged.length;
    const backup = await runWaymark(["backup", backupWhileWriting], { DATABASE_URL: live });
    const acknowledgedAfterBackup = acknowledged.length;
    writing = false;
    await writer;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain("integrity ok");
    expect(acknowledgedAfterBackup).toBeGreaterThan(acknowledgedBeforeBackup);

    // Restore into a fresh location; the restored file is the backup, table by table, and sound.
    const restored = join(folder, "restored", "waymark.sqlite");
    const restore = await runWaymark(["restore", backupWhileWriting], { DATABASE_URL: restored });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(integrityOf(restored)).toEqual(["ok"]);
    const backupCounts = rowCounts(backupWhileWriting);
    expect(Object.keys(backupCounts).length).toBeGreaterThan(10);
    expect(rowCounts(restored)).toEqual(backupCounts);

    // A server on the restored database has every team acknowledged before the backup started.
    const restoredServer = await startBuiltServer(restored);
    running.push(restoredServer);
    const teams = await (await restoredServer.admin()).request<{ teams: { name: string }[] }>(TEAM_NAMES);
    const names = new Set(teams.data?.teams.map((team) => team.name));
    const expected = [...Array.from({ length: 20 }, (_, index) => `Before backup ${index}`), ...acknowledged.slice(0, acknowledgedBeforeBackup)];
    expect(expected.filter((name) => !names.has(name))).toEqual([]);
    expect([...names].filter((name) => name.startsWith("During backup ")).length).toBeLessThanOrEqual(acknowledged.length);
  }, 120_000);

  it("a backup of a quiet serving database matches the live database in every table's row count", async () => {
    const folder = scratchFolder();
    const live = join(folder, "waymark.sqlite");
    await createAdmin(live);
    const server = await startBuiltServer(live);
    running.push(server);
    const admin = await server.admin();
    for (let index = 0; index < 5; index += 1) await createTeam(admin, `Quiet team ${index}`);
    const target = join(folder, "quiet.sqlite");
    const backup = await runWaymark(["backup", target], { DATABASE_URL: live });
    expect(backup.code).toBe(0);
    // Stopped gracefully (SIGTERM exits 0) so the live file holds everything the server wrote.
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(integrityOf(target)).toEqual(["ok"]);
    expect(rowCounts(target)).toEqual(rowCounts(live));
  }, 120_000);

  it("restore refuses to replace a database without --replace, or while a server has it open, and changes nothing", async () => {
    const folder = scratchFolder();
    const live = join(folder, "waymark.sqlite");
    await createAdmin(live);
    const server = await startBuiltServer(live);
    running.push(server);
    await createTeam(await server.admin(), "Kept team");
    const backupFile = join(folder, "backup.sqlite");
    expect((await runWaymark(["backup", backupFile], { DATABASE_URL: live })).code).toBe(0);
    await createTeam(await server.admin(), "Team after the backup");
    const countsBefore = rowCounts(live);

    const withoutFlag = await runWaymark(["restore", backupFile], { DATABASE_URL: live });
    expect(withoutFlag.code).toBe(1);
    expect(withoutFlag.stderr).toContain("--replace");
    const whileServing = await runWaymark(["restore", backupFile, "--replace"], { DATABASE_URL: live });
    expect(whileServing.code).toBe(1);
    expect(whileServing.stderr).toContain("in use by a running Waymark server");
    expect(rowCounts(live)).toEqual(countsBefore);
    const teams = await (await server.admin()).request<{ teams: { name: string }[] }>(TEAM_NAMES);
    expect(teams.data?.teams.map((team) => team.name)).toContain("Team after the backup");

    // Once the server has stopped, --replace puts the backup in place.
    expect(await server.stop("SIGTERM")).toBe(0);
    const replaced = await runWaymark(["restore", backupFile, "--replace"], { DATABASE_URL: live });
    expect(replaced.code).toBe(0);
    expect(rowCounts(live)).toEqual(rowCounts(backupFile));
    expect(integrityOf(live)).toEqual(["ok"]);
  }, 120_000);

  it("restore checks the backup first: a damaged or foreign file is refused and nothing is written", async () => {
    const folder = scratchFolder();
    const target = join(folder, "restored.sqlite");

    const garbage = join(folder, "garbage.sqlite");
    writeFileSync(garbage, "this is not a database ".repeat(500));
    const notADatabase = await runWaymark(["restore", garbage], { DATABASE_URL: target });
    expect(notADatabase.code).toBe(1);
    expect(notADatabase.stderr).toContain("Nothing restored");

    const foreign = join(folder, "foreign.sqlite");
    const connection = new BetterSqlite3(foreign);
    connection.exec("create table notes (body text); insert into notes values ('hello')");
    connection.close();
    const notWaymark = await runWaymark(["restore", foreign], { DATABASE_URL: target });
    expect(notWaymark.code).toBe(1);
    expect(notWaymark.stderr).toContain("not a Waymark one");

    // A real backup with a page overwritten fails PRAGMA integrity_check or cannot be read.
    const live = join(folder, "live.sqlite");
    await createAdmin(live);
    const good = join(folder, "good.sqlite");
    expect((await runWaymark(["backup", good], { DATABASE_URL: live })).code).toBe(0);
    const bytes = readFileSync(good);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    const damaged = join(folder, "damaged.sqlite");
    writeFileSync(damaged, bytes);
    const damagedResult = await runWaymark(["restore", damaged], { DATABASE_URL: target });
    expect(damagedResult.code).toBe(1);
    expect(damagedResult.stderr).toContain("Nothing restored");

    expect(existsSync(target)).toBe(false);
  }, 120_000);

  it("backup never overwrites an existing file", async () => {
    const folder = scratchFolder();
    const live = join(folder, "waymark.sqlite");
    await createAdmin(live);
    const existing = join(folder, "existing.sqlite");
    writeFileSync(existing, "keep me");
    const result = await runWaymark(["backup", existing], { DATABASE_URL: live });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("already exists");
    expect(readFileSync(existing, "utf8")).toBe("keep me");
  }, 60_000);
});
