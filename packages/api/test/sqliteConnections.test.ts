import { closeSync, openSync, readSync, statSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqliteDatabase } from "../src/db/migrate.js";
import { openSqliteDatabase } from "../src/db/sqliteDatabase.js";
import { sqliteFileOf } from "../src/db/sqliteFile.js";
import { freshDatabaseUrl } from "./databases.js";

/**
 * How Waymark uses its two SQLite connections (db/sqliteReadRouting) and checkpoints in the background
 * (db/sqliteCheckpoints): reads never see an uncommitted write, a write cannot slip down the read path, and
 * the write-ahead log is copied into the database without any commit doing it, and started over even while
 * commits never stop.
 */
describe("SQLite connections", () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  let file: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl("sqlite");
    drop = fresh.drop;
    file = sqliteFileOf(fresh.url);
    database = openSqliteDatabase(file);
    migrateSqliteDatabase(database.writer);
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const settingsCount = async () => {
    const [row] = await database.read.select({ count: sql<number>`count(*)` }).from(database.tables.serviceSettings);
    return Number(row?.count ?? 0);
  };
  const insertSetting = (key: string) => sql`insert into service_settings (key, value, updated_at) values (${key}, '1', 0)`;

  it("does not let a read see a write whose transaction is still open, and sees it once committed", async () => {
    const before = await settingsCount();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const afterInsert = new Promise<void>((resolve) => (inserted = resolve));
    const writing = database.write(async (tx) => {
      await tx.run(insertSetting(`test.${randomUUID()}`));
      inserted();
      await held;
    });
    await afterInsert;
    expect(database.writer.inTransaction).toBe(true);
    expect(await settingsCount()).toBe(before);
    release();
    await writing;
    expect(await settingsCount()).toBe(before + 1);
  });

  it("commits every write at FULL sync except read audits, whose run of commits stays at NORMAL until a clinical write", async () => {
    // The sync level each transaction commits at, read inside it (PRAGMA synchronous: 1 NORMAL, 2 FULL).
    const levelOfWrite = (durability?: "process") => database.write(async () => database.writer.pragma("synchronous", { simple: true }) as number, durability ? { durability } : {});
    const levels = [
      await levelOfWrite(),
      await levelOfWrite("process"),
      await levelOfWrite("process"),
      await levelOfWrite(),
      await levelOfWrite(),
      await levelOfWrite("process"),
    ];
    expect(levels).toEqual([2, 1, 1, 2, 2, 1]);
    // A clinical write that fails after read audits still leaves the next one at FULL.
    await expect(database.write(async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(await levelOfWrite()).toBe(2);
  });

  it("refuses a statement that writes when it is sent down the read path, and writes nothing", async () => {
    const before = await settingsCount();
    const refusal = await (async () => database.read.run(insertSetting(`test.${randomUUID()}`)))().then(
      () => null,
      (error: Error) => error,
    );
    // The query builder wraps the driver's error in its own, keeping the original as the cause.
    expect(String(refusal?.cause ?? refusal)).toMatch(/Only reads run on the read connection/);
    expect(await settingsCount()).toBe(before);
  });

  it("checkpoints committed pages into the database file in the background, not at the end of a commit", async () => {
    expect(database.writer.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const sizeBefore = statSync(file).size;
    // About 8 MB of committed pages: more than SQLite's own automatic checkpoint would leave in the log.
    const rows = Array.from({ length: 64 }, () => ({ key: `test.${randomUUID()}`, value: "x".repeat(128 * 1024) }));
    for (const row of rows) {
      await database.write(async (tx) => {
        await tx.run(sql`insert into service_settings (key, value, updated_at) values (${row.key}, ${JSON.stringify(row.value)}, 0)`);
      });
    }
    const deadline = Date.now() + 10_000;
    while (statSync(file).size < sizeBefore + 8_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThan(sizeBefore + 8_000_000);
  });

  /** How many times the write-ahead log has been started over: the checkpoint sequence in its header. */
  const logRestarts = () => {
    const header = Buffer.alloc(16);
    const log = openSync(`${file}-wal`, "r");
    try {
      readSync(log, header, 0, 16, 0);
    } finally {
      closeSync(log);
    }
    return header.readUInt32BE(12);
  };

  it("starts the write-ahead log over while commits keep coming, instead of letting it grow by all that is written", async () => {
    const before = logRestarts();
    // Commits back to back, as under a steady load, each adding rows all over an index, so that commits land
    // while a checkpoint copies the pages before them: 300 rows of 1 KB each.
    const deadline = Date.now() + 30_000;
    while (logRestarts() - before < 3 && Date.now() < deadline) {
      const rows = Array.from({ length: 300 }, () => sql`(${`test.${randomUUID()}`}, ${JSON.stringify("x".repeat(1024))}, 0)`);
      await database.write(async (tx) => {
        await tx.run(sql`insert into service_settings (key, value, updated_at) values ${sql.join(rows, sql`, `)}`);
      });
      // A turn of the event loop between commits, as requests arriving over the network give the server.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Without the writer closing the gap, no pass ever ends with the whole log checkpointed: no restart at all.
    expect(logRestarts() - before).toBeGreaterThanOrEqual(3);
  });
});
