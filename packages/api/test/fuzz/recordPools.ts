import type { EpisodeStatus } from "@waymark/core";
import { is, Table } from "drizzle-orm";
import { toGlobalId } from "../../src/graphql/globalId.js";
import type { Organisation } from "../fixtures.js";
import { RecordBuilder, type CallerAccount, type EpisodeRecords } from "../roleMatrix/matrixRecords.js";
import type { TestServer } from "../testServer.js";

/** Global IDs of the records in the database, by the type named inside them. */
export type IdPools = Readonly<Record<string, readonly string[]>>;

/** The global ID type of each table's rows, and the column its local id is in. */
const GLOBAL_TYPES = {
  serviceUsers: ["ServiceUser", "id"],
  episodes: ["Episode", "id"],
  assessments: ["Assessment", "id"],
  recoveryPlans: ["RecoveryPlan", "id"],
  planGoals: ["Goal", "id"],
  reviews: ["Review", "id"],
  interventions: ["Intervention", "id"],
  outcomeRecords: ["OutcomeRecord", "id"],
  contacts: ["Contact", "id"],
  harmReductionRecords: ["HarmReductionRecord", "id"],
  staff: ["StaffMember", "id"],
  teams: ["Team", "id"],
  catalogueItems: ["CatalogueItem", "code"],
  apiTokens: ["ApiToken", "id"],
  exportJobs: ["ExportJob", "id"],
} as const;

/** The type names real records carry, for forging IDs of a type that exists around an id that does not. */
export const RECORD_TYPES: readonly string[] = Object.values(GLOBAL_TYPES).map(([type]) => type);

/** Every record's global ID, read from the database, so generated inputs can name records that exist. */
export async function idPools(server: TestServer): Promise<IdPools> {
  const tables = server.database.tables as unknown as Record<string, unknown>;
  const pools: Record<string, string[]> = {};
  for (const [key, [type, column]] of Object.entries(GLOBAL_TYPES)) {
    const table = tables[key];
    if (!is(table, Table)) throw new Error(`The schema has no table ${key}`);
    const rows = (await server.database.read.select().from(table)) as Record<string, unknown>[];
    pools[type] = rows.map((row) => toGlobalId(type, String(row[column])));
  }
  return pools;
}

/** The journey states a fuzzed mutation finds episodes in: one of each, two in treatment, and a finished one. */
const EPISODE_STATES: readonly EpisodeStatus[] = ["REFERRED", "TRIAGED", "ASSESSED", "IN_TREATMENT", "IN_TREATMENT", "COMPLETED"];

/**
 * Fresh episodes of the keyworker (Kim) in every state, built before each mutation is fuzzed so that what
 * one mutation's accepted cases did (discharges, reassignments, records marked in error) leaves the next
 * mutation with records to act on; and one of the young people's team's, out of the adult team's scope.
 */
export async function buildEpisodes(server: TestServer, organisation: Organisation): Promise<EpisodeRecords[]> {
  const builder = new RecordBuilder(server, organisation, null);
  const built: EpisodeRecords[] = [];
  for (const status of EPISODE_STATES) built.push(await builder.episode(status));
  built.push(await builder.episode("IN_TREATMENT", { teamId: organisation.youngPeopleTeamId, keyworkerId: organisation.staff.youngPeopleKeyworker.id }));
  return built;
}

/**
 * Records of configuration and of the callers' own that mutations name by `id`: catalogue items no record
 * uses, staff accounts that are no one's signed-in session, API tokens, and queued export jobs.
 */
export async function buildConfigurationRecords(server: TestServer, organisation: Organisation, callers: readonly CallerAccount[]): Promise<{ staffTargets: string[]; queuedExports: string[] }> {
  const builder = new RecordBuilder(server, organisation, null);
  const staffTargets: string[] = [];
  for (let index = 0; index < 3; index += 1) {
    await builder.catalogueItem();
    staffTargets.push((await builder.staffAccount()).id);
  }
  const queuedExports: string[] = [];
  for (const caller of callers) {
    const own = new RecordBuilder(server, organisation, caller);
    await own.apiTokenOfCaller();
    queuedExports.push((await own.exportJobOfCaller("QUEUED")).id);
    await own.exportJobOfCaller("COMPLETED");
  }
  return { staffTargets, queuedExports };
}
