import { addDays, ageOn, type IsoDate } from "@waymark/core";
import cliProgress from "cli-progress";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/database.js";
import { toAssessment, toContact, toEpisode, toIntervention, toRecoveryPlan, toReview, toServiceUser, type ServiceUserRow } from "../../db/mappers.js";
import { ensureReferenceData } from "../../services/bootstrap.js";
import { episodeSummaryColumns } from "../../services/episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "../../services/referenceData.js";
import { createStaffAccount } from "../../services/staffAccounts.js";
import { createTeam } from "../../services/teams.js";
import { Random } from "../random.js";
import { SyntheticIds } from "./identifiers.js";
import { bulkWriterFor, type BulkRow, type BulkTable } from "./bulkWriter.js";
import type { EpisodeRows } from "./episodeRows.js";
import { SyntheticJourney, type TeamStaff } from "./journey.js";
import { SYNTHETIC_PASSWORD, SYNTHETIC_TEAMS, syntheticAccounts } from "./organisation.js";
import { SyntheticPeople } from "./person.js";

export interface SyntheticOptions {
  readonly people: number;
  /** The generator's seed: the same seed, size and "today" give the same provider. */
  readonly seed: number;
  readonly today: IsoDate;
  /** Draws progress on a terminal; off for tests and logs. */
  readonly progress: boolean;
}

export interface SyntheticResult {
  readonly people: number;
  readonly episodes: number;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly rowsByTable: Readonly<Record<BulkTable, number>>;
}

/** People generated and written together, in one transaction. */
const BATCH_PEOPLE = 500;
/** Referrals spread over the last six years, so every stage and length of journey is present today. */
const HISTORY_DAYS = 6 * 365;

async function createOrganisation(database: Database, now: Date, ids: SyntheticIds): Promise<TeamStaff[]> {
  const t = database.tables;
  return database.write(async (tx) => {
    const teams = [];
    for (const team of SYNTHETIC_TEAMS) teams.push(await createTeam(tx, t, { id: ids.next(), name: team.name, minAge: team.minAge, maxAge: team.maxAge, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21 }, now));
    const staff: TeamStaff[] = teams.map((team) => ({ teamId: team.id, keyworkerIds: [], leadId: "" }));
    for (const account of syntheticAccounts()) {
      const teamIds = account.teams.map((number) => staff[number - 1]?.teamId ?? "");
      const id = await createStaffAccount(tx, t, { id: ids.next(), name: account.name, email: account.email, roles: account.roles, teamIds, password: SYNTHETIC_PASSWORD }, now);
      for (const number of account.teams) {
        const team = staff[number - 1];
        if (!team) continue;
        if (account.roles.includes("TEAM_LEAD")) staff[number - 1] = { ...team, leadId: id };
        else (team.keyworkerIds as string[]).push(id);
      }
    }
    return staff;
  });
}

/** The derived columns every write keeps on an episode, computed by core from the generated records. */
function summarise(person: ServiceUserRow, episodes: readonly EpisodeRows[], today: IsoDate, context: { catalogue: Awaited<ReturnType<typeof loadCatalogue>>; settings: Awaited<ReturnType<typeof loadServiceSettings>> }): void {
  const serviceUser = toServiceUser(person);
  const personInterventions = episodes.flatMap((rows) => rows.interventions.map(toIntervention));
  for (const rows of episodes) {
    const records = {
      episode: toEpisode(rows.episode, rows.substances),
      serviceUser,
      assessments: rows.assessments.map(toAssessment),
      plans: rows.plans.map((plan) => toRecoveryPlan(plan, rows.goals.filter((goal) => goal.planId === plan.id), [])),
      reviews: rows.reviews.map((review) => toReview(review, [])),
      interventions: rows.interventions.map(toIntervention),
      contacts: rows.contacts.map(toContact),
    };
    Object.assign(rows.episode, episodeSummaryColumns(records, personInterventions, today, context.catalogue, context.settings));
  }
}

function emptyBatch(): Map<BulkTable, BulkRow[]> {
  return new Map<BulkTable, BulkRow[]>();
}

function addRows(batch: Map<BulkTable, BulkRow[]>, table: BulkTable, rows: readonly object[]): void {
  let list = batch.get(table);
  if (!list) batch.set(table, (list = []));
  for (const row of rows) list.push(row as BulkRow);
}

/**
 * Fills an empty database with a large made-up provider for measuring Waymark: `people` people in four teams
 * of ten keyworkers, with about 1.5 episodes each at every stage of the journey, about ten interventions and
 * twenty contacts per treated episode, reviews every twelve weeks (some late, some missed), TOPs and DNAs.
 * Rows are written in bulk, not through the API (see bulkWriter.ts), but every episode's derived columns come
 * from core, as a write through the API would set them.
 */
export async function seedSyntheticProvider(database: Database, options: SyntheticOptions): Promise<SyntheticResult> {
  const t = database.tables;
  const [{ count } = { count: 0 }] = await database.read.select({ count: sql<number>`count(*)` }).from(t.staff);
  if (Number(count) > 0) throw new Error("A synthetic provider can only be written into an empty database, and this one already has staff accounts.");
  const started = Date.now();
  const setUpOn = addDays(options.today, -HISTORY_DAYS - 30);
  await ensureReferenceData(database, new Date(`${setUpOn}T08:00:00.000Z`));
  const random = new Random(options.seed);
  const ids = new SyntheticIds(random.fork("ids"));
  const teams = await createOrganisation(database, new Date(`${setUpOn}T08:00:00.000Z`), ids);
  const catalogue = await loadCatalogue(database.read, t);
  const settings = await loadServiceSettings(database.read, t);
  const peopleRandom = random.fork("people");
  const people = new SyntheticPeople(peopleRandom, ids);
  const journey = new SyntheticJourney(random.fork("journeys"), ids, options.today, catalogue.items);
  const writer = bulkWriterFor(database);
  const rowsByTable = Object.fromEntries(
    (["serviceUsers", "episodes", "problemSubstances", "assessments", "recoveryPlans", "planGoals", "reviews", "interventions", "outcomeRecords", "contacts", "harmReductionRecords"] as const).map((table) => [table, 0]),
  ) as Record<BulkTable, number>;
  const bar = options.progress ? new cliProgress.SingleBar({ format: "Generating {bar} {percentage}% | {value}/{total} people | {rate} rows/s | ETA {eta_formatted}", hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(options.people, 0, { rate: 0 });

  let batch = emptyBatch();
  let episodeCount = 0;
  const flush = async () => {
    for (const [table, rows] of batch) rowsByTable[table] += rows.length;
    await writer.write(batch);
    batch = emptyBatch();
  };
  for (let sequence = 1; sequence <= options.people; sequence += 1) {
    const teamDraw = peopleRandom.weighted(SYNTHETIC_TEAMS.map((team, index) => [index, team.share] as const));
    const team = teams[teamDraw] as TeamStaff;
    const youngPeople = SYNTHETIC_TEAMS[teamDraw]?.maxAge != null;
    const firstReferral = addDays(options.today, -peopleRandom.int(0, HISTORY_DAYS));
    // Two draws added make adults cluster around forty, as treatment populations do.
    const age = youngPeople ? peopleRandom.int(13, 23) : 18 + peopleRandom.int(0, 20) + peopleRandom.int(0, 25);
    const person = people.make(age, firstReferral, team.leadId, team.teamId, new Date(`${firstReferral}T09:00:00.000Z`));
    const wantedEpisodes = peopleRandom.weighted([[1, 45], [2, 35], [3, 20]] as const);
    const episodes: EpisodeRows[] = [];
    let referral = firstReferral;
    for (let index = 0; index < wantedEpisodes && referral <= options.today; index += 1) {
      const ageNow = ageOn(person.dateOfBirth, referral);
      const rows = journey.episode(person, referral, ageNow < 18, team);
      episodes.push(rows);
      if (!rows.episode.dischargeDate) break;
      referral = addDays(rows.episode.dischargeDate, peopleRandom.int(30, 400));
    }
    summarise(person, episodes, options.today, { catalogue, settings });
    episodeCount += episodes.length;
    addRows(batch, "serviceUsers", [person]);
    for (const rows of episodes) {
      addRows(batch, "episodes", [rows.episode]);
      addRows(batch, "problemSubstances", rows.substances);
      addRows(batch, "assessments", rows.assessments);
      addRows(batch, "recoveryPlans", rows.plans);
      addRows(batch, "planGoals", rows.goals);
      addRows(batch, "reviews", rows.reviews);
      addRows(batch, "interventions", rows.interventions);
      addRows(batch, "outcomeRecords", rows.outcomes);
      addRows(batch, "contacts", rows.contacts);
      addRows(batch, "harmReductionRecords", rows.harmReduction);
    }
    if (sequence % BATCH_PEOPLE === 0 || sequence === options.people) {
      await flush();
      const written = Object.values(rowsByTable).reduce((sum, rows) => sum + rows, 0);
      bar?.update(sequence, { rate: Math.round(written / Math.max(0.001, (Date.now() - started) / 1000)) });
    }
  }
  bar?.stop();
  await writer.finish();
  const seconds = (Date.now() - started) / 1000;
  const rows = Object.values(rowsByTable).reduce((sum, count) => sum + count, 0);
  return { people: options.people, episodes: episodeCount, rows, seconds, rowsPerSecond: Math.round(rows / seconds), rowsByTable };
}
