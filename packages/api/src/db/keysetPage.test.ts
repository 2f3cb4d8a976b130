import { describe, expect, it } from "vitest";
import { mapNodes } from "../graphql/relay.js";
import { decodeCursor, pageFromRows } from "./keysetPage.js";

describe("pageFromRows: a page's item cursors", () => {
  const rows = Array.from({ length: 6 }, (_, index) => ({ id: `row-${index}`, day: `2026-01-0${index + 1}` }));

  function page() {
    const encoded: string[] = [];
    const connection = pageFromRows(
      rows,
      5,
      (row) => (encoded.push(row.id), [row.day, row.id]),
      (row) => ({ name: row.id.toUpperCase() }),
      rows.length,
      false,
    );
    return { connection, encoded };
  }

  it("encodes only the cursors that are read: the page info's when asked for, an item's when asked", () => {
    const { connection, encoded } = page();
    expect(connection.edges).toHaveLength(5);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.pageInfo.hasPreviousPage).toBe(false);
    // A page of a hundred items whose client pages by endCursor should not encode a hundred cursors, nor a start cursor.
    expect(encoded).toEqual([]);
    expect(decodeCursor(connection.pageInfo.endCursor ?? "", 2)).toEqual(["2026-01-05", "row-4"]);
    expect(encoded).toEqual(["row-4"]);
    expect(decodeCursor(connection.edges[2]?.cursor ?? "", 2)).toEqual(["2026-01-03", "row-2"]);
    expect(decodeCursor(connection.pageInfo.startCursor ?? "", 2)).toEqual(["2026-01-01", "row-0"]);
    expect(encoded).toEqual(["row-4", "row-2", "row-0"]);
  });

  it("has no cursors for an empty page", () => {
    const connection = pageFromRows([] as typeof rows, 5, (row) => [row.day, row.id], (row) => row, 0, true);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it("keeps each item's own cursor when its node is mapped into a GraphQL type, still encoding none until read", () => {
    const { connection, encoded } = page();
    const mapped = mapNodes(connection, (node) => ({ label: `${node.name}!` }));
    expect(mapped.edges.map((edge) => edge.node.label)).toEqual(["ROW-0!", "ROW-1!", "ROW-2!", "ROW-3!", "ROW-4!"]);
    expect(mapped.pageInfo).toBe(connection.pageInfo);
    expect(mapped.totalCount).toBe(6);
    expect(encoded).toEqual([]);
    expect(mapped.edges.map((edge) => decodeCursor(edge.cursor, 2)[1])).toEqual(["row-0", "row-1", "row-2", "row-3", "row-4"]);
    expect(mapped.edges.map((edge) => edge.cursor)).toEqual(connection.edges.map((edge) => edge.cursor));
  });
});
