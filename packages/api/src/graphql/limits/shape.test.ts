import { describe, expect, it } from "vitest";
import { measureShape } from "./shape.js";
import { fragmentBomb, operationOf } from "./testSchema.js";

const shapeOf = (query: string) => {
  const { operation, fragments } = operationOf(query);
  return measureShape(operation, fragments);
};

describe("the shape of an operation", () => {
  it("counts each level of nested fields", () => {
    expect(shapeOf(`{ __typename }`).depth).toBe(1);
    expect(shapeOf(`{ me { name } }`).depth).toBe(2);
    expect(shapeOf(`{ me { name teams { id } } }`).depth).toBe(3);
  });

  it("follows fragments into their fields without counting the fragments as levels", () => {
    const query = `{ me { ...Teams ... on Staff { name } } } fragment Teams on Staff { teams { ...TeamName } } fragment TeamName on Team { name }`;
    expect(shapeOf(query).depth).toBe(3);
  });

  it("counts aliases in the operation", () => {
    expect(shapeOf(`{ a: me { name } b: me { fullName: name } }`).aliases).toBe(3);
    expect(shapeOf(`{ me { name } }`).aliases).toBe(0);
  });

  it("counts a fragment's aliases once for each use of the fragment", () => {
    const query = `{ me { ...Names ... on Staff { ...Names } } } fragment Names on Staff { first: name second: name }`;
    expect(shapeOf(query).aliases).toBe(4);
  });

  it("measures a fragment used exponentially often in time linear in the document", () => {
    const started = performance.now();
    expect(shapeOf(fragmentBomb(12, "x: __typename"))).toEqual({ depth: 1, aliases: 2 ** 11 });
    expect(shapeOf(fragmentBomb(200, "x: __typename")).aliases).toBe(Number.MAX_SAFE_INTEGER);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
