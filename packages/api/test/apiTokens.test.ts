import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { tokenHash } from "../src/auth/secrets.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { PASSWORD } from "./fixtures.js";
import type { GraphQLClient, GraphQLResult } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

interface TokenShape {
  id: string;
  name: string;
  status: string;
  expiresAt: string | null;
  revokedAt: string | null;
  daysLeft: number | null;
  owner: { name: string };
}
type CreateResult = GraphQLResult<{ createApiToken: { apiToken: TokenShape | null; secret: string | null; userErrors: { code: string; field: string }[] } }>;
type RevokeResult = GraphQLResult<{ revokeApiToken: { apiToken: TokenShape | null; userErrors: { code: string }[] } }>;

const TOKEN_FIELDS = `id name status expiresAt revokedAt daysLeft owner { name }`;
const CREATE = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { ${TOKEN_FIELDS} } secret userErrors { code field } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { ${TOKEN_FIELDS} } userErrors { code } } }`;
const LIST = `query ($staffId: ID) { apiTokens(staffId: $staffId) { ${TOKEN_FIELDS} } }`;
const TEAMS = `query { teams { name } }`;
const ME = `query { me { name } }`;

const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

describeEachDialect("personal API tokens", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["analyst", "admin"] });

  async function issue(client: GraphQLClient, input: Record<string, unknown>): Promise<{ token: TokenShape; secret: string }> {
    const result: CreateResult = await client.request(CREATE, { input });
    const payload = result.data?.createApiToken;
    if (!payload?.apiToken || !payload.secret) throw new Error(`createApiToken refused: ${JSON.stringify(result.errors ?? payload?.userErrors)}`);
    return { token: payload.apiToken, secret: payload.secret };
  }

  const bearer = (secret: string) => api.server.client().useApiToken(secret);

  it("shows the secret once, stores only its hash, and lets a script act as its owner", async () => {
    const { token, secret } = await issue(api.analyst, { name: "Monthly extract" });
    expect(secret).toMatch(/^wm_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "Monthly extract", status: "ACTIVE", revokedAt: null, daysLeft: 90, owner: { name: "Ann Analyst" } });
    const t = api.server.database.tables;
    const rows = await api.server.database.read.select().from(t.apiTokens).where(eq(t.apiTokens.staffId, api.organisation.staff.analyst.id));
    expect(rows.map((row) => row.tokenHash)).toContain(tokenHash(secret));
    expect(JSON.stringify(rows)).not.toContain(secret.slice(3));
    const listed = await api.analyst.request<{ apiTokens: TokenShape[] }>(LIST);
    expect(listed.data?.apiTokens.map((listedToken) => listedToken.id)).toContain(token.id);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(3));
    expect((await bearer(secret).request<{ me: { name: string } }>(ME)).data?.me.name).toBe("Ann Analyst");
  });

  it("accepts bearer requests, mutations included, without any CSRF header", async () => {
    const { secret } = await issue(api.analyst, { name: "Script that tidies up" });
    const { token: spare } = await issue(api.analyst, { name: "Spare" });
    const response = await bearer(secret).post({ query: REVOKE, variables: { id: spare.id } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { revokeApiToken: { apiToken: TokenShape } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.revokeApiToken.apiToken.status).toBe("REVOKED");
  });

  it("refuses a revoked token on its very next request", async () => {
    const { token, secret } = await issue(api.analyst, { name: "Soon revoked" });
    const script = bearer(secret);
    expect((await script.request(TEAMS)).errors).toBeUndefined();
    const revoked: RevokeResult = await api.analyst.request(REVOKE, { id: token.id });
    expect(revoked.data?.revokeApiToken.apiToken).toMatchObject({ status: "REVOKED", daysLeft: null });
    expect(codeOf(await script.request(TEAMS))).toBe("UNAUTHENTICATED");
    expect((await script.request<{ me: unknown }>(ME)).data?.me).toBeNull();
  });

  it("refuses an expired token", async () => {
    const { token, secret } = await issue(api.analyst, { name: "One day only", expiresInDays: 1 });
    expect(token.daysLeft).toBe(1);
    expect((await bearer(secret).request(TEAMS)).errors).toBeUndefined();
    try {
      api.server.clock.set("2025-06-04");
      expect(codeOf(await bearer(secret).request(TEAMS))).toBe("UNAUTHENTICATED");
      const freshSession = await api.signIn("analyst");
      const listed = await freshSession.request<{ apiTokens: TokenShape[] }>(LIST);
      expect(listed.data?.apiTokens.find((listedToken) => listedToken.id === token.id)?.status).toBe("EXPIRED");
    } finally {
      api.server.clock.set("2025-06-02");
    }
  });

  it("refuses the token of a disabled account while it stays disabled, without revoking it", async () => {
    const created = await api.admin.request<{ createStaffMember: { staffMember: { id: string } } }>(
      `mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { staffMember { id } } }`,
      { input: { name: "Tess Temporary", email: "tess@example.org", roles: ["ANALYST"], password: PASSWORD } },
    );
    const tessId = created.data!.createStaffMember.staffMember.id;
    const tess = await api.server.client().login("tess@example.org", PASSWORD);
    const { secret } = await issue(tess, { name: "Tess's script" });
    const setActive = (active: boolean) => api.admin.request(`mutation ($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) { userErrors { code } } }`, { input: { id: tessId, active } });

    await setActive(false);
    expect(codeOf(await bearer(secret).request(TEAMS))).toBe("UNAUTHENTICATED");
    const t = api.server.database.tables;
    const [row] = await api.server.database.read.select().from(t.apiTokens).where(eq(t.apiTokens.tokenHash, tokenHash(secret)));
    expect(row?.revokedAt).toBeNull();

    await setActive(true);
    expect((await bearer(secret).request(TEAMS)).errors).toBeUndefined();
  });

  it("refuses a bearer token it never issued", async () => {
    expect(codeOf(await bearer("wm_not-a-real-token").request(TEAMS))).toBe("UNAUTHENTICATED");
  });

  it("does not let a token create further tokens", async () => {
    const { secret } = await issue(api.analyst, { name: "Cannot multiply" });
    const before = (await api.server.database.read.select().from(api.server.database.tables.apiTokens)).length;
    expect(codeOf(await bearer(secret).request(CREATE, { input: { name: "Child token" } }))).toBe("FORBIDDEN");
    expect((await api.server.database.read.select().from(api.server.database.tables.apiTokens)).length).toBe(before);
  });

  it("refuses a blank name and a lifetime outside 1..365 days, writing nothing", async () => {
    const before = (await api.server.database.read.select().from(api.server.database.tables.apiTokens)).length;
    const blank: CreateResult = await api.analyst.request(CREATE, { input: { name: "  " } });
    expect(blank.data?.createApiToken).toMatchObject({ apiToken: null, secret: null, userErrors: [{ code: "REQUIRED", field: "name" }] });
    for (const expiresInDays of [0, 366]) {
      const result: CreateResult = await api.analyst.request(CREATE, { input: { name: "Bad lifetime", expiresInDays } });
      expect(result.data?.createApiToken.userErrors).toEqual([{ code: "INVALID_VALUE", field: "expiresInDays" }]);
    }
    const long: CreateResult = await api.analyst.request(CREATE, { input: { name: "x".repeat(201) } });
    expect(long.data?.createApiToken.userErrors).toEqual([{ code: "TOO_LONG", field: "name" }]);
    expect((await api.server.database.read.select().from(api.server.database.tables.apiTokens)).length).toBe(before);
    expect(codeOf(await api.server.client().request(CREATE, { input: { name: "Anonymous" } }))).toBe("UNAUTHENTICATED");
  });

  it("lets only the owner or an admin see and revoke a token; anyone else gets NOT_FOUND and the token keeps working", async () => {
    const { token, secret } = await issue(api.analyst, { name: "Guarded" });
    const keyworker = await api.signIn("keyworker");
    const attempt: RevokeResult = await keyworker.request(REVOKE, { id: token.id });
    expect(codeOf(attempt)).toBe("NOT_FOUND");
    expect((await bearer(secret).request(TEAMS)).errors).toBeUndefined();
    expect((await keyworker.request<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: token.id })).data?.node).toBeNull();
    const analystId = toGlobalId("StaffMember", api.organisation.staff.analyst.id);
    expect(codeOf(await keyworker.request(LIST, { staffId: analystId }))).toBe("FORBIDDEN");

    const adminList = await api.admin.request<{ apiTokens: TokenShape[] }>(LIST, { staffId: analystId });
    expect(adminList.data?.apiTokens.map((listed) => listed.id)).toContain(token.id);
    const byAdmin: RevokeResult = await api.admin.request(REVOKE, { id: token.id });
    expect(byAdmin.data?.revokeApiToken.apiToken?.status).toBe("REVOKED");
    expect(codeOf(await bearer(secret).request(TEAMS))).toBe("UNAUTHENTICATED");
  });

  it("audits creating and revoking a token, and revoking twice changes nothing", async () => {
    const { token } = await issue(api.analyst, { name: "Audited" });
    await api.analyst.request(REVOKE, { id: token.id });
    const again: RevokeResult = await api.analyst.request(REVOKE, { id: token.id });
    expect(again.data?.revokeApiToken.apiToken?.status).toBe("REVOKED");
    const t = api.server.database.tables;
    const localId = Buffer.from(token.id, "base64url").toString("utf8").split(":")[1]!;
    const events = await api.server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.recordId, localId));
    expect(events.map((event) => [event.action, event.recordType, event.actorId])).toEqual([
      ["CREATE", "ApiToken", api.organisation.staff.analyst.id],
      ["UPDATE", "ApiToken", api.organisation.staff.analyst.id],
    ]);
  });
});
