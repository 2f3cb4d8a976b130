import type { IncomingMessage } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { PASSWORD } from "./fixtures.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { startLoggedServer, type LoggedServer } from "./loggedServer.js";

/**
 * Issue 7, point 4 (OWASP API8): whatever goes wrong, an error answer tells the caller what to do in plain
 * words and nothing about the server's insides: no stack frames, no SQL, no file paths, no driver names.
 */

/** What must never appear in an answer, each with why it would matter. */
const INSIDES: readonly [RegExp, string][] = [
  [/\n?\s+at\s+\S+ \(|\bat\s+[^\s]+:\d+:\d+/, "a stack frame"],
  [/\b(select|insert into|update\s+"?\w+"?\s+set|delete from)\b/i, "SQL text"],
  [/\b(from|where|values)\s+\(?"\w+"/i, "a quoted SQL identifier"],
  [/\/(work|home|usr|tmp|var)\/|node_modules|\.[cm]?[jt]s:\d+/, "a file path"],
  [/sqlite|postgres|\bpg\b|drizzle|SQLSTATE|constraint|relation "|syntax error at/i, "the database or its driver"],
  [/\bparams?:/i, "query parameters"],
];

function expectNoInsides(what: string, body: string): void {
  for (const [pattern, name] of INSIDES) expect(pattern.test(body), `${what} shows ${name}: ${body.slice(0, 500)}`).toBe(false);
}

interface ErrorBody {
  readonly errors?: { message: string; extensions?: { code?: string; requestId?: string } }[];
  readonly data?: unknown;
}

describeEachDialect("No stack traces or SQL in error answers (issue 7, point 4; OWASP API8)", (dialect) => {
  let server: LoggedServer;
  let keyworker: GraphQLClient;

  // One server for the suite; the test that closes the database under it comes last.
  beforeAll(async () => {
    server = await startLoggedServer(dialect);
    keyworker = await server.client().login(server.organisation.staff.keyworker.email, PASSWORD);
  });
  afterAll(() => server?.close());

  async function raw(what: string, response: Response): Promise<{ status: number; body: ErrorBody; text: string; requestId: string | null }> {
    const text = await response.text();
    expectNoInsides(what, text);
    let body: ErrorBody = {};
    try {
      body = JSON.parse(text) as ErrorBody;
    } catch {
      throw new Error(`${what} did not answer JSON: ${text.slice(0, 300)}`);
    }
    return { status: response.status, body, text, requestId: response.headers.get("x-request-id") };
  }

  it("a malformed JSON body is refused as BAD_REQUEST in plain words, without quoting the parser or the body", async () => {
    const answer = await raw("malformed JSON", await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query": "{ me { name } }", "variables": {"firstName": "Zqxsecret"' }));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST", requestId: answer.requestId } }]);
    expect(answer.text).not.toContain("Zqxsecret");
    expect(server.logText()).not.toContain("Zqxsecret");
  });

  it("a wrong content type, a form post and an unsupported method are refused without internals", async () => {
    const textPlain = await raw("text/plain body", await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: '{"query":"{ me { name } }"}' }));
    expect(textPlain.status).toBe(400);
    const form = await raw("form body", await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "query=%7B%20me%20%7B%20name%20%7D%20%7D" }));
    expect(form.status).toBe(400);
    const put = await raw("PUT /graphql", await fetch(`${server.url}/graphql`, { method: "PUT", headers: { "content-type": "application/json" }, body: '{"query":"{ me { name } }"}' }));
    expect(put.status).toBe(405);
  });

  it("GraphQL is POST only, so no query or variables ever travel in a URL: a GET is refused (405) even when it would pass CSRF prevention", async () => {
    const query = encodeURIComponent("query ($q: String!) { __typename }");
    const variables = encodeURIComponent(JSON.stringify({ q: "Zqxcanarylast" }));
    const attempts: Record<string, string>[] = [{ "apollo-require-preflight": "true" }, { "apollo-require-preflight": "true", accept: "text/html" }];
    for (const headers of attempts) {
      const response = await fetch(`${server.url}/graphql?query=${query}&variables=${variables}`, { headers });
      expect(response.headers.get("allow")).toBe("POST");
      const get = await raw("GET /graphql", response);
      expect(get.status).toBe(405);
      expect(get.body.errors?.[0]?.extensions?.code).toBe("METHOD_NOT_ALLOWED");
      expect(get.body.data).toBeUndefined();
    }
  });

  it("a request whose client closed the connection before its body was read is logged as abandoned, not as a server failure", async () => {
    // On a busy server a request waits its turn before its body is read; a client that gives up meanwhile (a
    // load tool stopping, a tab closed) leaves a body the JSON parser no longer reads. That is no fault of the
    // server's, so no "request failed" error line may send an operator looking for one. The connection's end
    // is made to arrive just as the request comes in, where on a busy server it arrives while the request waits.
    server.server.prependOnceListener("request", (request: IncomingMessage) => request.socket.push(null));
    const { port } = new URL(server.url);
    const body = JSON.stringify({ query: "{ __typename }" });
    const answer = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(Number(port), "127.0.0.1", () =>
        socket.write(`POST /graphql HTTP/1.1\r\nHost: waymark\r\nContent-Type: application/json\r\napollo-require-preflight: true\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`),
      );
      socket.on("data", (chunk: Buffer) => chunks.push(chunk));
      socket.on("error", reject);
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    expect(answer).not.toContain("req.body");
    const logged = server.logLines().filter((line) => line.path === "/graphql").at(-1);
    expect(logged).toMatchObject({ level: 40, msg: "request abandoned before it was answered" });
    expect(server.logLines().filter((line) => (line.level as number) >= 50)).toEqual([]);
  });

  it("a query that fails validation or parsing names the problem in GraphQL's terms only", async () => {
    for (const query of ["{ noSuchField }", "{ me { name ", "query ($id: ID!) { node(id: $id) { id } }", 'mutation { dischargeEpisode(input: { episodeId: 1, reason: NOT_A_REASON }) { userErrors { code } } }']) {
      const answer = await raw(query, await keyworker.post({ query }));
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|BAD_USER_INPUT)$/);
    }
  });

  it("huge and oddly shaped variables are refused or handled, never answered with internals", async () => {
    const deep: unknown[] = [];
    let inner = deep;
    for (let level = 0; level < 2_000; level += 1) {
      const next: unknown[] = [];
      inner.push(next);
      inner = next;
    }
    const cases: [string, unknown][] = [
      ["query ($id: ID!) { node(id: $id) { id } }", { id: deep }],
      ["query ($id: ID!) { node(id: $id) { id } }", { id: "A".repeat(900_000) }],
      ["query ($id: ID!) { node(id: $id) { id } }", { id: { toString: "x" } }],
      ["mutation ($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { userErrors { code field } } }", { input: { localReference: "R".repeat(500_000), firstName: "F", lastName: "L", dateOfBirth: "1985-03-27", sex: "MALE", ethnicity: "WHITE_BRITISH" } }],
      ["mutation ($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { userErrors { code field } } }", { input: { localReference: "R1", firstName: "F", lastName: "L", dateOfBirth: "9999-99-99", sex: "MALE", ethnicity: "WHITE_BRITISH" } }],
    ];
    for (const [query, variables] of cases) {
      const answer = await raw(query.slice(0, 60), await keyworker.post({ query, variables }));
      expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
    }
  });

  it("IDs that could upset the database (NUL bytes, quotes, non-UUIDs, huge numbers, other types) are simply not found", async () => {
    const odd = ["abc\u0000def", "'; drop table service_users; --", "00000000-0000-0000-0000-00000000000g", "9".repeat(60), "%", "\\", "ä\u202e", "-1"];
    for (const type of ["ServiceUser", "Episode", "Intervention", "Team"]) {
      for (const id of odd) {
        const globalId = toGlobalId(type, id);
        const answer = await raw(`${type}:${JSON.stringify(id)}`, await keyworker.post({ query: "query ($id: ID!) { node(id: $id) { id } }", variables: { id: globalId } }));
        expect(answer.status, answer.text).toBe(200);
        expect(answer.body.errors, answer.text).toBeUndefined();
        expect(answer.body.data).toEqual({ node: null });
      }
    }
    for (const id of odd) {
      const answer = await raw(`update of ${JSON.stringify(id)}`, await keyworker.post({
        query: "mutation ($input: UpdateServiceUserInput!) { updateServiceUser(input: $input) { userErrors { code } } }",
        variables: { input: { id: toGlobalId("ServiceUser", id), version: 1, firstName: "Sam" } },
      }));
      expect(answer.body.errors?.[0]?.extensions?.code, answer.text).toBe("NOT_FOUND");
    }
  });

  it("a failure inside the server (the database gone) answers a generic error carrying the request ID, and the log holds the detail under that ID", async () => {
    await server.database.close();
    // Anonymous: the request reaches the resolver, which needs the database.
    const login = await raw("login with the database closed", await server.client().post({
      query: "mutation ($input: LoginInput!) { login(input: $input) { csrfToken } }",
      variables: { input: { email: "someone@example.org", password: "a password" } },
    }));
    expect(login.body.errors).toEqual([{ message: "Something went wrong on the server. The request was not completed.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: login.requestId } }]);
    // Signed in: the session check before GraphQL fails; the last-resort handler answers the same way.
    const signedIn = await raw("signed-in query with the database closed", await keyworker.post({ query: "{ me { name } }" }));
    expect(signedIn.status).toBe(500);
    expect(signedIn.body.errors).toEqual([{ message: "Something went wrong on the server. The request was not completed.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: signedIn.requestId } }]);

    const lines = server
      .logText()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { level: number; requestId?: string; err?: { message?: string } });
    for (const requestId of [login.requestId, signedIn.requestId]) {
      const detail = lines.find((line) => line.requestId === requestId && line.level >= 50 && line.err);
      expect(detail, `no error line logged for ${requestId}`).toBeDefined();
      expect(detail!.err!.message).toBeTruthy();
    }
  });
});
