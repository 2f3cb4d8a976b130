import DataLoader from "dataloader";
import { getTableName, type Column, type InferSelectModel } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database, Tables } from "../db/database.js";
import { KeptUntilChanged } from "../db/keptUntilChanged.js";
import { groupBy } from "../db/groupBy.js";
import { rowsWithKeys } from "../db/rowsWithKeys.js";
import { contactPagesLoader } from "./contactPages.js";

type Row<T extends SQLiteTable> = InferSelectModel<T>;

/** A loader of each episode's rows of one relation. */
export type RowsByEpisode<R> = DataLoader<string, R[]>;

/**
 * A loader of the rows of `table` whose `column` equals each key, batched into one `IN (...)` query per
 * tick, so a list of fifty episodes loads its children in one statement per relation, not fifty.
 */
export function rowsByKey<T extends SQLiteTable>(database: Database, table: T, column: Column, keyOf: (row: Row<T>) => string, options: DataLoader.Options<string, Row<T>[]> = {}) {
  const read = rowsWithKeys(database, table, column);
  return new DataLoader<string, Row<T>[]>(async (keys) => {
    const rows = await read(keys);
    const grouped = groupBy(rows, keyOf);
    return keys.map((key) => grouped.get(key) ?? []);
  }, options);
}

/**
 * Gathers a loader's keys until the event loop's next turn instead of the end of the current tick. A person's
 * record asks for its shown episode's assessments and reviews (its lists, its suicide-risk flag) and, one
 * round of loading later, once the person's episodes are known, for every episode's (the person's flag, R-RISK-2):
 * the reads of one request all settle within one turn, so waiting for the turn's end puts both rounds' keys in
 * one statement, where each round would otherwise run its own.
 */
const untilTheTurnEnds = { batchScheduleFn: (dispatch: () => void) => void setImmediate(dispatch) };

/** A loader of single rows by a unique column. */
export function rowByKey<T extends SQLiteTable>(database: Database, table: T, column: Column, keyOf: (row: Row<T>) => string) {
  const many = rowsByKey(database, table, column, keyOf);
  return new DataLoader<string, Row<T> | null>(async (keys) => (await many.loadMany(keys)).map((rows) => (Array.isArray(rows) ? (rows[0] ?? null) : null)));
}

const keptByDatabase = new WeakMap<Database, Map<string, KeptUntilChanged<unknown, unknown>>>();

/** The values kept for `database` under `name` (one table's rows, in one of the two ways below), made on first use. */
function keptFor<Key, Value>(database: Database, name: string, make: () => KeptUntilChanged<Key, Value>): KeptUntilChanged<Key, Value> {
  let byName = keptByDatabase.get(database);
  if (!byName) keptByDatabase.set(database, (byName = new Map()));
  let kept = byName.get(name);
  if (!kept) byName.set(name, (kept = make() as KeptUntilChanged<unknown, unknown>));
  return kept as KeptUntilChanged<Key, Value>;
}

/**
 * rowByKey for a small table that rarely changes (the teams, the catalogue): the whole table is read once and
 * kept until anything but a read audit is committed (db/keptUntilChanged), so a page does not read its team,
 * or its interventions' catalogue items, again on every request. Its rows are shared between requests: they
 * are mapped to GraphQL objects (Team.of, CatalogueItem.of), never changed.
 */
export function keptRowByKey<T extends SQLiteTable>(database: Database, table: T, keyOf: (row: Row<T>) => string) {
  const rows = keptFor<"rows", Map<string, Row<T>>>(database, `whole ${getTableName(table)}`, () => new KeptUntilChanged(database));
  const readAll = async () => new Map((await database.read.select().from(table as SQLiteTable)).map((row) => [keyOf(row as Row<T>), row as Row<T>]));
  return new DataLoader<string, Row<T> | null>(async (keys) => {
    const byKey = await rows.get("rows", readAll);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * rowByKey for a table that most pages read a few rows of and that rarely changes, but is too large to hold
 * whole as keptRowByKey does (the staff: a page's keyworkers, a record's assessors). Each row is kept by its key
 * until anything but a read audit is committed, so a caseload page does not read its keyworker again on every
 * request; the keys not kept are read in one statement, as rowByKey reads them. Rows are shared between
 * requests and never changed; a key with no row is read again each time rather than kept.
 */
export function keptRowByEachKey<T extends SQLiteTable>(database: Database, table: T, column: Column, keyOf: (row: Row<T>) => string) {
  const rows = keptFor<string, Row<T> | null>(database, `${getTableName(table)} by ${column.name}`, () => new KeptUntilChanged(database, (row) => row !== null));
  const read = rowByKey(database, table, column, keyOf);
  return new DataLoader<string, Row<T> | null>((keys) => Promise.all(keys.map((key) => rows.get(key, () => read.load(key)))));
}

/** How each per-request loader is built, from the database and the request's other loaders. */
const LOADER_BUILDS = {
  teamById: (database: Database, t: Tables) => keptRowByKey(database, t.teams, (row) => row.id),
  staffById: (database: Database, t: Tables) => keptRowByEachKey(database, t.staff, t.staff.id, (row) => row.id),
  teamIdsByStaff: (database: Database, t: Tables) => rowsByKey(database, t.staffTeams, t.staffTeams.staffId, (row) => row.staffId),
  staffIdsByTeam: (database: Database, t: Tables) => rowsByKey(database, t.staffTeams, t.staffTeams.teamId, (row) => row.teamId),
  catalogueItemByCode: (database: Database, t: Tables) => keptRowByKey(database, t.catalogueItems, (row) => row.code),
  problemSubstancesByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.problemSubstances, t.problemSubstances.episodeId, (row) => row.episodeId),
  assessmentsByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.assessments, t.assessments.episodeId, (row) => row.episodeId, untilTheTurnEnds),
  plansByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.recoveryPlans, t.recoveryPlans.episodeId, (row) => row.episodeId),
  goalsByPlan: (database: Database, t: Tables) => rowsByKey(database, t.planGoals, t.planGoals.planId, (row) => row.planId),
  budgetLinesByPlan: (database: Database, t: Tables) => rowsByKey(database, t.budgetLines, t.budgetLines.planId, (row) => row.planId),
  reviewsByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.reviews, t.reviews.episodeId, (row) => row.episodeId, untilTheTurnEnds),
  goalProgressByReview: (database: Database, t: Tables) => rowsByKey(database, t.goalProgress, t.goalProgress.reviewId, (row) => row.reviewId),
  interventionsByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.interventions, t.interventions.episodeId, (row) => row.episodeId),
  outcomesByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.outcomeRecords, t.outcomeRecords.episodeId, (row) => row.episodeId),
  contactsByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.contacts, t.contacts.episodeId, (row) => row.episodeId),
  contactPages: (database: Database, _t: Tables, loaders: { readonly contactsByEpisode: Parameters<typeof contactPagesLoader>[1] }) => contactPagesLoader(database, loaders.contactsByEpisode),
  harmReductionByEpisode: (database: Database, t: Tables) => rowsByKey(database, t.harmReductionRecords, t.harmReductionRecords.episodeId, (row) => row.episodeId),
};

/**
 * The per-request loaders for records reached through relations. They load only what a resolver already
 * proved is in scope (a child of an episode the viewer may see), so they apply no scope of their own.
 */
export type Loaders = { readonly [Name in keyof typeof LOADER_BUILDS]: ReturnType<(typeof LOADER_BUILDS)[Name]> };

/**
 * Each loader is built when a resolver first asks for it: a caseload page uses two of the seventeen, and
 * building them all for every request (a loader, a statement looked up by name, a cache) was about half a per
 * cent of it. The getters are defined once, on the prototype, so every request's loaders have one shape.
 */
class RequestLoaders {
  readonly built = new Map<string, unknown>();
  constructor(readonly database: Database) {}
}

for (const [name, build] of Object.entries(LOADER_BUILDS) as [string, (database: Database, t: Tables, loaders: Loaders) => unknown][]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      let loader = this.built.get(name);
      if (loader === undefined) this.built.set(name, (loader = build(this.database, this.database.tables, this as unknown as Loaders)));
      return loader;
    },
  });
}

export function createLoaders(database: Database): Loaders {
  return new RequestLoaders(database) as unknown as Loaders;
}

