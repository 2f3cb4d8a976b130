import { describe, expect, it } from "vitest";
import { operationCost, type RawVariables } from "./cost.js";
import { fragmentBomb, LIMITS_TEST_SCHEMA, operationOf } from "./testSchema.js";

const costOf = (query: string, variables?: RawVariables) => {
  const { operation, fragments } = operationOf(query);
  return operationCost(LIMITS_TEST_SCHEMA, operation, fragments, variables);
};

const PEOPLE_PAGE = `query People($first: Int) { people(first: $first) { totalCount edges { node { id name } } } }`;

describe("the cost of an operation", () => {
  it("counts 1 for every field", () => {
    expect(costOf(`{ me { name } }`)).toBe(2);
    expect(costOf(`{ __typename }`)).toBe(1);
  });

  it("counts a list of scalars as one field", () => {
    expect(costOf(`{ me { roles } }`)).toBe(2);
  });

  it("multiplies what a list of objects selects by the default page size when it takes no first", () => {
    expect(costOf(`{ teams { id name } }`)).toBe(1 + 20 * 2);
  });

  it("multiplies by the default the schema declares for first", () => {
    expect(costOf(`{ search { id } }`)).toBe(1 + 5 * 1);
  });

  it("multiplies a connection's selection by a first written in the query, counting edges once", () => {
    // totalCount 1 + edges (1 + node (1 + id + name)) = 5 per item.
    expect(costOf(`{ people(first: 10) { totalCount edges { node { id name } } } }`)).toBe(1 + 10 * 5);
  });

  it("multiplies by a first passed as a variable", () => {
    expect(costOf(PEOPLE_PAGE, { first: 10 })).toBe(1 + 10 * 5);
    expect(costOf(PEOPLE_PAGE, { first: 100 })).toBe(1 + 100 * 5);
    expect(costOf(PEOPLE_PAGE, { first: 1_000_000 })).toBe(1 + 1_000_000 * 5);
  });

  it("uses the variable's default when the variable is not sent", () => {
    expect(costOf(`query People($first: Int = 7) { people(first: $first) { totalCount edges { node { id name } } } }`, {})).toBe(1 + 7 * 5);
  });

  it("uses the default page size when first is absent, null, or not a number", () => {
    expect(costOf(`{ people { totalCount edges { node { id name } } } }`)).toBe(1 + 20 * 5);
    expect(costOf(PEOPLE_PAGE, { first: null })).toBe(1 + 20 * 5);
    expect(costOf(PEOPLE_PAGE, {})).toBe(1 + 20 * 5);
    expect(costOf(PEOPLE_PAGE, { first: "ten" })).toBe(1 + 20 * 5);
  });

  it("never counts a page as fewer than one item, so a bad first cannot lower the cost", () => {
    expect(costOf(PEOPLE_PAGE, { first: -50 })).toBe(1 + 1 * 5);
    expect(costOf(PEOPLE_PAGE, { first: 2.5 })).toBe(1 + 3 * 5);
  });

  it("multiplies nested pages together", () => {
    // episodes: 1 + 5 × (edges 1 + node (1 + id + status)) = 21; each person 1 + 21; each edge 1 + 22.
    expect(costOf(`{ people(first: 10) { edges { node { episodes(first: 5) { edges { node { id status } } } } } } }`)).toBe(1 + 10 * 23);
  });

  it("follows named and inline fragments", () => {
    const withFragments = `
      query People($first: Int, $episodes: Int) { people(first: $first) { edges { node { ...Person } } } }
      fragment Person on Person { episodes(first: $episodes) { edges { node { ... on Episode { id status } } } } }
    `;
    expect(costOf(withFragments, { first: 10, episodes: 5 })).toBe(1 + 10 * 23);
  });

  it("counts every type's fragment on an interface", () => {
    expect(costOf(`{ node(id: "x") { ... on Person { name } ... on Episode { status } } }`)).toBe(3);
  });

  it("costs each use of a fragment, in time linear in the document", () => {
    const started = performance.now();
    expect(costOf(fragmentBomb(10, "__typename"))).toBe(2 ** 9);
    expect(costOf(fragmentBomb(200, "__typename"))).toBe(Number.MAX_SAFE_INTEGER);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("does not multiply introspection's lists, which are answered from memory", () => {
    // __schema 1 + types (1 + name 1 + fields (1 + name 1)).
    expect(costOf(`{ __schema { types { name fields { name } } } }`)).toBe(5);
  });

  it("costs a mutation the same way", () => {
    expect(costOf(`mutation { renameTeam(name: "Harbour") { id name } }`)).toBe(3);
  });
});
