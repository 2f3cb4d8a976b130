import { Column, getTableName, is, SQL, Subquery } from "drizzle-orm";

/** One selected field of a built select, as drizzle lists them: where it goes in the row object, and what it is. */
interface SelectedField {
  readonly path: readonly string[];
  readonly field: unknown;
}

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/** The parts of a prepared select that map its rows (drizzle 0.45's SQLite and node-postgres prepared queries). */
interface MappablePreparedQuery {
  fields?: readonly SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
  executeMethod?: string;
}

/** drizzle keeps an SQL field's decoder (its mapWith) on the SQL object, outside its typed surface. */
type DecodedSql = { readonly decoder: Decoder };

function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return (field as unknown as DecodedSql).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: DecodedSql } })._.sql.decoder;
  return (field as { sql: DecodedSql }).sql.decoder;
}

/** An object literal's tree: the columns (by index) and nested objects at each key, in drizzle's key order. */
type Shape = Map<string, number | Shape>;

function literalOf(shape: Shape): string {
  const entries = [...shape].map(([key, value]) => `${JSON.stringify(key)}: ${typeof value === "number" ? `row[${value}] === null ? null : decoders[${value}].mapFromDriverValue(row[${value}])` : literalOf(value)}`);
  return `{ ${entries.join(", ")} }`;
}

/**
 * drizzle's row mapping (mapResultRow), worked out once per statement instead of once per row: which decoder
 * each column takes, where it goes, and which joined object becomes null when its join found no row. drizzle
 * works all of that out again for every column of every row; for a page of fifty people with their episodes
 * that took longer than the database took to read them. The result is the same object drizzle builds.
 *
 * The mapper is generated as one object literal per statement (`new Function`, from the statement's own
 * column names, never from a request), so every row of a statement is built in one step with one hidden class.
 * Built key by key in a loop, each assignment was a store to a key the engine could not predict, and mapping
 * rows was a fortieth of a person's record.
 */
export function compileRowMapper(fields: readonly SelectedField[], joinsNotNullableMap: Record<string, boolean> | undefined): (row: readonly unknown[]) => Record<string, unknown> {
  const columns = fields.map(({ path, field }) => ({ path, decoder: decoderOf(field) }));

  // drizzle nulls a joined object (a two-level path of table columns) when its first column is null, all its
  // columns come from one table, and that table's join may find no row.
  const nullableObjects: { name: string; firstKey: string }[] = [];
  if (joinsNotNullableMap) {
    const objects = new Map<string, { firstKey: string; tables: Set<string> }>();
    fields.forEach(({ path, field }) => {
      if (!is(field, Column) || path.length !== 2) return;
      const name = path[0] as string;
      const object = objects.get(name) ?? { firstKey: path[1] as string, tables: new Set<string>() };
      object.tables.add(getTableName(field.table));
      objects.set(name, object);
    });
    for (const [name, { firstKey, tables }] of objects) {
      const [table] = [...tables];
      if (tables.size === 1 && table !== undefined && !joinsNotNullableMap[table]) nullableObjects.push({ name, firstKey });
    }
  }

  const shape: Shape = new Map();
  columns.forEach(({ path }, index) => {
    let node = shape;
    for (const parent of path.slice(0, -1)) {
      let child = node.get(parent);
      if (typeof child !== "object") node.set(parent, (child = new Map()));
      node = child;
    }
    node.set(path[path.length - 1] as string, index);
  });
  // An object literal does not own a "__proto__" key: `{"__proto__": x}` sets its prototype instead.
  if (columns.some(({ path }) => path.includes("__proto__"))) throw new Error("A selected field cannot be named __proto__: an object literal would not hold it as its own key");

  const nullings = nullableObjects.map(({ name, firstKey }) => `if (result[${JSON.stringify(name)}][${JSON.stringify(firstKey)}] === null) result[${JSON.stringify(name)}] = null;`);
  const source = `return (row) => { const result = ${literalOf(shape)}; ${nullings.join(" ")} return result; };`;
  return new Function("decoders", source)(columns.map(({ decoder }) => decoder)) as (row: readonly unknown[]) => Record<string, unknown>;
}

/**
 * Has a prepared select map its rows with `compileRowMapper`. Only for a select run for all its rows (what
 * `prepare` on a select gives); one drizzle prepared for a single row, or mapping its rows its own way, is
 * left as it is.
 */
export function mapRowsCompiled(prepared: unknown): void {
  const query = prepared as MappablePreparedQuery;
  if (!query.fields || query.customResultMapper || (query.executeMethod !== undefined && query.executeMethod !== "all")) return;
  const map = compileRowMapper(query.fields, query.joinsNotNullableMap);
  query.customResultMapper = (rows) => rows.map(map);
}
