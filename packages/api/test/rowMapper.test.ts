import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { prepareSelect } from "../src/db/statementsByShape.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";

/**
 * Kept statements map their rows with a mapping worked out once per statement (db/rowMapper). Every select
 * here is run both ways, through drizzle's own mapping and through the kept statement, on a real database:
 * the objects must be the same, down to decoded values (instants, booleans, JSON), nested objects and the
 * null drizzle gives an object whose outer join found no row.
 */
describeEachDialect("row mapping of kept statements", (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  const at = new Date("2026-03-02T09:30:00.250Z");

  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(dialect);
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
    const t = database.tables;
    await database.write(async (tx) => {
      await tx.insert(t.teams).values({ id: "team-1", name: "Adults North", minAge: 25, maxAge: null, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21, createdAt: at, updatedAt: at });
      await tx.insert(t.staff).values([
        { id: "staff-1", name: "Dan Keyworker", email: "dan@example.org", passwordHash: null, roles: ["PRACTITIONER"], active: true, failedSignIns: 0, lockedUntil: null, createdAt: at, updatedAt: at },
        { id: "staff-2", name: "Ida Unteamed", email: "ida@example.org", passwordHash: "x", roles: ["ADMIN", "ANALYST"], active: false, failedSignIns: 3, lockedUntil: at, createdAt: at, updatedAt: at },
      ]);
      await tx.insert(t.staffTeams).values({ staffId: "staff-1", teamId: "team-1" });
      await tx.insert(t.auditEvents).values([
        { at, actorId: "staff-1", action: "UPDATE", recordType: "Team", recordId: "team-1", detail: { changed: ["name"], count: 2 } },
        { at, actorId: null, action: "LOGIN_FAILED", reason: "unknown email", detail: null },
      ]);
    });
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const bothWays = async (build: () => unknown) => {
    const byDrizzle = await (build() as Promise<unknown[]>);
    const kept = await prepareSelect<unknown>(build()).execute({});
    return { byDrizzle, kept };
  };

  it("maps whole rows of a table with their decoded values", async () => {
    const { byDrizzle, kept } = await bothWays(() => database.read.select().from(database.tables.staff).orderBy(asc(database.tables.staff.id)));
    expect(kept).toEqual(byDrizzle);
    expect(kept).toHaveLength(2);
    expect((kept[1] as { lockedUntil: Date; active: boolean; roles: string[] }).lockedUntil).toEqual(at);
    expect((kept[1] as { active: boolean }).active).toBe(false);
    expect((kept[1] as { roles: string[] }).roles).toEqual(["ADMIN", "ANALYST"]);
  });

  it("nests joined tables and nulls an outer-joined table that found no row", async () => {
    const t = database.tables;
    const { byDrizzle, kept } = await bothWays(() =>
      database.read
        .select({ member: t.staff, membership: t.staffTeams, team: t.teams, teamName: t.teams.name, rank: sql<number>`1 + 1`.mapWith(Number) })
        .from(t.staff)
        .leftJoin(t.staffTeams, eq(t.staffTeams.staffId, t.staff.id))
        .leftJoin(t.teams, eq(t.teams.id, t.staffTeams.teamId))
        .orderBy(asc(t.staff.id)),
    );
    expect(kept).toEqual(byDrizzle);
    const [teamed, unteamed] = kept as { team: { name: string } | null; membership: unknown; teamName: string | null; rank: number }[];
    expect(teamed?.team?.name).toBe("Adults North");
    expect(unteamed?.team).toBeNull();
    expect(unteamed?.membership).toBeNull();
    expect(unteamed?.teamName).toBeNull();
    expect(unteamed?.rank).toBe(2);
  });

  it("keeps an object built from several tables even when its first column is null", async () => {
    const t = database.tables;
    const { byDrizzle, kept } = await bothWays(() =>
      database.read
        .select({ event: { id: t.auditEvents.id, detail: t.auditEvents.detail, at: t.auditEvents.at }, actor: { name: t.staff.name, eventAction: t.auditEvents.action } })
        .from(t.auditEvents)
        .leftJoin(t.staff, eq(t.staff.id, t.auditEvents.actorId))
        .orderBy(asc(t.auditEvents.id)),
    );
    expect(kept).toEqual(byDrizzle);
    const [update, refused] = kept as { event: { detail: unknown; at: Date }; actor: { name: string | null; eventAction: string } | null }[];
    expect(update?.event.detail).toEqual({ changed: ["name"], count: 2 });
    expect(update?.event.at).toEqual(at);
    expect(refused?.actor).toEqual({ name: null, eventAction: "LOGIN_FAILED" });
  });
});
