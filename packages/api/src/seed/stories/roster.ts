import type { DischargeReason, IsoDate } from "@waymark/core";
import { KEYWORKERS, type StaffKey, type TeamKey } from "../organisation.js";
import { PersonFactory } from "../people/person.js";
import { Random } from "../random.js";
import {
  awaitingAssessment,
  awaitingTreatment,
  awaitingTriage,
  closedBeforeTreatment,
  closedDuringTreatment,
  completed,
  inTreatment,
  representation,
  type StorySeed,
} from "./archetypes.js";
import type { ClinicalProfile } from "./clinicalProfiles.js";
import type { DemoStory } from "./story.js";

/** Fixed so the demo provider is the same everywhere; change it and every person changes. */
export const DEMO_SEED = 20_250_602;

type Write = (seed: StorySeed) => DemoStory;

/** One line of the roster: how many people of a kind, in which team, and what happened to them. */
interface RosterLine {
  readonly count: number;
  readonly team: TeamKey;
  readonly write: Write;
  /** Overrides for the seed: a keyworker, profile, age or circumstances the story needs. */
  readonly seed?: (random: Random) => Partial<Omit<StorySeed, "random" | "today" | "people" | "team">>;
}

const ADULT_PROFILES: readonly (readonly [ClinicalProfile, number])[] = [
  ["OPIATE", 35],
  ["OPIATE_AND_CRACK", 15],
  ["ALCOHOL", 30],
  ["COCAINE_AND_ALCOHOL", 12],
  ["CANNABIS", 8],
];
const YOUNG_PEOPLE_PROFILES: readonly (readonly [ClinicalProfile, number])[] = [
  ["CANNABIS", 45],
  ["YOUNG_PERSON_MIXED", 45],
  ["ALCOHOL", 10],
];

function adultAge(random: Random, profile: ClinicalProfile): number {
  if (profile === "OPIATE" || profile === "OPIATE_AND_CRACK") return random.int(30, 58);
  if (profile === "ALCOHOL") return random.int(28, 66);
  return random.int(25, 44);
}

function youngPersonAge(random: Random, profile: ClinicalProfile): number {
  return profile === "ALCOHOL" ? random.int(18, 24) : random.int(13, 23);
}

const yearsInDays = (years: number) => Math.round(years * 365.25);
const opiateClient = (random: Random) => ({ profile: "OPIATE" as const, ageOnReferral: random.int(30, 48) });
const suicideRisk = (factor: "bereavement" | "relationshipBreakdown" | "domesticOrSexualAbuseHistory" | "isCarer") => () => ({ suicideFactors: [factor] });

const reasons = (...list: DischargeReason[]) => list;
const CLOSED_BEFORE_ADULTS = reasons("COMMENCEMENT_DECLINED", "COMMENCEMENT_DECLINED", "INAPPROPRIATE_REFERRAL", "DROPPED_OUT", "DROPPED_OUT", "TRANSFERRED_NOT_IN_CUSTODY");
const CLOSED_DURING_ADULTS = reasons("DROPPED_OUT", "DROPPED_OUT", "DROPPED_OUT", "DROPPED_OUT", "RETAINED_IN_CUSTODY", "TRANSFERRED_IN_CUSTODY", "CLIENT_DIED", "WITHDRAWN_BY_PROVIDER");
const CLOSED_BEFORE_YOUNG = reasons("COMMENCEMENT_DECLINED", "DROPPED_OUT", "INAPPROPRIATE_REFERRAL", "ONWARD_REFERRAL_REFUSED");
const CLOSED_DURING_YOUNG = reasons("DROPPED_OUT", "DROPPED_OUT", "TRANSFERRED_NOT_IN_CUSTODY", "WITHDRAWN_BY_PROVIDER");

/** Lines draw from a list in turn, one entry per person. */
function inTurn<T>(list: readonly T[]): () => T {
  let next = 0;
  return () => list[next++ % list.length] as T;
}

function roster(): RosterLine[] {
  const closedBeforeAdults = inTurn(CLOSED_BEFORE_ADULTS);
  const closedDuringAdults = inTurn(CLOSED_DURING_ADULTS);
  const closedBeforeYoung = inTurn(CLOSED_BEFORE_YOUNG);
  const closedDuringYoung = inTurn(CLOSED_DURING_YOUNG);
  const treated = (extra: Parameters<typeof inTreatment>[1] | ((random: Random) => Parameters<typeof inTreatment>[1])): Write => (seed) =>
    inTreatment(seed, typeof extra === "function" ? extra(seed.random) : extra);
  const someDays = (min: number, max: number) => (random: Random) => ({ daysInTreatment: random.int(min, max) });
  return [
    // Adults: the front door.
    { count: 5, team: "adults", write: awaitingTriage },
    { count: 2, team: "adults", write: awaitingTriage, seed: () => ({ keyworker: null }) },
    { count: 7, team: "adults", write: awaitingAssessment },
    { count: 6, team: "adults", write: awaitingTreatment },
    // Adults in treatment.
    { count: 22, team: "adults", write: treated(someDays(40, 700)) },
    { count: 8, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(200, 800), overdueReview: true })) },
    { count: 2, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(120, 400), disengagement: "CONSECUTIVE_DNAS" })) },
    { count: 2, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(120, 400), disengagement: "NO_ATTENDED_CONTACT" })) },
    { count: 2, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(60, 300), unfollowedDna: "DUE" })) },
    { count: 2, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(60, 300), unfollowedDna: "OVERDUE" })) },
    // Long-term opioid substitution, past the 2-year and 6-year marks of R-OST-1.
    { count: 3, team: "adults", write: (seed) => inTreatment(seed, { daysInTreatment: yearsInDays(2.1 + seed.random.int(0, 20) / 10) }), seed: opiateClient },
    { count: 2, team: "adults", write: (seed) => inTreatment(seed, { daysInTreatment: yearsInDays(6.1 + seed.random.int(0, 6) / 10) }), seed: opiateClient },
    { count: 1, team: "adults", write: treated({ daysInTreatment: 70, homeVisit: true }), seed: (random) => ({ person: { pregnant: true }, ageOnReferral: random.int(25, 36) }) },
    { count: 1, team: "adults", write: treated({ daysInTreatment: 45, homeVisit: false }), seed: (random) => ({ person: { pregnant: true }, ageOnReferral: random.int(25, 36) }) },
    { count: 2, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(80, 400), homeVisit: true })), seed: () => ({ person: { childUnder5: true } }) },
    { count: 1, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(80, 400), homeVisit: false })), seed: () => ({ person: { childUnder5: true } }) },
    { count: 1, team: "adults", write: treated(someDays(60, 300)), seed: suicideRisk("bereavement") },
    { count: 1, team: "adults", write: treated(someDays(60, 300)), seed: suicideRisk("relationshipBreakdown") },
    { count: 1, team: "adults", write: treated(someDays(60, 300)), seed: suicideRisk("isCarer") },
    { count: 2, team: "adults", write: treated((random) => ({ daysInTreatment: random.int(150, 500), reassignTo: "adultKeyworker", budget: true })), seed: () => ({ keyworker: "adultKeyworker2" }) },
    // Adults who have left.
    { count: 5, team: "adults", write: (seed) => completed(seed, { daysAgo: seed.random.int(10, 700), aftercare: false, relapsePrevention: false }) },
    { count: 6, team: "adults", write: (seed) => completed(seed, { daysAgo: seed.random.int(10, 150), aftercare: true, relapsePrevention: false }) },
    { count: 3, team: "adults", write: (seed) => completed(seed, { daysAgo: seed.random.int(20, 150), aftercare: false, relapsePrevention: true }) },
    { count: 2, team: "adults", write: (seed) => completed(seed, { daysAgo: seed.random.int(25, 120), aftercare: true, relapsePrevention: true }) },
    { count: 6, team: "adults", write: (seed) => closedBeforeTreatment(seed, closedBeforeAdults()) },
    { count: 8, team: "adults", write: (seed) => closedDuringTreatment(seed, closedDuringAdults()) },
    { count: 1, team: "adults", write: (seed) => representation(seed, { completedDaysAgo: 200, returnedDaysAgo: 40, secondStatus: "TRIAGED" }) },
    { count: 1, team: "adults", write: (seed) => representation(seed, { completedDaysAgo: 130, returnedDaysAgo: 6, secondStatus: "REFERRED" }) },
    // Young people.
    { count: 4, team: "youngPeople", write: awaitingTriage },
    { count: 4, team: "youngPeople", write: awaitingAssessment },
    { count: 3, team: "youngPeople", write: awaitingTreatment },
    { count: 10, team: "youngPeople", write: treated(someDays(30, 400)) },
    { count: 2, team: "youngPeople", write: treated((random) => ({ daysInTreatment: random.int(200, 400), overdueReview: true })) },
    { count: 1, team: "youngPeople", write: treated({ daysInTreatment: 150, disengagement: "CONSECUTIVE_DNAS" }) },
    { count: 1, team: "youngPeople", write: treated({ daysInTreatment: 90, unfollowedDna: "OVERDUE" }) },
    { count: 1, team: "youngPeople", write: treated({ daysInTreatment: 60, homeVisit: true }), seed: () => ({ person: { pregnant: true }, ageOnReferral: 17 }) },
    { count: 1, team: "youngPeople", write: treated({ daysInTreatment: 100, homeVisit: false }), seed: () => ({ person: { childUnder5: true }, ageOnReferral: 22 }) },
    {
      count: 1,
      team: "youngPeople",
      write: treated({ daysInTreatment: 120, ageBandOverrideReason: "Care leaver already known to the young people's team; continuity of care agreed with the adult service." }),
      seed: () => ({ ageOnReferral: 25, profile: "CANNABIS" as const }),
    },
    { count: 6, team: "youngPeople", write: (seed) => completed(seed, { daysAgo: seed.random.int(10, 500), aftercare: false, relapsePrevention: false }) },
    { count: 2, team: "youngPeople", write: (seed) => completed(seed, { daysAgo: seed.random.int(15, 120), aftercare: true, relapsePrevention: false }) },
    { count: 1, team: "youngPeople", write: (seed) => completed(seed, { daysAgo: seed.random.int(30, 120), aftercare: true, relapsePrevention: true }) },
    { count: 4, team: "youngPeople", write: (seed) => closedBeforeTreatment(seed, closedBeforeYoung()) },
    { count: 4, team: "youngPeople", write: (seed) => closedDuringTreatment(seed, closedDuringYoung()) },
  ];
}

/**
 * Every person of the demo provider and their story, as of `today`. The same `today` and seed always give
 * the same people with the same records.
 */
export function demoStories(today: IsoDate, seedNumber = DEMO_SEED): DemoStory[] {
  const master = new Random(seedNumber);
  const people = new PersonFactory(master.fork("people"));
  const nextKeyworker: Record<TeamKey, () => StaffKey> = { adults: inTurn(KEYWORKERS.adults), youngPeople: inTurn(KEYWORKERS.youngPeople) };
  const stories: DemoStory[] = [];
  roster().forEach((line, lineIndex) => {
    for (let index = 0; index < line.count; index += 1) {
      const random = master.fork(`line ${lineIndex} person ${index}`);
      const profile = random.weighted(line.team === "adults" ? ADULT_PROFILES : YOUNG_PEOPLE_PROFILES);
      const overrides = line.seed?.(random) ?? {};
      const chosenProfile = overrides.profile ?? profile;
      const seed: StorySeed = {
        random,
        today,
        people,
        team: line.team,
        keyworker: nextKeyworker[line.team](),
        dutyWorker: line.team === "adults" ? "adultKeyworker" : "youngPeopleKeyworker",
        profile: chosenProfile,
        ageOnReferral: line.team === "adults" ? adultAge(random, chosenProfile) : youngPersonAge(random, chosenProfile),
        ...overrides,
      };
      stories.push(line.write(seed));
    }
  });
  return stories;
}
