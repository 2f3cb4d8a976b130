import { expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import { PASSWORD } from "./fixtures.js";
import { useSignedInServer } from "./signedInServer.js";

const ME = `query { me { name email roles } }`;

describeEachDialect("signing in and out", (dialect) => {
  const api = useSignedInServer(dialect);

  it("signs in with the right password and knows who you are", async () => {
    const client = await api.signIn("keyworker");
    const result = await client.request<{ me: { name: string; roles: string[] } }>(ME);
    expect(result.data?.me).toEqual({ name: "Kim Keyworker", email: "kim@example.org", roles: ["PRACTITIONER"] });
    expect(client.hasCookie("waymark_session")).toBe(true);
  });

  it("refuses a wrong password with a generic error and no session", async () => {
    const client = api.server.client();
    const result = await client.request<{ login: { csrfToken: string | null; userErrors: { code: string }[] } }>(
      `mutation { login(input: { email: "kim@example.org", password: "not the password" }) { csrfToken userErrors { code } } }`,
    );
    expect(result.data?.login).toEqual({ csrfToken: null, userErrors: [{ code: "INVALID_CREDENTIALS" }] });
    expect(client.hasCookie("waymark_session")).toBe(false);
  });

  it("treats the email case-insensitively", async () => {
    const client = await api.server.client().login("KIM@Example.org", PASSWORD);
    expect((await client.request<{ me: { email: string } }>(ME)).data?.me.email).toBe("kim@example.org");
  });

  it("answers me with null when not signed in", async () => {
    expect((await api.server.client().request(ME)).data).toEqual({ me: null });
  });

  it("refuses a session request without its CSRF token before any resolver runs", async () => {
    const client = await api.signIn("keyworker");
    const response = await client.post({ query: ME }, { "x-csrf-token": "wrong" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("signing out ends the session", async () => {
    const client = await api.signIn("keyworker");
    const result = await client.request<{ logout: { signedOut: boolean } }>(`mutation { logout { signedOut } }`);
    expect(result.data?.logout.signedOut).toBe(true);
    expect((await client.request(ME)).data).toEqual({ me: null });
  });

  it("records sign-ins and failed sign-ins in the audit trail", async () => {
    const t = api.server.database.tables;
    const events = await api.server.database.read.select({ action: t.auditEvents.action }).from(t.auditEvents);
    const actions = events.map((event) => event.action);
    expect(actions).toContain("LOGIN");
    expect(actions).toContain("LOGIN_FAILED");
  });
});
