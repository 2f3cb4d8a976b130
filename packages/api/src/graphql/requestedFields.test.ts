import { buildSchema, type GraphQLObjectType, type GraphQLResolveInfo, parse } from "graphql";
import { describe, expect, it } from "vitest";
import type { RequestContext } from "./context.js";
import { CompiledExecution } from "./compiledExecution.js";
import { selectionOf, selectionsAt } from "./requestedFields.js";

const schema = buildSchema(`
  type Person { id: ID!, name: String!, notes: String }
  type Query { people(first: Int): [Person!]! }
`);
/** Each selection the resolver was handed, in order. */
const seen: (readonly unknown[])[] = [];
(schema.getType("Query") as GraphQLObjectType).getFields().people!.resolve = (_root, _args, _context, info: GraphQLResolveInfo) => {
  seen.push(selectionOf(info));
  return [{ id: "1", name: "Ada", notes: "n" }];
};
const fieldsAsked = (selection: readonly unknown[]) =>
  selectionsAt(selection as Parameters<typeof selectionsAt>[0], []).flatMap((tree) => Object.keys(tree.fieldsByTypeName.Person ?? {}));

describe("the selection below a field (graphql/requestedFields.ts)", () => {
  const document = parse("query People($first: Int, $withNotes: Boolean!) { people(first: $first) { id name notes @include(if: $withNotes) } }");
  const run = (execution: CompiledExecution, variables: Record<string, unknown>) => execution.execute(document, null, "query", variables, {} as RequestContext);

  it("is worked out once per set of variables for a compiled document, and follows @include as the variables change", async () => {
    seen.length = 0;
    const execution = new CompiledExecution(schema, 0);
    await run(execution, { first: 5, withNotes: true });
    await run(execution, { first: 5, withNotes: true });
    await run(execution, { first: 5, withNotes: false });
    await run(execution, { first: 5, withNotes: true });
    const [first, again, withoutNotes, withNotesAgain] = seen as [readonly unknown[], readonly unknown[], readonly unknown[], readonly unknown[]];
    expect(again).toBe(first);
    expect(withNotesAgain).toBe(first);
    expect(fieldsAsked(first)).toEqual(["id", "name", "notes"]);
    expect(fieldsAsked(withoutNotes)).toEqual(["id", "name"]);
  });

  it("keeps each set of variables' own arguments", async () => {
    seen.length = 0;
    const execution = new CompiledExecution(schema, 0);
    await run(execution, { first: 5, withNotes: true });
    await run(execution, { first: 9, withNotes: true });
    expect(seen.map((selection) => (selection[0] as { args: unknown }).args)).toEqual([{ first: 5 }, { first: 9 }]);
  });

  it("follows the variables when graphql-js interprets the document", async () => {
    seen.length = 0;
    const execution = new CompiledExecution(schema, 5);
    await run(execution, { first: 5, withNotes: true });
    await run(execution, { first: 5, withNotes: false });
    expect(seen.map((selection) => fieldsAsked(selection))).toEqual([
      ["id", "name", "notes"],
      ["id", "name"],
    ]);
  });
});
