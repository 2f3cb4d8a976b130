import type { Db } from "./database.js";
import { mapRowsCompiled } from "./rowMapper.js";

/** Shapes kept per database handle; a provider's lists come in a few dozen, each viewer's own among them. */
const CAPACITY = 500;

const shapesByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * Statements that the query builder would build identically on every request of one shape, built once per
 * shape and kept. A list's SQL (conditions, flag expressions, order) follows entirely from the request's
 * shape: who asks, the filter, the order, the page and the day. Building it cost more than the database
 * took to run it, so a keyworker opening their caseload again runs the statements already built, with
 * what still varies per request (the moment, for break-glass grants) bound as placeholders.
 *
 * `shape` must hold every input of `build` but those placeholders: it is compared as JSON. Least recently
 * used shapes are dropped beyond CAPACITY.
 */
export function statementsForShape<Statements>(db: Db, kind: string, shape: unknown, build: () => Statements): Statements {
  let shapes = shapesByDb.get(db);
  if (!shapes) shapesByDb.set(db, (shapes = new Map()));
  const key = `${kind}\u0000${JSON.stringify(shape)}`;
  const known = shapes.get(key);
  if (known !== undefined) {
    // Refreshed as the most recently used.
    shapes.delete(key);
    shapes.set(key, known);
    return known as Statements;
  }
  const built = build();
  shapes.set(key, built);
  if (shapes.size > CAPACITY) shapes.delete(shapes.keys().next().value as string);
  return built;
}

/** A statement prepared by the query builder, run with its placeholders' values. */
export interface PreparedStatement<Row> {
  execute(values: Record<string, unknown>): Promise<Row[]>;
}

interface Preparable {
  prepare(name?: string): { execute(values: Record<string, unknown>): unknown };
}

/**
 * Prepares a built select for repeated runs. Unnamed by default: on Postgres a named statement would stay on
 * every connection for each shape ever seen, so kept shapes are planned per run there, as unprepared queries
 * are; a fixed statement (db/preparedSelect) passes its unique name.
 */
export function prepareSelect<Row>(query: unknown, name?: string): PreparedStatement<Row> {
  const prepared = (query as Preparable).prepare(name);
  mapRowsCompiled(prepared);
  return { execute: async (values) => (await prepared.execute(values)) as Row[] };
}
