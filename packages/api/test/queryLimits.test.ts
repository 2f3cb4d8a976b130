import { describe, expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

/** What a refused request's body holds: errors only, no data and no cost. */
interface RefusalBody {
  data?: unknown;
  extensions?: unknown;
  errors: { message: string; extensions: Record<string, unknown> }[];
}

/** Posts `body` as it is and returns the status and the parsed answer. */
async function send(client: GraphQLClient, body: unknown): Promise<{ status: number; body: RefusalBody }> {
  const response = await client.post(body);
  return { status: response.status, body: (await response.json()) as RefusalBody };
}

/** The body of a refusal for a limit, as the server must send it. */
const refusal = (code: string, message: string, limit: number, measured: number) => ({ errors: [{ message, extensions: { code, limit, measured } }] });

/** `count` operations of five tokens each (`query Qn { __typename }`); the first has one extra field when `plusOne`. */
function operationsOfTokens(count: number, plusOne = false): string {
  return Array.from({ length: count }, (_, index) => `query Q${index} { __typename${plusOne && index === 0 ? " __typename" : ""} }`).join("\n");
}

/** A query asking for `count` aliased copies of __typename. */
const aliasedTypenames = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(" ")} }`;

/** `levels` nested `ofType` selections under `__type`: the query nests levels + 2 deep. */
const ofTypeChain = (levels: number) => `{ __type(name: "Query") { ${"ofType { ".repeat(levels)}name${" }".repeat(levels)} } }`;

/** A failed sign-in for the keyworker, which the login resolver would record in the audit trail. */
const WRONG_LOGIN = `login(input: { email: "kim@example.org", password: "not the password" }) { csrfToken }`;

/**
 * A page of staff in which each item costs 500: edges 1 + cursor 1 + node 1 + five fields + twelve lists of
 * teams at 1 + 20 × 2 each. The whole query costs 1 + 500 × first.
 */
const STAFF_PAGE = `query StaffPage($first: Int) {
  staff(first: $first) {
    edges {
      cursor
      node {
        id name email active version
        ${Array.from({ length: 12 }, (_, index) => `t${index}: teams { id name }`).join("\n        ")}
      }
    }
  }
}`;

describeEachDialect("query limits, enforced before any resolver runs", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin"] });

  /** How many failed sign-ins the audit trail holds: a refused request must not add one. */
  async function failedSignIns(): Promise<number> {
    const t = api.server.database.tables;
    const events = await api.server.database.read.select({ action: t.auditEvents.action }).from(t.auditEvents);
    return events.filter((event) => event.action === "LOGIN_FAILED").length;
  }

  describe("tokens (limit 3,000)", () => {
    it("answers a document of exactly 3,000 tokens", async () => {
      const answer = await send(api.server.client(), { query: operationsOfTokens(600), operationName: "Q0" });
      expect(answer).toEqual({ status: 200, body: { data: { __typename: "Query" }, extensions: { cost: { requested: 1, limit: 50_000 } } } });
    });

    it("refuses 3,001 tokens with TOO_MANY_TOKENS and HTTP 400", async () => {
      const answer = await send(api.server.client(), { query: operationsOfTokens(600, true), operationName: "Q0" });
      expect(answer).toEqual({ status: 400, body: refusal("TOO_MANY_TOKENS", "The query has 3,001 tokens; the limit is 3,000.", 3_000, 3_001) });
    });

    it("refuses a huge document without running the sign-in it holds", async () => {
      const before = await failedSignIns();
      const query = `mutation SignIn { ${WRONG_LOGIN} }\n${operationsOfTokens(20_000)}`;
      const answer = await send(api.server.client(), { query, operationName: "SignIn" });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]?.message).toBe("The query has 100,020 tokens; the limit is 3,000.");
      expect(await failedSignIns()).toBe(before);
    });

    it("refuses too many tokens in a GET request's query string too", async () => {
      // Braces and 2,999 one-letter fields: 3,001 tokens in a URL short enough for the HTTP server to accept.
      const query = encodeURIComponent(`{ ${"a ".repeat(2_999)}}`);
      const response = await fetch(`${api.server.url}/graphql?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(refusal("TOO_MANY_TOKENS", "The query has 3,001 tokens; the limit is 3,000.", 3_000, 3_001));
    });
  });

  describe("directives (2 in one place, 20 in all)", () => {
    it("answers a field carrying two directives", async () => {
      const result = await api.server.client().request(`{ me @include(if: true) @skip(if: false) { name } }`);
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ me: null });
    });

    it("refuses a field carrying three directives with TOO_MANY_DIRECTIVES, naming the field", async () => {
      const answer = await send(api.server.client(), { query: `{ me @include(if: true) @skip(if: false) @include(if: true) { name } }` });
      expect(answer).toEqual({
        status: 400,
        body: refusal("TOO_MANY_DIRECTIVES", `The field "me" carries 3 directives; the limit is 2 on any one field, fragment, variable or operation.`, 2, 3),
      });
    });

    it("answers 20 directives in a document", async () => {
      const result = await api.server.client().request(`{ ${"__typename @include(if: true) ".repeat(20)}}`);
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ __typename: "Query" });
    });

    it("refuses 21 directives in a document", async () => {
      const answer = await send(api.server.client(), { query: `{ ${"__typename @include(if: true) ".repeat(21)}}` });
      expect(answer).toEqual({ status: 400, body: refusal("TOO_MANY_DIRECTIVES", "The query uses 21 directives; the limit is 20.", 20, 21) });
    });

    it("refuses directives on a sign-in without attempting it", async () => {
      const before = await failedSignIns();
      const login = `login(input: { email: "kim@example.org", password: "not the password" }) @include(if: true) @skip(if: false) @include(if: true) { csrfToken }`;
      const answer = await send(api.server.client(), { query: `mutation { ${login} }` });
      expect(answer.body.errors[0]?.extensions.code).toBe("TOO_MANY_DIRECTIVES");
      expect(await failedSignIns()).toBe(before);
    });
  });

  describe("depth (limit 15)", () => {
    it("answers a query nested 15 levels deep", async () => {
      const result = await api.admin.request(ofTypeChain(13));
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ __type: { ofType: null } });
    });

    it("refuses a query nested 16 levels deep with QUERY_TOO_DEEP", async () => {
      const answer = await send(api.admin, { query: ofTypeChain(14) });
      expect(answer).toEqual({ status: 400, body: refusal("QUERY_TOO_DEEP", "The query nests fields 16 levels deep; the limit is 15.", 15, 16) });
    });

    it("follows fragments and inline fragments when measuring depth", async () => {
      // __type, then seven levels in one fragment (split by an inline fragment) and eight in another: 16.
      const query = `{ __type(name: "Query") { ...Outer } }
        fragment Outer on __Type { ofType { ofType { ofType { ... on __Type { ofType { ofType { ofType { ofType { ...Inner } } } } } } } } }
        fragment Inner on __Type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } }`;
      const answer = await send(api.admin, { query });
      expect(answer).toEqual({ status: 400, body: refusal("QUERY_TOO_DEEP", "The query nests fields 16 levels deep; the limit is 15.", 15, 16) });
    });
  });

  describe("aliases (limit 30)", () => {
    it("answers 30 aliases", async () => {
      const result = await api.server.client().request<Record<string, string>>(aliasedTypenames(30));
      expect(result.status).toBe(200);
      expect(Object.keys(result.data ?? {})).toHaveLength(30);
    });

    it("refuses 31 aliases with TOO_MANY_ALIASES", async () => {
      const answer = await send(api.server.client(), { query: aliasedTypenames(31) });
      expect(answer).toEqual({
        status: 400,
        body: refusal("TOO_MANY_ALIASES", "The query uses 31 aliases, counting each use of a fragment; the limit is 30.", 30, 31),
      });
    });

    it("counts a fragment's aliases each time the fragment is used", async () => {
      const sixteen = Array.from({ length: 16 }, (_, index) => `a${index}: __typename`).join(" ");
      const query = `{ ...Sixteen ... on Query { ...Sixteen } } fragment Sixteen on Query { ${sixteen} }`;
      const answer = await send(api.server.client(), { query });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]?.message).toBe("The query uses 32 aliases, counting each use of a fragment; the limit is 30.");
    });

    it("refuses 31 aliased sign-ins without attempting any of them", async () => {
      const before = await failedSignIns();
      const logins = Array.from({ length: 31 }, (_, index) => `attempt${index}: ${WRONG_LOGIN}`).join("\n");
      const answer = await send(api.server.client(), { query: `mutation { ${logins} }` });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0]?.extensions.code).toBe("TOO_MANY_ALIASES");
      expect(await failedSignIns()).toBe(before);
      // Thirty-one failures would have locked the account; signing in still works.
      await api.signIn("keyworker");
    });
  });

  describe("cost (limit 50,000)", () => {
    it("reports the cost of an answered query in extensions.cost", async () => {
      const result = await api.admin.request(`{ me { name email roles } }`);
      expect(result.errors).toBeUndefined();
      expect(result.extensions).toEqual({ cost: { requested: 4, limit: 50_000 } });
    });

    it("answers a page whose size, passed as a variable, keeps the cost just under the limit", async () => {
      const result = await api.admin.request<{ staff: { edges: unknown[] } }>(STAFF_PAGE, { first: 99 });
      expect(result.errors).toBeUndefined();
      expect(result.data?.staff.edges).toHaveLength(6);
      expect(result.extensions).toEqual({ cost: { requested: 1 + 500 * 99, limit: 50_000 } });
    });

    it("refuses a page whose size, passed as a variable, takes the cost just over the limit", async () => {
      const answer = await send(api.admin, { query: STAFF_PAGE, variables: { first: 100 } });
      expect(answer).toEqual({
        status: 400,
        body: refusal("QUERY_TOO_COSTLY", "The query's cost is 50,001; the limit is 50,000. Ask for smaller pages with `first`, or fewer fields.", 50_000, 50_001),
      });
    });

    it("costs a page size written in the query the same as one passed as a variable", async () => {
      const written = await send(api.admin, { query: STAFF_PAGE.replace("query StaffPage($first: Int)", "query StaffPage").replace("$first", "100") });
      expect(written.body.errors[0]?.extensions).toEqual({ code: "QUERY_TOO_COSTLY", limit: 50_000, measured: 50_001 });
    });

    it("costs a connection without first at the default page size of 20", async () => {
      const result = await api.admin.request(STAFF_PAGE);
      expect(result.extensions).toEqual({ cost: { requested: 1 + 500 * 20, limit: 50_000 } });
    });

    it("costs one document by each request's page size, whatever was asked before (costs are kept per page size)", async () => {
      for (const first of [100, 99, 100, 3, 99]) {
        const answer = await send(api.admin, { query: STAFF_PAGE, variables: { first } });
        expect(answer.status, `first: ${first}`).toBe(first === 100 ? 400 : 200);
        if (first !== 100) expect(answer.body.extensions, `first: ${first}`).toEqual({ cost: { requested: 1 + 500 * first, limit: 50_000 } });
      }
    });
  });

  describe("batched requests", () => {
    it("refuses a JSON array of operations, attempting none of them", async () => {
      const before = await failedSignIns();
      const answer = await send(api.server.client(), [{ query: `mutation { ${WRONG_LOGIN} }` }, { query: `mutation { ${WRONG_LOGIN} }` }]);
      expect(answer).toEqual({ status: 400, body: { errors: [{ message: "Operation batching disabled.", extensions: { code: "BAD_REQUEST" } }] } });
      expect(await failedSignIns()).toBe(before);
    });
  });
});
