import { describe, expect, it } from "vitest";
import { selectsIntrospection } from "./introspection.js";
import { operationOf } from "./testSchema.js";

const asksForSchema = (query: string) => {
  const { operation, fragments } = operationOf(query);
  return selectsIntrospection(operation, fragments);
};

describe("recognising introspection", () => {
  it("finds __schema and __type", () => {
    expect(asksForSchema(`{ __schema { queryType { name } } }`)).toBe(true);
    expect(asksForSchema(`{ __type(name: "Query") { name } }`)).toBe(true);
  });

  it("finds them behind aliases, inline fragments and named fragments", () => {
    expect(asksForSchema(`{ plain: __schema { queryType { name } } }`)).toBe(true);
    expect(asksForSchema(`{ ... on Query { __type(name: "Query") { name } } }`)).toBe(true);
    expect(asksForSchema(`{ me { name } ...Schema } fragment Schema on Query { ... { __schema { types { name } } } }`)).toBe(true);
  });

  it("does not count __typename, which only names a result's type", () => {
    expect(asksForSchema(`{ __typename me { __typename name } }`)).toBe(false);
  });

  it("ignores fragments the operation does not use", () => {
    expect(asksForSchema(`query Me { me { name } } query Schema { ...S } fragment S on Query { __schema { types { name } } }`)).toBe(false);
  });
});
