import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ReadAudit, writeAudit } from "../src/audit/auditLog.js";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { listAuditEvents } from "../src/services/auditTrail.js";
import { auditPeopleIndexing } from "./auditPeopleIndexing.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";

/**
 * The audit trail's index by person (audit_event_people): on SQLite it is filled in the background, on
 * Postgres with each event. Either way a query by person finds every event about that person, the newest
 * ones included, and only those.
 */
describeEachDialect("the audit trail's index by person", (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  const indexing = () => auditPeopleIndexing(database);

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(dialect);
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
    // Added when the test says, not on the timer, so each test knows what the index holds.
    await indexing()?.stop();
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const indexedEvents = async (serviceUserId: string) => {
    const people = database.tables.auditEventPeople;
    const [row] = await database.read.select({ count: sql<number>`count(*)` }).from(people).where(sql`${people.serviceUserId} = ${serviceUserId}`);
    return Number(row?.count ?? 0);
  };
  const eventsAbout = async (serviceUserIds: readonly string[], filter: "eq" | "in" = "in") => {
    const ids = serviceUserIds.map((id) => toGlobalId("ServiceUser", id));
    const page = await listAuditEvents(database.read, database.tables, {
      first: 100,
      after: null,
      newestFirst: false,
      filter: { serviceUserId: filter === "eq" ? { eq: ids[0] } : { in: ids } },
    });
    return { total: page.totalCount, people: page.edges.map((edge) => edge.node.serviceUserId), ids: page.edges.map((edge) => edge.node.id) };
  };
  const readBy = async (address: string, people: readonly string[]) => {
    const audit = new ReadAudit({ actorId: null, fromAddress: address });
    for (const person of people) audit.read("ServiceUser", person, person);
    await audit.flush(database);
  };

  it("finds a person's reads and writes as soon as they are committed, whether or not the index holds them yet", async () => {
    const [ada, ben] = [randomUUID(), randomUUID()];
    await readBy("10.0.0.1", [ada, ben]);
    await database.write((tx) =>
      writeAudit(tx, database.tables, { actorId: null, fromAddress: "10.0.0.2" }, [
        { action: "UPDATE", recordType: "ServiceUser", recordId: ada, serviceUserId: ada },
        { action: "LOGIN" },
      ]),
    );
    await readBy("10.0.0.3", [ada]);

    if (dialect === "sqlite") expect(await indexedEvents(ada)).toBe(0);
    else expect(await indexedEvents(ada)).toBe(3);
    const beforeIndexing = await eventsAbout([ada], "eq");
    expect(beforeIndexing.total).toBe(3);
    expect(beforeIndexing.people).toEqual([ada, ada, ada]);

    const added = await indexing()?.catchUp();
    if (dialect === "sqlite") expect(added).toBe(4);
    expect(await indexedEvents(ada)).toBe(3);
    expect(await eventsAbout([ada], "eq")).toEqual(beforeIndexing);
    expect((await eventsAbout([ada, ben])).total).toBe(4);
  });

  it("finds events on both sides of the last one indexed, once each, in the order they were recorded", async () => {
    const carol = randomUUID();
    await readBy("10.0.1.1", [carol]);
    await indexing()?.catchUp();
    await readBy("10.0.1.2", [carol, randomUUID()]);
    await readBy("10.0.1.3", [carol]);

    const found = await eventsAbout([carol]);
    expect(found.total).toBe(3);
    expect(found.people).toEqual([carol, carol, carol]);
    expect(new Set(found.ids).size).toBe(3);
    if (dialect === "sqlite") expect(await indexedEvents(carol)).toBe(1);
    expect(await indexing()?.catchUp()).toBe(dialect === "sqlite" ? 3 : undefined);
    expect(await eventsAbout([carol])).toEqual(found);
  });

  // SQLite's plans; Postgres plans by its own statistics.
  if (dialect === "sqlite") it("reads a person's page by primary key, not by walking the whole trail", async () => {
    const statements: { sql: string; params: readonly unknown[] }[] = [];
    const stop = database.observeStatements((statement, params) => void statements.push({ sql: statement, params }));
    await eventsAbout([randomUUID()], "eq");
    stop();
    const { writer } = database as Database & { writer: { prepare(sql: string): { all(...params: unknown[]): { detail: string }[] } } };
    const plans = statements.map((statement) => writer.prepare(`explain query plan ${statement.sql}`).all(...statement.params).map((row) => row.detail));
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan.filter((detail) => /^SCAN (audit_events|audit_event_people)\b/.test(detail))).toEqual([]);
      expect(plan.some((detail) => /SEARCH audit_event_people USING COVERING INDEX audit_event_people_service_user/.test(detail))).toBe(true);
    }
  });

  it("still finds events that are about no person", async () => {
    await database.write((tx) => writeAudit(tx, database.tables, { actorId: null, fromAddress: "10.0.2.1" }, [{ action: "LOGIN_FAILED", reason: "unknown email" }]));
    await indexing()?.catchUp();
    const page = await listAuditEvents(database.read, database.tables, { first: 100, after: null, newestFirst: true, filter: { serviceUserId: { isNull: true }, action: { eq: "LOGIN_FAILED" } } });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]?.node.serviceUserId).toBeNull();
  });
});

describeEachDialect("the audit trail's index by person, on a running server", (dialect) => {
  it("holds every event about a person within a few seconds, without being asked", async () => {
    const fresh = await freshDatabaseUrl(dialect);
    const database = await openDatabase(fresh.url);
    try {
      const people = Array.from({ length: 30 }, () => randomUUID());
      const audit = new ReadAudit({ actorId: null, fromAddress: "10.0.3.1" });
      for (const person of people) audit.read("ServiceUser", person, person);
      await audit.flush(database);
      const indexed = async () => {
        const [row] = await database.read.select({ count: sql<number>`count(*)` }).from(database.tables.auditEventPeople);
        return Number(row?.count ?? 0);
      };
      const deadline = Date.now() + 5_000;
      while ((await indexed()) < people.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await indexed()).toBe(people.length);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
