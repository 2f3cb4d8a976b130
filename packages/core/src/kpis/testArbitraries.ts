import fc from "fast-check";
import { BBV_STATUSES, CONTACT_KINDS, CONTACT_OUTCOMES, INTERVENTION_SETTINGS } from "../codes/clinical.js";
import { SEXES } from "../codes/demographics.js";
import { DISCHARGE_REASONS } from "../codes/dischargeReason.js";
import type { Substance } from "../codes/substance.js";
import { topSubstanceFor } from "../codes/top.js";
import { addDays, type IsoDate } from "../dates/isoDate.js";
import { NOT_DISCLOSED } from "../records/outcome.js";
import { ProviderDataBuilder, CATALOGUE } from "./testData.js";
import { KPI_BREAKDOWNS, type KpiOptions, type KpiPeriod, type ProviderData } from "./types.js";

/** Periods of the generated runs start from here (random but well-formed data for the indicator properties; tests only). */
const BASE_DATE = "2023-01-01";
const dayOffset = (max: number) => fc.integer({ min: 0, max });
/** About one record in eight is entered in error. */
const enteredInError = fc.integer({ min: 0, max: 7 }).map((roll) => roll === 0);

const interventionArb = fc.record({
  code: fc.oneof(fc.constantFrom("OST_METHADONE", "OST_BUPRENORPHINE"), fc.constantFrom(...CATALOGUE.items.map((item) => item.code))),
  startAfter: fc.oneof({ weight: 3, arbitrary: dayOffset(60) }, { weight: 1, arbitrary: dayOffset(400) }),
  lastsDays: fc.option(dayOffset(900)),
  setting: fc.constantFrom(...INTERVENTION_SETTINGS.codes),
  enteredInError,
});

const topArb = fc.record({
  stage: fc.constantFrom("START" as const, "REVIEW" as const, "REVIEW" as const, "EXIT" as const, "POST_EXIT" as const),
  /** Most TOPs land near when the schedule asks for them (R-TOP-2); the rest anywhere. */
  nearSchedule: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  jitter: dayOffset(20),
  after: dayOffset(500),
  mainDays: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 28 }), fc.constant(NOT_DISCLOSED)),
  psychologicalHealth: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(NOT_DISCLOSED)),
  enteredInError,
});

const episodeArb = fc.record({
  /** Days after the previous episode's discharge (or after the anchor, for the first episode). */
  referredAfter: fc.oneof({ weight: 3, arbitrary: dayOffset(600) }, { weight: 1, arbitrary: fc.integer({ min: -2400, max: -300 }) }),
  teamId: fc.constantFrom("t-adults", "t-young"),
  keyworkerId: fc.constantFrom("s-ann", "s-bob", null),
  substances: fc.constantFrom<Substance[]>(["HEROIN"], ["ALCOHOL"], ["CANNABIS", "ALCOHOL"], ["CRACK"], []),
  dischargeAfter: fc.option(dayOffset(700), { freq: 2 }),
  dischargeReason: fc.oneof(
    fc.constantFrom("COMPLETED_DRUG_FREE" as const, "COMPLETED_ALCOHOL_FREE" as const),
    fc.constantFrom(...DISCHARGE_REASONS.codes),
  ),
  enteredInError,
  interventions: fc.array(interventionArb, { maxLength: 4 }),
  contacts: fc.array(
    fc.record({
      after: dayOffset(600),
      kind: fc.constantFrom(...CONTACT_KINDS.codes),
      outcome: fc.constantFrom(...CONTACT_OUTCOMES.codes),
      enteredInError,
    }),
    { maxLength: 6 },
  ),
  tops: fc.array(topArb, { maxLength: 4 }),
  harm: fc.array(
    fc.record({
      after: dayOffset(400),
      naloxone: fc.boolean(),
      hepatitisB: fc.option(fc.constantFrom(...BBV_STATUSES.codes)),
      hepatitisC: fc.option(fc.constantFrom(...BBV_STATUSES.codes)),
      enteredInError,
    }),
    { maxLength: 2 },
  ),
  plan: fc.option(
    fc.record({
      signedAfter: dayOffset(100),
      intervalWeeks: fc.constantFrom(4, 12),
      reviewsAfter: fc.array(dayOffset(500), { maxLength: 4 }),
      enteredInError,
    }),
  ),
});

const personArb = fc.record({
  dateOfBirth: fc.constantFrom("1960-05-01", "1985-06-15", "2001-04-01", "2007-02-02"),
  sex: fc.constantFrom(...SEXES.codes),
  ethnicity: fc.constantFrom("WHITE_BRITISH" as const, "ASIAN_INDIAN" as const, "NOT_STATED" as const),
  postcode: fc.constantFrom("SO14 3JA", "SO15 1AA", "M1 1AE", null, "unknown"),
  enteredInError,
  episodes: fc.array(episodeArb, { minLength: 1, maxLength: 3 }),
});

type PersonSpec = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Builds the records around `anchor`, a date some months before the period, so most of them touch it. A
 * person's episodes follow one another: the next referral comes after the last discharge, which is what makes
 * re-presentations; an open episode is the person's last.
 */
function buildProvider(people: readonly PersonSpec[], anchor: IsoDate): ProviderData {
  const b = new ProviderDataBuilder();
  for (const spec of people) {
    const person = b.person(spec);
    let previousDischarge: IsoDate | null = null;
    for (const episodeSpec of spec.episodes) {
      const referred: IsoDate =
        previousDischarge === null ? addDays(anchor, episodeSpec.referredAfter) : addDays(previousDischarge, Math.abs(episodeSpec.referredAfter) % 300);
      const at = (days: number): IsoDate => addDays(referred, days);
      const episode = b.episode(person, {
        referred,
        teamId: episodeSpec.teamId,
        keyworkerId: episodeSpec.keyworkerId,
        substances: episodeSpec.substances,
        enteredInError: episodeSpec.enteredInError,
        ...(episodeSpec.dischargeAfter === null ? {} : { discharged: { date: at(episodeSpec.dischargeAfter), reason: episodeSpec.dischargeReason } }),
      });
      for (const intervention of episodeSpec.interventions) {
        const start = at(intervention.startAfter);
        b.intervention(episode, {
          code: intervention.code,
          start,
          end: intervention.lastsDays === null ? null : addDays(start, intervention.lastsDays),
          setting: intervention.setting,
          enteredInError: intervention.enteredInError,
        });
      }
      for (const contact of episodeSpec.contacts) b.contact(episode, at(contact.after), contact.kind, contact.outcome, contact.enteredInError);
      const treatmentStart = Math.min(...episodeSpec.interventions.map((intervention) => intervention.startAfter), 30);
      for (const top of episodeSpec.tops) {
        const main = episodeSpec.substances[0];
        const line = main === undefined ? "OTHER" : topSubstanceFor(main);
        const scheduled =
          top.stage === "START" ? treatmentStart : top.stage === "REVIEW" ? treatmentStart + 182 : (episodeSpec.dischargeAfter ?? top.after);
        b.top(episode, top.stage, at(top.nearSchedule ? scheduled + top.jitter : top.after), {
          days: { [line]: top.mainDays },
          psychologicalHealth: top.psychologicalHealth,
          enteredInError: top.enteredInError,
        });
      }
      for (const harm of episodeSpec.harm) {
        b.harm(episode, at(harm.after), {
          naloxoneIssuedTo: harm.naloxone ? "SERVICE_USER" : null,
          hepatitisBVaccination: harm.hepatitisB,
          hepatitisCTest: harm.hepatitisC,
          enteredInError: harm.enteredInError,
        });
      }
      if (episodeSpec.plan !== null) {
        const { signedAfter, intervalWeeks, reviewsAfter } = episodeSpec.plan;
        const plan = b.plan(episode, at(signedAfter), { intervalWeeks, enteredInError: episodeSpec.plan.enteredInError });
        for (const reviewAfter of reviewsAfter) b.review(plan, at(signedAfter + reviewAfter));
      }
      if (episodeSpec.dischargeAfter === null) break;
      previousDischarge = at(episodeSpec.dischargeAfter);
    }
  }
  return b.build();
}

/** A period of a day up to a year, starting between 2023 and early 2026. */
export const periodArb: fc.Arbitrary<KpiPeriod> = fc
  .record({ startsAfter: dayOffset(1100), lastsDays: dayOffset(365) })
  .map(({ startsAfter, lastsDays }) => {
    const from = addDays(BASE_DATE, startsAfter);
    return { from, to: addDays(from, lastsDays) };
  });

/** Provider data for up to eight people with up to three episodes each, most of their records near the period. */
export const providerDataArb = (period: KpiPeriod): fc.Arbitrary<ProviderData> =>
  fc.array(personArb, { maxLength: 8 }).map((people) => buildProvider(people, addDays(period.from, -400)));

/** A breakdown and an `asOf` on or after the period's end (or the default). */
export const optionsArb = (period: KpiPeriod): fc.Arbitrary<KpiOptions> =>
  fc.record({
    breakdown: fc.constantFrom(...KPI_BREAKDOWNS),
    asOf: fc.option(dayOffset(250).map((after) => addDays(period.to, after)), { nil: undefined }),
  });

/** Data, period and options together. */
export const kpiRunArb = periodArb.chain((period) =>
  fc.record({ data: providerDataArb(period), period: fc.constant(period), options: optionsArb(period) }),
);
