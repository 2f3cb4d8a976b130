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

/**
 * drizzle's row mapping (mapResultRow), worked out once per statement instead of once per row: which decoder
 * each column takes, where it goes, and which joined object becomes null when its join found no row. drizzle
 * works all of that out again for every column of every row; for a page of fifty people with their episodes
 * that took longer than the database took to read them. The result is the same object drizzle builds.
 */
export function compileRowMapper(fields: readonly SelectedField[], joinsNotNullableMap: Record<string, boolean> | undefined): (row: readonly unknown[]) => Record<string, unknown> {
  const columns = fields.map(({ path, field }) => ({ parents: path.slice(0, -1), key: path[path.length - 1] as string, decoder: decoderOf(field) }));

  // drizzle nulls a joined object (a two-level path of table columns) when its first column is null, all its
  // columns come from one table, and that table's join may find no row.
  const nullableObjects: { name: string; firstColumn: number }[] = [];
  if (joinsNotNullableMap) {
    const objects = new Map<string, { firstColumn: number; tables: Set<string> }>();
    fields.forEach(({ path, field }, index) => {
      if (!is(field, Column) || path.length !== 2) return;
      const name = path[0] as string;
      const object = objects.get(name) ?? { firstColumn: index, tables: new Set<string>() };
      object.tables.add(getTableName(field.table));
      objects.set(name, object);
    });
    for (const [name, { firstColumn, tables }] of objects) {
      const [table] = [...tables];
      if (tables.size === 1 && table !== undefined && !joinsNotNullableMap[table]) nullableObjects.push({ name, firstColumn });
    }
  }

  return (row) => {
    const result: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index += 1) {
      const { parents, key, decoder } = columns[index] as (typeof columns)[number];
      let node = result;
      for (const parent of parents) node = (node[parent] ??= {}) as Record<string, unknown>;
      const raw = row[index];
      node[key] = raw === null ? null : decoder.mapFromDriverValue(raw);
    }
    for (const { name, firstColumn } of nullableObjects) {
      const first = columns[firstColumn] as (typeof columns)[number];
      if ((result[name] as Record<string, unknown>)[first.key] === null) result[name] = null;
    }
    return result;
  };
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
