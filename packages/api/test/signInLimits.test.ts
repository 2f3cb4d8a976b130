import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AddressSignInLimiter, MAX_FAILED_SIGN_INS_PER_ADDRESS } from "../src/auth/signInLimits.js";
import { describeEachDialect } from "./databases.js";
import { createOrganisation, PASSWORD, type Organisation } from "./fixtures.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { startTestServer, type TestServer } from "./testServer.js";

interface LoginPayload {
  csrfToken: string | null;
  userErrors: { code: string }[];
}

const LOGIN = `mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { csrfToken userErrors { code } } }`;

/** One request holding `count` aliased login fields, each a wrong guess for a different unknown account. */
function aliasedLogins(count: number, round: string): string {
  const fields = Array.from({ length: count }, (_, index) => `attempt${index}: login(input: { email: "guess-${round}-${index}@example.org", password: "not it at all" }) { csrfToken userErrors { code } }`);
  return `mutation { ${fields.join("\n")} }`;
}

describeEachDialect("sign-in limits", (dialect) => {
  let server: TestServer;
  let organisation: Organisation;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    organisation = await createOrganisation(server.database);
  });
  afterEach(() => server.close());

  async function login(email: string, password: string, client: GraphQLClient = server.client()): Promise<LoginPayload> {
    const result = await client.request<{ login: LoginPayload }>(LOGIN, { email, password });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.login;
  }

  async function failFromThisAddress(times: number): Promise<void> {
    for (let attempt = 0; attempt < times; attempt++) {
      expect((await login(`unknown-${attempt}@example.org`, "a wrong password")).userErrors).toEqual([{ code: "INVALID_CREDENTIALS" }]);
    }
  }

  const kim = () => organisation.staff.keyworker.email;

  it("locks an account after 5 failed sign-ins in a row, even against the right password, and lets it in once the lock has passed", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await login(kim(), "a wrong password")).userErrors).toEqual([{ code: "INVALID_CREDENTIALS" }]);
    }
    const client = server.client();
    expect(await login(kim(), PASSWORD, client)).toEqual({ csrfToken: null, userErrors: [{ code: "ACCOUNT_LOCKED" }] });
    expect(client.hasCookie("waymark_session")).toBe(false);

    server.clock.set("2025-06-03");
    expect((await login(kim(), PASSWORD)).userErrors).toEqual([]);
  });

  it("refuses an address after 20 failed sign-ins across any accounts, even with the right password", async () => {
    await failFromThisAddress(MAX_FAILED_SIGN_INS_PER_ADDRESS);
    const client = server.client();
    expect(await login(kim(), PASSWORD, client)).toEqual({ csrfToken: null, userErrors: [{ code: "TOO_MANY_SIGN_IN_ATTEMPTS" }] });
    expect(client.hasCookie("waymark_session")).toBe(false);
    const t = server.database.tables;
    expect(await server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.action, "LOGIN"))).toEqual([]);
    // The refusal is the address's, not the account's: Kim's own failure count was never touched.
    const [kimRow] = await server.database.read.select().from(t.staff).where(eq(t.staff.email, kim()));
    expect(kimRow).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it("counts every aliased login field in one request as an attempt of its own", async () => {
    const first = await server.client().request<Record<string, LoginPayload>>(aliasedLogins(10, "a"));
    expect(Object.values(first.data ?? {}).map((payload) => payload.userErrors[0]?.code)).toEqual(Array(10).fill("INVALID_CREDENTIALS"));
    await server.client().request(aliasedLogins(10, "b"));
    expect((await login(kim(), PASSWORD)).userErrors).toEqual([{ code: "TOO_MANY_SIGN_IN_ATTEMPTS" }]);
  });

  it("refuses the aliased attempts past the limit within the very request that crosses it", async () => {
    const result = await server.client().request<Record<string, LoginPayload>>(aliasedLogins(MAX_FAILED_SIGN_INS_PER_ADDRESS + 2, "c"));
    const codes = Object.values(result.data ?? {}).map((payload) => payload.userErrors[0]?.code);
    expect(codes).toEqual([...Array(MAX_FAILED_SIGN_INS_PER_ADDRESS).fill("INVALID_CREDENTIALS"), "TOO_MANY_SIGN_IN_ATTEMPTS", "TOO_MANY_SIGN_IN_ATTEMPTS"]);
  });

  it("lets the address in again once the window has passed", async () => {
    await failFromThisAddress(MAX_FAILED_SIGN_INS_PER_ADDRESS);
    expect((await login(kim(), PASSWORD)).userErrors).toEqual([{ code: "TOO_MANY_SIGN_IN_ATTEMPTS" }]);
    server.clock.set("2025-06-03");
    const signedIn = await login(kim(), PASSWORD);
    expect(signedIn.userErrors).toEqual([]);
    expect(signedIn.csrfToken).not.toBeNull();
  });

  it("clears an address's count when someone signs in successfully from it", async () => {
    await failFromThisAddress(MAX_FAILED_SIGN_INS_PER_ADDRESS - 1);
    expect((await login(kim(), PASSWORD)).userErrors).toEqual([]);
    await failFromThisAddress(MAX_FAILED_SIGN_INS_PER_ADDRESS - 1);
    expect((await login(kim(), PASSWORD)).userErrors).toEqual([]);
  });
});

describe("the per-address sign-in window", () => {
  const at = (minutes: number) => new Date(Date.UTC(2025, 5, 2, 12, minutes));

  it("refuses from the 21st attempt within 15 minutes until the oldest counted one is 15 minutes old", () => {
    const limiter = new AddressSignInLimiter();
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS; attempt++) {
      expect(limiter.blockedUntil("192.0.2.1", at(Math.floor(attempt / 2)))).toBeNull();
      limiter.recordAttempt("192.0.2.1", at(Math.floor(attempt / 2)));
    }
    expect(limiter.blockedUntil("192.0.2.1", at(10))).toEqual(at(15));
    expect(limiter.blockedUntil("192.0.2.1", at(14))).toEqual(at(15));
    expect(limiter.blockedUntil("192.0.2.1", at(15))).toBeNull();
    expect(limiter.blockedUntil("198.51.100.9", at(10))).toBeNull();
  });

  it("forgets an address's attempts once it signs in successfully", () => {
    const limiter = new AddressSignInLimiter();
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS; attempt++) limiter.recordAttempt("192.0.2.1", at(0));
    expect(limiter.blockedUntil("192.0.2.1", at(1))).not.toBeNull();
    limiter.recordSuccess("192.0.2.1");
    expect(limiter.blockedUntil("192.0.2.1", at(1))).toBeNull();
  });
});
