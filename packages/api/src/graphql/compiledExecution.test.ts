import { buildSchema, GraphQLError, type GraphQLFieldResolver, type GraphQLObjectType, parse } from "graphql";
import { describe, expect, it } from "vitest";
import type { RequestContext } from "./context.js";
import { CompiledExecution } from "./compiledExecution.js";

/** A small schema with what the compiled path must handle as graphql-js does: a recursive filter input, a refusal, a mutation. */
const schema = buildSchema(`
  input ItemFilter { name: String, and: [ItemFilter!], or: [ItemFilter!] }
  type Item { id: ID!, name: String!, secret: String }
  type Query { items(filter: ItemFilter): [Item!]!, filterSeen(filter: ItemFilter): String! }
  type Mutation { rename(id: ID!, name: String!): Item! }
`);
const resolvers: Record<string, Record<string, GraphQLFieldResolver<never, unknown, never>>> = {
  Query: {
    items: () => [
      { id: "1", name: "Ada" },
      { id: "2", name: "Bo" },
    ],
    filterSeen: (_root, args: { filter: unknown }) => JSON.stringify(args.filter),
  },
  Item: {
    secret: (item: { id: string }) => {
      if (item.id === "2") throw new GraphQLError("Not yours to see.", { extensions: { code: "FORBIDDEN" } });
      return "s1";
    },
  },
  Mutation: { rename: (_root, args: { id: string; name: string }) => ({ id: args.id, name: args.name }) },
};
for (const [typeName, fields] of Object.entries(resolvers)) {
  const definitions = (schema.getType(typeName) as GraphQLObjectType).getFields();
  for (const [field, resolve] of Object.entries(fields)) (definitions[field] as { resolve?: unknown }).resolve = resolve;
}

const context = {} as RequestContext;
const run = (execution: CompiledExecution, document: ReturnType<typeof parse>, variables: Record<string, unknown> = {}, kind = "query") =>
  execution.execute(document, null, kind, variables, context);
/** Errors as a client sees them: message, path, code. */
const asSent = (result: Awaited<ReturnType<typeof run>>) => JSON.parse(JSON.stringify(result)) as unknown;

describe("compiled execution of repeated queries (graphql/compiledExecution.ts)", () => {
  it("answers a document with graphql-js first and with its compiled function from the next answer on, alike", async () => {
    const execution = new CompiledExecution(schema, 1);
    const document = parse("query Items { items { id name } }");
    const first = await run(execution, document);
    expect(execution.isCompiled(document)).toBe(false);
    const second = await run(execution, document);
    expect(execution.isCompiled(document)).toBe(true);
    expect(second).toEqual(first);
    expect(first).toEqual({ data: { items: [{ id: "1", name: "Ada" }, { id: "2", name: "Bo" }] } });
  });

  it("compiles at once when asked to answer no document with graphql-js first", async () => {
    const execution = new CompiledExecution(schema, 0);
    const document = parse("{ items { id } }");
    await run(execution, document);
    expect(execution.isCompiled(document)).toBe(true);
  });

  it("never compiles a mutation: writes run as graphql-js runs them, one root field after another", async () => {
    const execution = new CompiledExecution(schema, 0);
    const document = parse('mutation { a: rename(id: "1", name: "A") { name } b: rename(id: "2", name: "B") { name } }');
    for (let answer = 0; answer < 3; answer++) expect(await run(execution, document, {}, "mutation")).toEqual({ data: { a: { name: "A" }, b: { name: "B" } } });
    expect(execution.isCompiled(document)).toBe(false);
  });

  it("coerces a recursive filter variable on the compiled path as graphql-js does", async () => {
    const execution = new CompiledExecution(schema, 0);
    const document = parse("query Seen($filter: ItemFilter) { filterSeen(filter: $filter) }");
    const filter = { or: [{ name: "Ada" }, { and: [{ name: "Bo" }, { or: [{ name: "Cy" }] }] }] };
    const answer = await run(execution, document, { filter });
    expect(execution.isCompiled(document)).toBe(true);
    expect(JSON.parse((answer.data as { filterSeen: string }).filterSeen)).toEqual(filter);
  });

  it("refuses a bad variable with graphql-js's own message on either path, and answers no data", async () => {
    const document = parse("query Seen($filter: ItemFilter) { filterSeen(filter: $filter) }");
    const bad = { filter: { and: [{ name: 7 }] } };
    const interpreted = await run(new CompiledExecution(schema, 5), document, bad);
    const compiled = await run(new CompiledExecution(schema, 0), document, bad);
    expect(interpreted.data).toBeUndefined();
    expect(interpreted.errors?.[0]?.message).toMatch(/Variable "\$filter" got invalid value 7 at "filter\.and\[0\]\.name"/);
    expect(asSent(compiled)).toEqual(asSent(interpreted));
  });

  it("reports a field's refusal with the same message, path and code on either path, the rest of the answer kept", async () => {
    const document = parse("{ items { id secret } }");
    const interpreted = await run(new CompiledExecution(schema, 5), document);
    const compiled = await run(new CompiledExecution(schema, 0), document);
    expect(asSent(interpreted)).toEqual({
      data: { items: [{ id: "1", secret: "s1" }, { id: "2", secret: null }] },
      errors: [{ message: "Not yours to see.", locations: [{ line: 1, column: 14 }], path: ["items", 1, "secret"], extensions: { code: "FORBIDDEN" } }],
    });
    expect(asSent(compiled)).toEqual(asSent(interpreted));
  });

  it("compiles each operation of a document by name", async () => {
    const execution = new CompiledExecution(schema, 0);
    const document = parse("query A { items { id } } query B { items { name } }");
    expect(await execution.execute(document, "B", "query", {}, context)).toEqual({ data: { items: [{ name: "Ada" }, { name: "Bo" }] } });
    expect(execution.isCompiled(document, "B")).toBe(true);
    expect(execution.isCompiled(document, "A")).toBe(false);
  });

  it("keeps the plans of a bounded number of documents, dropping the least recently answered", async () => {
    const execution = new CompiledExecution(schema, 0, 2);
    const [a, b, c] = ["{ items { id } }", "{ items { name } }", "{ items { id name } }"].map((text) => parse(text)) as [ReturnType<typeof parse>, ReturnType<typeof parse>, ReturnType<typeof parse>];
    await run(execution, a);
    await run(execution, b);
    await run(execution, a);
    await run(execution, c);
    expect([execution.isCompiled(a), execution.isCompiled(b), execution.isCompiled(c)]).toEqual([true, false, true]);
    expect(await run(execution, b)).toEqual({ data: { items: [{ name: "Ada" }, { name: "Bo" }] } });
    expect(execution.isCompiled(b)).toBe(true);
    expect(execution.isCompiled(a)).toBe(false);
  });
});
