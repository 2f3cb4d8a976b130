import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import { useSignedInServer } from "./signedInServer.js";

/** The refusal an anonymous caller gets for asking about the schema. */
const INTROSPECTION_REFUSED = {
  errors: [
    {
      message: "Sign in to read the schema: introspection (__schema and __type) is open only to signed-in staff.",
      extensions: { code: "UNAUTHENTICATED" },
    },
  ],
};

/** The query GraphiQL and code generators send, with every option they may turn on. */
const FULL_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

describeEachDialect("introspection and schema details", (dialect) => {
  const api = useSignedInServer(dialect);

  describe("for anonymous callers", () => {
    const refusedQueries: Record<string, string> = {
      "__schema": `{ __schema { queryType { name } } }`,
      "__type": `{ __type(name: "StaffMember") { fields { name } } }`,
      "an aliased __schema": `{ schema: __schema { types { name } } }`,
      "__type inside an inline fragment": `{ ... on Query { __type(name: "Query") { name } } }`,
      "__schema inside a named fragment": `query Innocent { __typename ...Schema } fragment Schema on Query { __schema { types { name } } }`,
      "the full introspection query": FULL_INTROSPECTION,
    };

    for (const [what, query] of Object.entries(refusedQueries)) {
      it(`refuses ${what} with UNAUTHENTICATED and HTTP 401 before any resolver runs`, async () => {
        const response = await api.server.client().post({ query });
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe('Bearer realm="waymark"');
        expect(await response.json()).toEqual(INTROSPECTION_REFUSED);
      });
    }

    it("still answers __typename, which only names a result's type", async () => {
      const result = await api.server.client().request(`{ __typename me { __typename } }`);
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ __typename: "Query", me: null });
    });

    it("does not suggest field names for a misspelt field", async () => {
      const result = await api.server.client().request(`{ mee { name } }`);
      expect(result.status).toBe(400);
      expect(result.errors).toEqual([{ message: `Cannot query field "mee" on type "Query".`, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }]);
    });

    it("does not suggest names for a misspelt nested field, argument or type", async () => {
      const queries = [`{ me { nme } }`, `{ node(idd: "x") { id } }`, `{ node(id: "x") { ... on StaffMembr { name } } }`];
      for (const query of queries) {
        const result = await api.server.client().request(query);
        expect(result.status).toBe(400);
        expect(result.errors?.length).toBeGreaterThan(0);
        for (const error of result.errors ?? []) {
          expect(error.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
          expect(error.message).not.toMatch(/did you mean/i);
        }
      }
    });
  });

  describe("for signed-in staff", () => {
    it("answers __schema and __type", async () => {
      const client = await api.signIn("keyworker");
      const result = await client.request(`{ __schema { queryType { name } } __type(name: "StaffMember") { kind } }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ __schema: { queryType: { name: "Query" } }, __type: { kind: "OBJECT" } });
    });

    it("answers the full introspection query within the query limits, so tools can read the schema", async () => {
      const client = await api.signIn("analyst");
      const result = await client.request<IntrospectionQuery>(FULL_INTROSPECTION);
      expect(result.errors).toBeUndefined();
      const schema = buildClientSchema(result.data!);
      expect(schema.getQueryType()?.getFields().me).toBeDefined();
      expect(result.extensions?.cost).toEqual({ requested: expect.any(Number), limit: 50_000 });
    });
  });
});
