import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundReads, type BackgroundReads } from "../src/db/backgroundReads.js";

/** A statement that takes a good fraction of a second on any machine: it counts to three million. */
const SLOW_COUNT = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000) select count(*) as counted from n";

describe("background reads on SQLite", () => {
  let folder: string;
  let file: string;
  let writer: BetterSqlite3.Database;
  let reads: BackgroundReads;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "waymark-background-"));
    file = join(folder, "reads.sqlite");
    writer = new BetterSqlite3(file);
    writer.pragma("journal_mode = WAL");
    writer.exec("create table contact (id integer primary key, note text not null)");
    const insert = writer.prepare("insert into contact (id, note) values (?, ?)");
    writer.transaction(() => {
      for (let id = 1; id <= 2500; id += 1) insert.run(id, `contact ${id}`);
    })();
    reads = backgroundReads(file, 2);
  });

  afterAll(async () => {
    await reads?.stop();
    writer?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("answers with the rows the server's own connection reads", async () => {
    const statement = "select id, note from contact where id between ? and ? order by id desc";
    const expected = writer.prepare(statement).all(100, 140);
    expect(await reads.all(statement, [100, 140])).toEqual(expected);
    expect(expected).toHaveLength(41);
  });

  it("leaves the server's thread free while a long statement runs", async () => {
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 2);
    const started = performance.now();
    const [row] = await reads.all<{ counted: number }>(SLOW_COUNT, []);
    const took = performance.now() - started;
    clearInterval(ticking);
    expect(row?.counted).toBe(3_000_000);
    // Run in this thread, the statement would let no timer fire until it ended.
    expect(took).toBeGreaterThan(40);
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it("sees what was committed before each statement starts", async () => {
    writer.prepare("insert into contact (id, note) values (?, ?)").run(9001, "committed since");
    expect(await reads.all("select note from contact where id = ?", [9001])).toEqual([{ note: "committed since" }]);
    writer.prepare("delete from contact where id = ?").run(9001);
    expect(await reads.all("select note from contact where id = ?", [9001])).toEqual([]);
  });

  it("fails a bad statement with SQLite's message and code, and goes on answering", async () => {
    await expect(reads.all("select * from no_such_table", [])).rejects.toMatchObject({
      name: "SqliteError",
      code: "SQLITE_ERROR",
      message: expect.stringContaining("no such table: no_such_table"),
    });
    expect(await reads.all("select count(*) as contacts from contact", [])).toEqual([{ contacts: 2500 }]);
  });

  it("cannot write", async () => {
    await expect(reads.all("insert into contact (id, note) values (?, ?) returning id", [9002, "written"])).rejects.toMatchObject({ code: "SQLITE_READONLY" });
    expect(writer.prepare("select count(*) as contacts from contact where id = 9002").get()).toEqual({ contacts: 0 });
  });

  it("streams every row of a statement, in order, across several batches", async () => {
    const ids: number[] = [];
    await reads.each<{ id: number }>("select id from contact order by id", [], (row) => ids.push(row.id));
    expect(ids).toHaveLength(2500);
    expect(ids.every((id, index) => id === index + 1)).toBe(true);
  });

  it("stops a stream whose visitor throws, rejects with that error, and goes on answering", async () => {
    let visited = 0;
    const refused = new Error("visitor refused row 1500");
    await expect(
      reads.each<{ id: number }>("select id from contact order by id", [], (row) => {
        visited += 1;
        if (row.id === 1500) throw refused;
      }),
    ).rejects.toBe(refused);
    expect(visited).toBe(1500);
    expect(await reads.all("select count(*) as contacts from contact", [])).toEqual([{ contacts: 2500 }]);
  });

  it("runs statements asked at once side by side and answers each its own", async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map((id) => reads.all<{ id: number }>("select id from contact where id = ?", [id])));
    expect(answers.map((rows) => rows[0]?.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses statements once stopped", async () => {
    const stopping = backgroundReads(file, 1);
    expect(await stopping.all("select 1 as one", [])).toEqual([{ one: 1 }]);
    await stopping.stop();
    await expect(stopping.all("select 1 as one", [])).rejects.toThrow("The database is closed");
  });

  it("stops readers left idle, keeps one that is still working, and starts them again for the next statement", async () => {
    const idleMs = 50;
    const briefly = backgroundReads(file, 2, idleMs);
    try {
      expect(briefly.readersRunning()).toBe(0);
      // One reader works through a long statement while the other answers a quick one and goes idle: no reader
      // stops while another still works, so the long one finishes.
      const slow = briefly.all<{ counted: number }>(SLOW_COUNT.replace("3000000", "10000000"), []);
      expect(await briefly.all("select count(*) as contacts from contact", [])).toEqual([{ contacts: 2500 }]);
      expect(briefly.readersRunning()).toBe(2);
      // Counting to ten million takes several times this long (three million took 0.3 s here).
      await pause(3 * idleMs);
      expect(briefly.readersRunning()).toBe(2);
      expect((await slow)[0]?.counted).toBe(10_000_000);

      await waitUntil(() => briefly.readersRunning() === 0);
      expect(await briefly.all("select note from contact where id = ?", [7])).toEqual([{ note: "contact 7" }]);
      expect(briefly.readersRunning()).toBe(1);
    } finally {
      await briefly.stop();
    }
  });
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `condition` holds, failing after five seconds. */
async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("The condition did not come true within 5 s");
    await pause(10);
  }
}
