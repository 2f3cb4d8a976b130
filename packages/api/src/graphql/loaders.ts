import DataLoader from "dataloader";
import type { Column, InferSelectModel } from "drizzle-orm";
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
export function rowsByKey<T extends SQLiteTable>(database: Database, table: T, column: Column, keyOf: (row: Row<T>) => string) {
  const read = rowsWithKeys(database, table, column);
  return new DataLoader<string, Row<T>[]>(async (keys) => {
    const rows = await read(keys);
    const grouped = groupBy(rows, keyOf);
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

/** A loader of single rows by a unique column. */
export function rowByKey<T extends SQLiteTable>(database: Database, table: T, column: Column, keyOf: (row: Row<T>) => string) {
  const many = rowsByKey(database, table, column, keyOf);
  return new DataLoader<string, Row<T> | null>(async (keys) => (await many.loadMany(keys)).map((rows) => (Array.isArray(rows) ? (rows[0] ?? null) : null)));
}

const keptTables = new WeakMap<Database, Map<SQLiteTable, KeptUntilChanged<"rows", Map<string, unknown>>>>();

/**
 * rowByKey for a small table that rarely changes (the teams, the catalogue): the whole table is read once and
 * kept until anything but a read audit is committed (db/keptUntilChanged), so a page does not read its team,
 * or its interventions' catalogue items, again on every request. Its rows are shared between requests: they
 * are mapped to GraphQL objects (Team.of, CatalogueItem.of), never changed.
 */
export function keptRowByKey<T extends SQLiteTable>(database: Database, table: T, keyOf: (row: Row<T>) => string) {
  let byTable = keptTables.get(database);
  if (!byTable) keptTables.set(database, (byTable = new Map()));
  let kept = byTable.get(table);
  if (!kept) byTable.set(table, (kept = new KeptUntilChanged(database)));
  const rows = kept as KeptUntilChanged<"rows", Map<string, Row<T>>>;
  const readAll = async () => new Map((await database.read.select().from(table as SQLiteTable)).map((row) => [keyOf(row as Row<T>), row as Row<T>]));
  return new DataLoader<string, Row<T> | null>(async (keys) => {
    const byKey = await rows.get("rows", readAll);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * The per-request loaders for records reached through relations. They load only what a resolver already
 * proved is in scope (a child of an episode the viewer may see), so they apply no scope of their own.
 */
export function createLoaders(database: Database) {
  const t: Tables = database.tables;
  const contactsByEpisode = rowsByKey(database, t.contacts, t.contacts.episodeId, (row) => row.episodeId);
  return {
    teamById: keptRowByKey(database, t.teams, (row) => row.id),
    staffById: rowByKey(database, t.staff, t.staff.id, (row) => row.id),
    teamIdsByStaff: rowsByKey(database, t.staffTeams, t.staffTeams.staffId, (row) => row.staffId),
    staffIdsByTeam: rowsByKey(database, t.staffTeams, t.staffTeams.teamId, (row) => row.teamId),
    catalogueItemByCode: keptRowByKey(database, t.catalogueItems, (row) => row.code),
    problemSubstancesByEpisode: rowsByKey(database, t.problemSubstances, t.problemSubstances.episodeId, (row) => row.episodeId),
    assessmentsByEpisode: rowsByKey(database, t.assessments, t.assessments.episodeId, (row) => row.episodeId),
    plansByEpisode: rowsByKey(database, t.recoveryPlans, t.recoveryPlans.episodeId, (row) => row.episodeId),
    goalsByPlan: rowsByKey(database, t.planGoals, t.planGoals.planId, (row) => row.planId),
    budgetLinesByPlan: rowsByKey(database, t.budgetLines, t.budgetLines.planId, (row) => row.planId),
    reviewsByEpisode: rowsByKey(database, t.reviews, t.reviews.episodeId, (row) => row.episodeId),
    goalProgressByReview: rowsByKey(database, t.goalProgress, t.goalProgress.reviewId, (row) => row.reviewId),
    interventionsByEpisode: rowsByKey(database, t.interventions, t.interventions.episodeId, (row) => row.episodeId),
    outcomesByEpisode: rowsByKey(database, t.outcomeRecords, t.outcomeRecords.episodeId, (row) => row.episodeId),
    contactsByEpisode,
    contactPages: contactPagesLoader(database, contactsByEpisode),
    harmReductionByEpisode: rowsByKey(database, t.harmReductionRecords, t.harmReductionRecords.episodeId, (row) => row.episodeId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
