import { and, eq, gt, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { badUserInput } from "../graphql/errors.js";
import type { ConnectionShape } from "../graphql/relay.js";

/**
 * One key of a list's order. The last key must be unique (the record's id) so the order is total and a
 * cursor points at exactly one place. Nullable values must be wrapped (coalesce) so comparisons hold.
 */
export interface SortKey {
  readonly expression: SQLWrapper;
  readonly direction: "ASC" | "DESC";
}

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** The refusal of an `after` cursor that some other list (or no list) wrote. */
export function foreignCursor() {
  return badUserInput("after", "This cursor is not from this list. Use a pageInfo.endCursor from the same query.");
}

export function decodeCursor(cursor: string, keyCount: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(values) && values.length === keyCount) return values;
  } catch {
    // fall through to the error below
  }
  throw foreignCursor();
}

/** ORDER BY for the keys. */
export function orderByKeys(keys: readonly SortKey[]): SQL[] {
  return keys.map((key) => (key.direction === "ASC" ? sql`${key.expression} asc` : sql`${key.expression} desc`));
}

/**
 * The condition for rows after `cursor` in the keys' order: (k1 > v1) or (k1 = v1 and k2 > v2) … with each
 * comparison turned round for descending keys. Seeks straight to the page through an index, however deep.
 */
export function afterCursor(keys: readonly SortKey[], cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const values = decodeCursor(cursor, keys.length);
  const branches = keys.map((key, index) => {
    const equalBefore = keys.slice(0, index).map((earlier, position) => eq(earlier.expression as never, values[position]));
    const beyond = key.direction === "ASC" ? gt(key.expression as never, values[index]) : lt(key.expression as never, values[index]);
    return and(...equalBefore, beyond);
  });
  return or(...branches);
}

/**
 * One item of a page. Its cursor is encoded when read: the screens page with `pageInfo.endCursor` and never
 * ask for an item's own cursor, and encoding one for each of a page's fifty or a hundred items was work for
 * nothing.
 */
class KeysetEdge<Row, Node> {
  constructor(
    readonly node: Node,
    private readonly row: Row,
    private readonly cursorValuesOf: (row: Row) => readonly unknown[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.cursorValuesOf(this.row));
  }
}

/**
 * Where a keyset page sits. Its cursors are encoded when read, as an item's are: the screens ask for the end
 * cursor alone, and a person's record has seven lists.
 */
class KeysetPageInfo<Row, Node> {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: readonly KeysetEdge<Row, Node>[],
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/**
 * Turns `first + 1` fetched rows into a connection page: the extra row only tells that a next page exists.
 */
export function pageFromRows<Row, Node>(
  rows: readonly Row[],
  first: number,
  cursorValuesOf: (row: Row) => readonly unknown[],
  toNode: (row: Row) => Node,
  totalCount: number,
  hasPreviousPage: boolean,
): ConnectionShape<Node> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((row) => new KeysetEdge(toNode(row), row, cursorValuesOf));
  return { edges, totalCount, pageInfo: new KeysetPageInfo(rows.length > first, hasPreviousPage, edges) };
}
