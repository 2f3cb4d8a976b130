import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { countDirectives } from "./directives.js";

const countIn = (query: string) => countDirectives(parse(query));

describe("counting a document's directives", () => {
  it("counts none in a plain query", () => {
    expect(countIn(`{ me { name } }`)).toEqual({ total: 0, mostInOnePlace: 0, busiestPlace: null });
  });

  it("counts every directive and names the place that carries most", () => {
    const query = `query Q($show: Boolean!) { me @include(if: $show) { name @skip(if: false) @include(if: true) } }`;
    expect(countIn(query)).toEqual({ total: 3, mostInOnePlace: 2, busiestPlace: `the field "name"` });
  });

  it("names a field by its alias, and fragments, variables and operations by their names", () => {
    expect(countIn(`{ who: me @a @b }`).busiestPlace).toBe(`the field "who"`);
    expect(countIn(`{ ...F @a @b } fragment F on Query { me }`).busiestPlace).toBe(`the fragment spread "...F"`);
    expect(countIn(`{ ... on Query @a @b { me } }`).busiestPlace).toBe(`the inline fragment on "Query"`);
    expect(countIn(`{ ... @a @b { me } }`).busiestPlace).toBe("an inline fragment");
    expect(countIn(`{ ...F } fragment F on Query @a @b { me }`).busiestPlace).toBe(`the fragment "F"`);
    expect(countIn(`query Q($x: Int @a @b) { me }`).busiestPlace).toBe(`the variable "$x"`);
    expect(countIn(`query Q @a @b { me }`).busiestPlace).toBe(`the operation "Q"`);
    expect(countIn(`query @a @b { me }`).busiestPlace).toBe("the operation");
  });

  it("counts directives that are invalid, since refusing them early is the point", () => {
    expect(countIn(`{ me @include(if: true) @include(if: true) @include(if: true) }`).mostInOnePlace).toBe(3);
  });
});
