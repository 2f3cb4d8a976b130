import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import { PASSWORD } from "./fixtures.js";
import { startLoggedServer, WEB_ASSET_PATH, type LoggedServer } from "./loggedServer.js";

/**
 * Issue 7, point 4 (OWASP API8, security misconfiguration): every kind of answer the server gives carries the
 * browser security headers, whichever route, middleware or error path produced it. Strict-Transport-Security is
 * the TLS-terminating reverse proxy's (docs/deployment.md), since Waymark itself may be reached over loopback HTTP.
 */

/** Headers every answer carries, and what each must say. */
const ON_EVERY_ANSWER: Record<string, (value: string) => boolean> = {
  "x-content-type-options": (value) => value === "nosniff",
  "x-frame-options": (value) => value === "DENY",
  "referrer-policy": (value) => value === "no-referrer",
  "content-security-policy": (value) => /(^|;\s*)default-src 'self'/.test(value) && /frame-ancestors 'none'/.test(value) && !/\*|https?:/.test(value),
  "cross-origin-opener-policy": (value) => value === "same-origin",
  "x-request-id": (value) => value.length > 0,
};

interface Answer {
  readonly kind: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

describeEachDialect("Security headers on every kind of answer (issue 7, point 4; OWASP API8)", (dialect) => {
  let server: LoggedServer;
  let cookie: string;
  let csrfToken: string;
  const answers: Answer[] = [];

  async function answer(kind: string, path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${server.url}${path}`, { redirect: "manual", ...init });
    const result = { kind, status: response.status, headers: response.headers, body: await response.text() };
    answers.push(result);
    return result;
  }

  const signedIn = (extra: Record<string, string> = {}) => ({ cookie, "x-csrf-token": csrfToken, "content-type": "application/json", ...extra });

  beforeAll(async () => {
    server = await startLoggedServer(dialect);
    const login = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation ($input: LoginInput!) { login(input: $input) { csrfToken } }`, variables: { input: { email: server.organisation.staff.keyworker.email, password: PASSWORD } } }),
    });
    cookie = login.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
    csrfToken = ((await login.json()) as { data: { login: { csrfToken: string } } }).data.login.csrfToken;

    await answer("web app page", "/");
    await answer("web app route reloaded", "/people/some-person");
    await answer("static asset", WEB_ASSET_PATH);
    await answer("GraphiQL, signed in", "/graphiql", { headers: { cookie } });
    await answer("GraphiQL, anonymous (redirect)", "/graphiql");
    await answer("health probe", "/healthz");
    await answer("readiness probe", "/readyz");
    await answer("GraphQL success", "/graphql", { method: "POST", headers: signedIn(), body: JSON.stringify({ query: "{ me { name } }" }) });
    await answer("GraphQL error", "/graphql", { method: "POST", headers: signedIn(), body: JSON.stringify({ query: "{ noSuchField }" }) });
    await answer("GraphQL unauthenticated", "/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ teams { name } }" }) });
    await answer("CSRF refusal", "/graphql", { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { name } }" }) });
    await answer("malformed JSON body", "/graphql", { method: "POST", headers: signedIn(), body: '{"query": "{ me { name } }"' });
    await answer("GraphQL wrong content type", "/graphql", { method: "POST", headers: signedIn({ "content-type": "text/plain" }), body: '{"query": "{ me { name } }"}' });
    await answer("GraphQL body too large", "/graphql", { method: "POST", headers: signedIn(), body: JSON.stringify({ query: "{ me { name } }", variables: { padding: "x".repeat(1_100_000) } }) });
    await answer("GraphQL unsupported method", "/graphql", { method: "PUT", headers: signedIn(), body: '{"query": "{ me { name } }"}' });
    await answer("GET /graphql", "/graphql?query=%7B%20me%20%7B%20name%20%7D%20%7D", { headers: { cookie } });
    await answer("export download 404", "/exports/RXhwb3J0Sm9iOm5vbmU=/download", { headers: { cookie } });
    await answer("export download, unknown file", "/exports/RXhwb3J0Sm9iOm5vbmU=/secrets", { headers: { cookie } });
    await answer("export download, anonymous", "/exports/RXhwb3J0Sm9iOm5vbmU=/download");
    await answer("path climbing out of the web root", "/..%2f..%2fetc%2fpasswd");
  });
  afterAll(() => server?.close());

  it("the answers cover each kind the brief names, with the statuses expected of them", () => {
    const status = Object.fromEntries(answers.map((each) => [each.kind, each.status]));
    expect(status).toMatchObject({
      "web app page": 200,
      "static asset": 200,
      "GraphiQL, signed in": 200,
      "GraphiQL, anonymous (redirect)": 303,
      "health probe": 200,
      "readiness probe": 200,
      "GraphQL success": 200,
      "CSRF refusal": 403,
      "malformed JSON body": 400,
      "GraphQL body too large": 413,
      "export download 404": 404,
      "export download, unknown file": 404,
      "export download, anonymous": 401,
    });
    expect(status["GraphQL error"]).toBeGreaterThanOrEqual(400);
    expect(status["path climbing out of the web root"]).toBeGreaterThanOrEqual(400);
  });

  it("every answer carries nosniff, DENY framing, no referrer, a same-origin CSP with frame-ancestors 'none', and a request ID", () => {
    for (const each of answers) {
      for (const [name, acceptable] of Object.entries(ON_EVERY_ANSWER)) {
        const value = each.headers.get(name);
        expect(value, `${each.kind}: ${name}`).not.toBeNull();
        expect(acceptable(value!), `${each.kind}: ${name} is "${value}"`).toBe(true);
      }
    }
  });

  it("no answer names the framework or server software (no X-Powered-By, no Server)", () => {
    for (const each of answers) {
      expect(each.headers.get("x-powered-by"), each.kind).toBeNull();
      expect(each.headers.get("server"), each.kind).toBeNull();
    }
  });

  it("answers that can hold personal data or depend on who is signed in are never stored by a cache (Cache-Control: no-store)", () => {
    const personal = answers.filter((each) => each.kind.startsWith("GraphQL") || each.kind.startsWith("GET /graphql") || each.kind.startsWith("export") || each.kind.startsWith("CSRF") || each.kind.startsWith("malformed"));
    expect(personal.length).toBeGreaterThanOrEqual(8);
    for (const each of personal) expect(each.headers.get("cache-control"), each.kind).toMatch(/no-store/);
    // Nor labelled for one: an ETag on an answer no cache may keep would only cost hashing its body.
    for (const each of personal) expect(each.headers.get("etag"), each.kind).toBeNull();
  });

  it("the web page is revalidated on every load and hashed assets are immutable; neither is sniffed into another type", () => {
    const page = answers.find((each) => each.kind === "web app page")!;
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const asset = answers.find((each) => each.kind === "static asset")!;
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toMatch(/immutable/);
  });
});
