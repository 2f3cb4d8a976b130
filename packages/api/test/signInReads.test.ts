import BetterSqlite3 from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/database.js";
import { KeptUntilChanged } from "../src/db/keptUntilChanged.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

const ME = `query { me { email } }`;
const CASELOAD = `query { caseload(scope: MINE, first: 5) { totalCount } }`;
const UPDATE_STAFF = `mutation ($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) { userErrors { code field message } } }`;

const signedInAs = async (client: GraphQLClient) => (await client.request<{ me: { email: string } | null }>(ME)).data?.me?.email ?? null;

describeEachDialect("who is signed in, kept between requests until it changes", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin"] });

  it("refuses an account disabled by an admin on its very next request", async () => {
    const kim = await api.signIn("keyworker");
    expect(await signedInAs(kim)).toBe("kim@example.org");
    expect(await signedInAs(kim)).toBe("kim@example.org");
    const disabled = await api.admin.request<{ updateStaffMember: { userErrors: unknown[] } }>(UPDATE_STAFF, { input: { id: toGlobalId("StaffMember", api.organisation.staff.keyworker.id), active: false } });
    expect(disabled.errors, JSON.stringify(disabled.errors)).toBeUndefined();
    expect(disabled.data?.updateStaffMember.userErrors).toEqual([]);
    expect(await signedInAs(kim)).toBeNull();
  });

  it("puts new roles in force from the account's next request", async () => {
    const omar = await api.signIn("otherKeyworker");
    expect((await omar.request(CASELOAD)).errors).toBeUndefined();
    const changed = await api.admin.request<{ updateStaffMember: { userErrors: unknown[] } }>(UPDATE_STAFF, { input: { id: toGlobalId("StaffMember", api.organisation.staff.otherKeyworker.id), roles: ["ANALYST"] } });
    expect(changed.data?.updateStaffMember.userErrors).toEqual([]);
    const refused = await omar.request(CASELOAD);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ends a session kept from the request before once the clock passes its end", async () => {
    const ann = await api.signIn("analyst");
    expect(await signedInAs(ann)).toBe("ann@example.org");
    api.server.clock.set("2025-06-03");
    expect(await signedInAs(ann)).toBeNull();
  });

  it("ends a session signed out from another browser tab at once", async () => {
    const lee = await api.signIn("lead");
    const otherTab = lee.anotherTab();
    expect(await signedInAs(otherTab)).toBe("lead@example.org");
    expect(await signedInAs(lee)).toBe("lead@example.org");
    await lee.request(`mutation { logout { signedOut } }`);
    expect(await signedInAs(otherTab)).toBeNull();
  });
});

describeEachDialect("who is signed in, on a busy server", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  it(dialect === "sqlite" ? "reads the session and the account once, not on every request: read audits change neither" : "reads the session and the account afresh on every request: another server may change them unseen", async () => {
    await api.keyworker.request(CASELOAD);
    const statements: string[] = [];
    const stop = api.server.database.observeStatements((statement) => void statements.push(statement));
    try {
      for (let request = 0; request < 3; request += 1) expect((await api.keyworker.request(CASELOAD)).errors).toBeUndefined();
    } finally {
      stop();
    }
    const signInReads = statements.filter((statement) => /from "(sessions|staff_teams)"/.test(statement));
    expect(signInReads).toHaveLength(dialect === "sqlite" ? 0 : 6);
  });

  if (dialect === "sqlite") {
    it("refuses an account disabled by another process (a command run beside the server) on its next request", async () => {
      expect(await signedInAs(api.keyworker)).toBe("kim@example.org");
      const file = (api.server.database as Database & { writer: BetterSqlite3.Database }).writer.name;
      const other = new BetterSqlite3(file);
      try {
        other.prepare("update staff set active = 0 where id = ?").run(api.organisation.staff.keyworker.id);
      } finally {
        other.close();
      }
      expect(await signedInAs(api.keyworker)).toBeNull();
    });
  }
});

describeEachDialect("values kept until the database changes", (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(dialect);
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  /** A kept value that counts how often it was read. */
  function counted(keep?: (value: number) => boolean, limit?: number) {
    let reads = 0;
    const kept = new KeptUntilChanged<string, number>(database, keep, limit);
    return { get: (key: string, value = 1) => kept.get(key, async () => ((reads += 1), value)), reads: () => reads };
  }
  const t = () => database.tables;
  const changeSomething = () => database.write((tx) => tx.update(t().serviceSettings).set({ updatedAt: new Date() }).where(eq(t().serviceSettings.key, "none")));

  if (dialect === "sqlite") {
    it("keeps a value across read audits and reads it again after any other commit, here or by another connection", async () => {
      const value = counted();
      await value.get("a");
      await value.get("a");
      expect(value.reads()).toBe(1);
      await database.write(async () => undefined, { durability: "process" });
      await value.get("a");
      expect(value.reads()).toBe(1);
      await changeSomething();
      await value.get("a");
      expect(value.reads()).toBe(2);
      const other = new BetterSqlite3((database as Database & { writer: BetterSqlite3.Database }).writer.name);
      try {
        other.exec("create table if not exists elsewhere (x); insert into elsewhere values (1)");
      } finally {
        other.close();
      }
      // Another connection's commit is seen from the event loop's next turn (the mark reads SQLite's data_version once a turn).
      await new Promise((next) => setImmediate(next));
      await value.get("a");
      await value.get("a");
      expect(value.reads()).toBe(3);
    });

    it("keeps only what it is told to, and no more values than its limit", async () => {
      const misses = counted((read) => read > 0);
      await misses.get("unknown", 0);
      await misses.get("unknown", 0);
      expect(misses.reads()).toBe(2);
      const bounded = counted(undefined, 2);
      for (const key of ["a", "b", "c", "a"]) await bounded.get(key);
      // The third key dropped a and b, so a is read again.
      expect(bounded.reads()).toBe(4);
    });
  } else {
    it("keeps no value on Postgres, where another server may commit unseen", async () => {
      expect(database.changeMark()).toBeNull();
      const value = counted();
      await value.get("a");
      await value.get("a");
      expect(value.reads()).toBe(2);
    });
  }
});
