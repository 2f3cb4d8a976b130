import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { writeAudit } from "../src/audit/auditLog.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLResult } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

interface EventShape {
  id: string;
  at: string;
  action: string;
  recordType: string | null;
  recordId: string | null;
  serviceUserId: string | null;
  fromAddress: string | null;
  reason: string | null;
  detail: string | null;
  actor: { id: string; name: string } | null;
}
type EventsResult = GraphQLResult<{
  auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: EventShape }[] };
}>;

const EVENTS = `query ($first: Int, $after: String, $filter: AuditEventFilter, $orderBy: [AuditEventOrder!]) {
  auditEvents(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at action recordType recordId serviceUserId fromAddress reason detail actor { id name } } } } }`;

const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

describeEachDialect("the audit trail (auditEvents)", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin"] });
  const personA = randomUUID();
  const personB = randomUUID();

  beforeAll(async () => {
    // Reads of two people's records, as the clinical resolvers record them.
    const { database } = api.server;
    await database.write((tx) =>
      writeAudit(tx, database.tables, { actorId: api.organisation.staff.keyworker.id, fromAddress: "10.0.0.7" }, [
        { action: "READ", recordType: "ServiceUser", recordId: personA, serviceUserId: personA },
        { action: "READ", recordType: "ServiceUser", recordId: personB, serviceUserId: personB },
        { action: "BREAK_GLASS", recordType: "ServiceUser", recordId: personB, serviceUserId: personB, reason: "Duty cover: keyworker off sick" },
      ], api.server.clock.now()),
    );
  });

  async function events(variables: Record<string, unknown>, client = api.admin): Promise<EventShape[]> {
    const result: EventsResult = await client.request(EVENTS, { first: 100, ...variables });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.auditEvents.edges.map((edge) => edge.node);
  }

  it("records a write with its actor, action, record and the address it came from", async () => {
    const created = await api.admin.request<{ createTeam: { team: { id: string } } }>(`mutation { createTeam(input: { name: "Audited team", minAge: 18 }) { team { id } } }`);
    const teamId = created.data!.createTeam.team.id;
    const [event] = await events({ filter: { recordId: teamId } });
    expect(event).toMatchObject({
      action: "CREATE",
      recordType: "Team",
      recordId: teamId,
      serviceUserId: null,
      actor: { id: toGlobalId("StaffMember", api.organisation.staff.admin.id), name: "Ada Admin" },
      at: "2025-06-02T12:00:00.000Z",
    });
    expect(event?.fromAddress).toMatch(/127\.0\.0\.1/);
    expect(JSON.parse(event!.detail!)).toMatchObject({ name: "Audited team", minAge: 18, maxAge: null });
  });

  it("refuses the audit trail to everyone but an admin", async () => {
    for (const role of ["lead", "keyworker", "analyst"] as const) {
      const client = await api.signIn(role);
      const result = await client.request(EVENTS, { first: 10 });
      expect(codeOf(result)).toBe("FORBIDDEN");
      expect(result.data).toBeNull();
    }
    expect(codeOf(await api.server.client().request(EVENTS, { first: 10 }))).toBe("UNAUTHENTICATED");
  });

  it("lists newest first, pages with cursors, and lists oldest first when asked", async () => {
    const newest = await events({});
    const ids = newest.map((event) => event.id);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: EventsResult = await api.admin.request(EVENTS, { first: 3, after });
      paged.push(...page.data!.auditEvents.edges.map((edge) => edge.node.id));
      if (!page.data!.auditEvents.pageInfo.hasNextPage) break;
      after = page.data!.auditEvents.pageInfo.endCursor;
    }
    expect(paged).toEqual(ids);
    const oldest = await events({ orderBy: [{ field: "AT", direction: "ASC" }] });
    expect(oldest.map((event) => event.id)).toEqual([...ids].reverse());
    expect(oldest[0]?.action).toBe("LOGIN");
  });

  it("filters by service user, actor, action and record type", async () => {
    const aboutB = await events({ filter: { serviceUserId: { eq: toGlobalId("ServiceUser", personB) } } });
    expect(aboutB.map((event) => event.action).sort()).toEqual(["BREAK_GLASS", "READ"]);
    expect(aboutB.find((event) => event.action === "BREAK_GLASS")).toMatchObject({ reason: "Duty cover: keyworker off sick", fromAddress: "10.0.0.7", actor: { name: "Kim Keyworker" } });

    const keyworkerId = toGlobalId("StaffMember", api.organisation.staff.keyworker.id);
    const byKeyworker = await events({ filter: { actorId: { eq: keyworkerId } } });
    expect(byKeyworker.length).toBeGreaterThanOrEqual(3);
    expect(byKeyworker.every((event) => event.actor?.id === keyworkerId)).toBe(true);
    expect(await events({ filter: { actorId: { in: [keyworkerId] }, recordType: { eq: "ServiceUser" } } })).toHaveLength(3);
    const reads = await events({ filter: { action: { eq: "READ" }, recordType: { eq: "ServiceUser" } } });
    expect(reads.map((event) => event.serviceUserId).sort()).toEqual([toGlobalId("ServiceUser", personA), toGlobalId("ServiceUser", personB)].sort());
    const signIns = await events({ filter: { action: { in: ["LOGIN", "LOGIN_FAILED"] } } });
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((event) => event.action === "LOGIN" || event.action === "LOGIN_FAILED")).toBe(true);
    expect(await events({ filter: { serviceUserId: { eq: toGlobalId("Team", personA) } } })).toEqual([]);
  });

  it("finds failed sign-ins with an unknown email as events with no actor", async () => {
    await api.server.client().request(`mutation { login(input: { email: "nobody@example.org", password: "whatever it is" }) { csrfToken } }`);
    const anonymous = await events({ filter: { actorId: { isNull: true } } });
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((event) => event.actor === null && event.action === "LOGIN_FAILED")).toBe(true);
  });

  it("filters by time: from is inclusive, to is exclusive", async () => {
    try {
      api.server.clock.set("2025-06-09");
      const later = await api.signIn("admin");
      await later.request(`mutation { createTeam(input: { name: "Team made a week later" }) { team { id } } }`);
      const fromLater = await events({ filter: { from: "2025-06-09T12:00:00.000Z" } }, later);
      expect(fromLater.map((event) => event.action).sort()).toEqual(["CREATE", "LOGIN"]);
      const beforeLater = await events({ filter: { to: "2025-06-09T12:00:00.000Z" } }, later);
      expect(beforeLater.length).toBeGreaterThan(0);
      expect(beforeLater.every((event) => event.at < "2025-06-09T12:00:00.000Z")).toBe(true);
      expect(beforeLater.length + fromLater.length).toBe((await events({}, later)).length);
      expect(await events({ filter: { from: "2025-06-02T12:00:00.000Z", to: "2025-06-02T12:00:00.000Z" } }, later)).toEqual([]);
    } finally {
      api.server.clock.set("2025-06-02");
    }
  });

  it("has no mutation that edits or deletes audit events", async () => {
    const result = await api.admin.request<{ __schema: { mutationType: { fields: { name: string; args: { type: { name: string | null; ofType: { name: string | null } | null } }[] }[] } } }>(
      `query { __schema { mutationType { fields { name args { type { name ofType { name } } } } } } }`,
    );
    const mutations = result.data!.__schema.mutationType.fields;
    expect(mutations.length).toBeGreaterThan(0);
    const touchingAudit = mutations.filter(
      (mutation) => /audit/i.test(mutation.name) || mutation.args.some((arg) => /audit/i.test(`${arg.type.name ?? ""}${arg.type.ofType?.name ?? ""}`)),
    );
    expect(touchingAudit).toEqual([]);
  });

  it("refuses a page size over 100", async () => {
    expect(codeOf(await api.admin.request(EVENTS, { first: 101 }))).toBe("BAD_USER_INPUT");
  });
});
