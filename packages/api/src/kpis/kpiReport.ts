import { assertKpiPeriod, type KpiReport } from "@waymark/core";
import type { Database } from "../db/database.js";
import { SerialQueue } from "../db/serialQueue.js";
import { loadServiceSettings } from "../services/referenceData.js";
import type { GroupNames } from "./breakdownGroups.js";
import { waitingTime } from "./k02WaitingTime.js";
import { reviewsOnTime } from "./k03ReviewsOnTime.js";
import { topCompliance } from "./k04TopCompliance.js";
import { exits } from "./k07Exits.js";
import { longTermOst } from "./k08LongTermOst.js";
import { sharedCare } from "./k09SharedCare.js";
import { didNotAttend } from "./k10DidNotAttend.js";
import { caseloadSize } from "./k11CaseloadSize.js";
import { outcomes } from "./k12Outcomes.js";
import { roscCoverage } from "./k13RoscCoverage.js";
import type { KpiRequest } from "./kpiRequest.js";
import type { KpiQuery } from "./population.js";
import { kpiSqlOf } from "./sqlDialect.js";
import { harmReductionFrom, numbersInTreatmentFrom, representationsFrom, successfulCompletionsFrom } from "./treatmentIndicators.js";
import { treatmentPopulation } from "./treatmentPopulation.js";

/** Team and staff names, for the labels of TEAM and KEYWORKER groups. */
async function groupNames(database: Database): Promise<GroupNames> {
  const { read: db, tables: t } = database;
  const [teams, staff] = await Promise.all([
    db.select({ id: t.teams.id, name: t.teams.name }).from(t.teams),
    db.select({ id: t.staff.id, name: t.staff.name }).from(t.staff),
  ]);
  return { teams: new Map(teams.map((team) => [team.id, team.name])), staff: new Map(staff.map((member) => [member.id, member.name])) };
}

/**
 * K-1..K-14 for one period, population and breakdown, computed in the database: the same report as core's
 * `computeKpis` over the same records (the property test holds the two together), in about fifteen statements
 * whatever the number of episodes. The request's team and keyworker IDs are stored
 * IDs; access (a team lead's teams) is already in its filter.
 */
export function kpiReport(database: Database, request: KpiRequest): Promise<KpiReport> {
  return reportQueueOf(database).run(() => computeReport(database, request));
}

/**
 * Reports run one at a time per database. A year's report on a large provider is seconds of database work and
 * holds tens of thousands of rows while it runs: several at once would each take as long as all of them
 * together and hold all their rows at the same moment. In turn, the first asked is the first answered and
 * memory stays bounded.
 */
const reportQueues = new WeakMap<Database, SerialQueue>();

function reportQueueOf(database: Database): SerialQueue {
  let queue = reportQueues.get(database);
  if (!queue) reportQueues.set(database, (queue = new SerialQueue()));
  return queue;
}

async function computeReport(database: Database, request: KpiRequest): Promise<KpiReport> {
  assertKpiPeriod(request.period);
  const query: KpiQuery = {
    db: kpiSqlOf(database),
    period: request.period,
    asOf: request.asOf ?? request.period.to,
    breakdown: request.breakdown ?? null,
    filter: request.filter ?? {},
  };
  const { breakdown } = query;
  const [names, settings] = await Promise.all([groupNames(database), loadServiceSettings(database.read, database.tables)]);
  // Asked for together: on SQLite they run side by side on the background readers, as many at once as there
  // are readers, in the order written (the longest first).
  const treated = treatmentPopulation(query);
  const [population, k3, k2, k4, k7, k8, k9, k10, k11, k12, k13] = await Promise.all([
    treated,
    reviewsOnTime(query, names),
    waitingTime(query, names),
    topCompliance(database, query, { settings }, names),
    exits(query, names),
    longTermOst(query, names),
    sharedCare(query, names),
    didNotAttend(query, names),
    caseloadSize(query, names),
    outcomes(query, names),
    roscCoverage(query, treated, names),
  ]);
  return {
    period: request.period,
    asOf: query.asOf,
    breakdown,
    filter: query.filter,
    indicators: {
      "K-1": numbersInTreatmentFrom(population, breakdown, names),
      "K-2": k2,
      "K-3": k3,
      "K-4": k4,
      "K-5": successfulCompletionsFrom(population, breakdown, names),
      "K-6": representationsFrom(population, breakdown, names),
      "K-7": k7,
      "K-8": k8,
      "K-9": k9,
      "K-10": k10,
      "K-11": k11,
      "K-12": k12,
      "K-13": k13,
      "K-14": harmReductionFrom(population, breakdown, names),
    },
  };
}
