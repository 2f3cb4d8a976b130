import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ReadAudit } from "../src/audit/auditLog.js";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";

/**
 * Read audits are written before each answer goes out; requests finishing together share one transaction
 * (one disk sync) instead of one each. Nothing may be lost or left unwritten when a request's flush returns.
 */
describeEachDialect("read audits of concurrent requests (group commit)", (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(dialect);
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it("writes every read of 40 concurrent requests, in far fewer transactions than requests, before any flush returns", async () => {
    const requests = Array.from({ length: 40 }, (_, index) => {
      const audit = new ReadAudit({ actorId: null, fromAddress: `10.0.0.${index}` });
      const people = Array.from({ length: 25 }, () => randomUUID());
      for (const person of people) audit.read("ServiceUser", person, person);
      return { audit, people };
    });
    let inserts = 0;
    const stop = database.observeStatements((statement) => {
      if (/\binsert into "?audit_events"?\s/i.test(statement)) inserts += 1;
    });
    // Each batch is one transaction of its own; on SQLite its rows go in inserts of up to 128 rows each.
    let transactions = 0;
    const write = database.write.bind(database);
    const counting = Object.assign(Object.create(database) as Database, {
      write: ((work, options) => ((transactions += 1), write(work, options))) as Database["write"],
    });
    const countOf = async (ids: readonly string[]) => {
      const [row] = await database.read
        .select({ count: sql<number>`count(*)` })
        .from(database.tables.auditEvents)
        .where(sql`${database.tables.auditEvents.serviceUserId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
      return Number(row?.count ?? 0);
    };
    const seenOnReturn = await Promise.all(requests.map(async ({ audit, people }) => {
      await audit.flush(counting);
      return countOf(people);
    }));
    stop();
    expect(seenOnReturn).toEqual(requests.map(() => 25));
    expect(await countOf(requests.flatMap((request) => request.people))).toBe(1_000);
    expect(inserts).toBeGreaterThanOrEqual(transactions);
    expect(transactions).toBeGreaterThan(0);
    expect(transactions).toBeLessThan(requests.length / 2);
  });

  it("commits the reads of requests that finish within one turn of the event loop together, however far apart within it", async () => {
    let transactions = 0;
    const write = database.write.bind(database);
    const counting = Object.assign(Object.create(database) as Database, {
      write: ((work, options) => ((transactions += 1), write(work, options))) as Database["write"],
    });
    const actorId = randomUUID();
    const requests = Array.from({ length: 5 }, (_, index) => {
      const audit = new ReadAudit({ actorId, fromAddress: "192.0.2.9" });
      audit.read("ServiceUser", randomUUID(), null);
      return { audit, index };
    });
    // Each request finishes a few promise settlements after the one before, as requests whose loaders settle
    // in one turn do: started at once, the first request's transaction had committed before the second asked.
    await Promise.all(
      requests.map(async ({ audit, index }) => {
        for (let step = 0; step < index * 4; step += 1) await Promise.resolve();
        await audit.flush(counting);
      }),
    );
    const t = database.tables.auditEvents;
    const [row] = await database.read.select({ count: sql<number>`count(*)` }).from(t).where(sql`${t.actorId} = ${actorId}`);
    expect(Number(row?.count)).toBe(5);
    expect(transactions).toBe(1);
  });

  it("keeps every read of a request, in order, however many inserts they take", async () => {
    const actorId = randomUUID();
    const audit = new ReadAudit({ actorId, fromAddress: "192.0.2.8" });
    // Past two inserts of 128 rows on SQLite, with a part-filled third.
    const contacts = Array.from({ length: 300 }, () => randomUUID());
    for (const contact of contacts) audit.read("Contact", contact, null);
    await audit.flush(database);
    const t = database.tables.auditEvents;
    const rows = await database.read.select({ recordId: t.recordId, serviceUserId: t.serviceUserId }).from(t).where(sql`${t.actorId} = ${actorId}`).orderBy(t.id);
    expect(rows).toEqual(contacts.map((recordId) => ({ recordId, serviceUserId: null })));
  });

  it("stores each read with its viewer, address, time, record and person, in the order they were read", async () => {
    const actorId = randomUUID();
    const audit = new ReadAudit({ actorId, fromAddress: "192.0.2.7" });
    const person = randomUUID();
    const records = [
      ["ServiceUser", person],
      ["Episode", randomUUID()],
      ["Contact", randomUUID()],
      // Text a JSON encoding must carry through unchanged.
      ["Contact", `quote " backslash \\ é ${"x".repeat(300)}`],
    ] as const;
    for (const [type, id] of records) audit.read(type, id, person);
    audit.read("Episode", records[1][1], person); // a second read of one record in one request is noted once
    const before = Date.now();
    await audit.flush(database);
    const t = database.tables.auditEvents;
    const rows = await database.read.select().from(t).where(sql`${t.actorId} = ${actorId}`).orderBy(t.id);
    expect(rows.map((row) => [row.recordType, row.recordId])).toEqual(records.map(([type, id]) => [type, id]));
    for (const row of rows) {
      expect(row).toMatchObject({ action: "READ", actorId, fromAddress: "192.0.2.7", serviceUserId: person, reason: null, detail: null });
      expect(row.at).toBeInstanceOf(Date);
      expect(row.at.getTime()).toBeGreaterThanOrEqual(before - 5);
      expect(row.at.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(new Set(rows.map((row) => row.at.getTime())).size).toBe(1);
  });
});
