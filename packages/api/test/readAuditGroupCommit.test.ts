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
      if (/^insert into "audit_events"/i.test(statement)) inserts += 1;
    });
    const countOf = async (ids: readonly string[]) => {
      const [row] = await database.read
        .select({ count: sql<number>`count(*)` })
        .from(database.tables.auditEvents)
        .where(sql`${database.tables.auditEvents.serviceUserId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
      return Number(row?.count ?? 0);
    };
    const seenOnReturn = await Promise.all(requests.map(async ({ audit, people }) => {
      await audit.flush(database);
      return countOf(people);
    }));
    stop();
    expect(seenOnReturn).toEqual(requests.map(() => 25));
    expect(await countOf(requests.flatMap((request) => request.people))).toBe(1_000);
    expect(inserts).toBeGreaterThan(0);
    expect(inserts).toBeLessThan(requests.length / 2);
  });
});
