import { AGE_BANDS, COHORTS, computeKpis, KPI_BREAKDOWNS, SEXES, type IsoDate, type KpiFilter, type KpiOptions, type ProviderData } from "@waymark/core";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CATALOGUE, STAFF, TEAMS } from "../../core/src/kpis/testData.js";
import { periodArb, providerDataArb } from "../../core/src/kpis/testArbitraries.js";
import { addDays } from "@waymark/core";
import type { Database, Dialect } from "../src/db/database.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { kpiReport } from "../src/kpis/kpiReport.js";
import { updateServiceSettings, type ServiceSettingsChange } from "../src/services/serviceSettings.js";
import { describeEachDialect, freshDatabaseUrl } from "./databases.js";
import { writeClinicalRecords, writeOrganisation } from "./kpiData.js";

/** Some of a list's values, now and then with null (no value recorded) among them. */
const someOf = <V>(values: readonly V[]) => fc.subarray([...values], { minLength: 0 });

/** A filter setting a few of its lists (most runs leave most lists out, as analysts do). */
const filterArb: fc.Arbitrary<KpiFilter> = fc.record(
  {
    teamIds: someOf(TEAMS.map((team) => team.id)),
    keyworkerIds: someOf(["s-ann", "s-bob", null]),
    cohorts: someOf([...COHORTS.codes, null]),
    ageBands: someOf(AGE_BANDS.codes),
    sexes: someOf(SEXES.codes),
    ethnicities: someOf(["WHITE_BRITISH", "ASIAN_INDIAN", "NOT_STATED"] as const),
    postcodeDistricts: someOf(["SO14", "SO15", "M1", null]),
  },
  { requiredKeys: [] },
);

/** A breakdown or none, an `asOf` on or after the period's end or the default, and a filter half the time. */
const optionsArb = (to: string): fc.Arbitrary<KpiOptions> =>
  fc.record(
    {
      breakdown: fc.option(fc.constantFrom(...KPI_BREAKDOWNS), { nil: null }),
      asOf: fc.integer({ min: 0, max: 250 }).map((after) => addDays(to, after)),
      filter: fc.oneof(fc.constant({}), filterArb),
    },
    { requiredKeys: ["breakdown", "filter"] },
  );

const runArb = periodArb.chain((period) => fc.record({ period: fc.constant(period), data: providerDataArb(period), options: optionsArb(period.to) }));

/** Every date the records carry, where an indicator's "on or before" and "after" meet. */
function datesIn(data: ProviderData): IsoDate[] {
  const dates = [
    ...data.episodes.flatMap((episode) => [episode.referral.receivedDate, episode.dischargeDate]),
    ...data.interventions.flatMap((intervention) => [intervention.startDate, intervention.endDate]),
    ...data.outcomes.map((top) => top.date),
    ...data.contacts.map((contact) => contact.date),
    ...data.harmReduction.map((record) => record.date),
    ...data.plans.map((plan) => plan.signedOffDate),
    ...data.reviews.map((review) => review.completedDate),
  ];
  return [...new Set(dates.filter((date): date is IsoDate => date !== null))].sort();
}

/**
 * Runs whose period ends and `asOf` fall on, or a day either side of, the records' own dates, so the edges of
 * every "in the period", "by the end of" and "within N days" are exercised, not just their middles.
 */
const boundaryRunArb = periodArb.chain((basePeriod) =>
  providerDataArb(basePeriod).chain((data) => {
    const dates = datesIn(data);
    if (dates.length === 0) return fc.constant({ period: basePeriod, data, options: {} as KpiOptions });
    const edge = fc.tuple(fc.constantFrom(...dates), fc.constantFrom(-1, 0, 0, 1)).map(([date, shift]) => addDays(date, shift));
    return fc
      .record({ first: edge, second: edge, asOf: fc.option(edge, { nil: undefined }), breakdown: fc.option(fc.constantFrom(...KPI_BREAKDOWNS), { nil: null }), filter: fc.oneof(fc.constant({}), filterArb) })
      .map(({ first, second, asOf, breakdown, filter }) => {
        const period = first <= second ? { from: first, to: second } : { from: second, to: first };
        const options: KpiOptions = asOf !== undefined && asOf >= period.to ? { breakdown, filter, asOf } : { breakdown, filter };
        return { period, data, options };
      });
  }),
);

/** The reference with every fraction or mean replaced by "equal to 1e-9"; counts stay exact. */
function withFractionsClose(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : expect.closeTo(value, 9);
  if (Array.isArray(value)) return value.map(withFractionsClose);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, withFractionsClose(entry)]));
  return value;
}

/** A fresh database per test block with the reference organisation, and service settings changed as given. */
function referenceOrganisation(dialect: Dialect, settings: ServiceSettingsChange = {}): { database: () => Database } {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabaseUrl(dialect);
    drop = fresh.drop;
    database = await openDatabase(fresh.url);
    await writeOrganisation(database, { teams: TEAMS, staff: STAFF, catalogue: CATALOGUE });
    if (Object.keys(settings).length > 0) await database.write((tx) => updateServiceSettings(tx, database.tables, settings, "2025-01-01", new Date()));
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });
  return { database: () => database };
}

describeEachDialect("KPIs computed in SQL against core's reference computeKpis", (dialect) => {
  const organisation = referenceOrganisation(dialect);

  it("K-1..K-14: every figure, split and group equals computeKpis for random journeys, periods, asOf, breakdowns and filters", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ period, data, options }) => {
        await writeClinicalRecords(organisation.database(), data);
        const actual = await kpiReport(organisation.database(), { period, ...options });
        expect(actual).toEqual(withFractionsClose(computeKpis(data, period, options)));
      }),
      { numRuns: 150 },
    );
  });

  it("K-1..K-14: the same holds when the period's ends and asOf fall on, or a day either side of, the records' own dates", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(boundaryRunArb, async ({ period, data, options }) => {
        await writeClinicalRecords(organisation.database(), data);
        const actual = await kpiReport(organisation.database(), { period, ...options });
        expect(actual).toEqual(withFractionsClose(computeKpis(data, period, options)));
      }),
      { numRuns: 300 },
    );
  });
});

describeEachDialect("KPIs computed in SQL against computeKpis, with TOP reviews following plan reviews", (dialect) => {
  const organisation = referenceOrganisation(dialect, { alignTopReviewsWithPlanReviews: true });

  // K-4 then reads each candidate episode's plans and reviews, a chunk of episodes at a time.
  it("K-1..K-14 equal computeKpis when the service aligns TOP reviews with plan reviews", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ period, data, options }) => {
        await writeClinicalRecords(organisation.database(), data);
        const actual = await kpiReport(organisation.database(), { period, ...options });
        expect(actual).toEqual(withFractionsClose(computeKpis({ ...data, settings: { ...data.settings, alignTopReviewsWithPlanReviews: true } }, period, options)));
      }),
      { numRuns: 100 },
    );
  });
});
