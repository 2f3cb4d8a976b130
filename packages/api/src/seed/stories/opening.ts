import { addDays, addMonths, type IsoDate, type NeedDomain, type NeedLevel, type ReferralUrgency } from "@waymark/core";
import type { StaffKey } from "../organisation.js";
import { ADULT_REFERRAL_SOURCES, REFERRERS, YOUNG_PEOPLE_REFERRAL_SOURCES, assessedNeeds, riskAssessment } from "./clinicalProfiles.js";
import { isOpiateProfile, type EpisodeContext } from "./context.js";
import { goalsFor, interimGoalFor } from "./goals.js";
import type { DemoRisk } from "./story.js";

const REASONS: Record<EpisodeContext["profile"], readonly string[]> = {
  OPIATE: ["Using heroin daily and wants a script", "Heroin use has increased since losing work; asking for help to stop", "Recently released and wants to continue opioid substitution"],
  OPIATE_AND_CRACK: ["Using heroin and crack daily; in rent arrears", "Crack use out of control, owes money; wants a script and support"],
  ALCOHOL: ["Drinking a litre of vodka a day; shakes in the morning", "Admitted after a fall while intoxicated; wants to stop drinking", "GP concerned about liver function and daily drinking"],
  COCAINE_AND_ALCOHOL: ["Weekend cocaine and heavy drinking affecting work", "Partner worried about cocaine use and spending"],
  CANNABIS: ["Smoking cannabis all day; low mood and not working", "Paranoia when smoking; wants to cut down"],
  YOUNG_PERSON_MIXED: ["Using ketamine and cannabis at weekends; missing school", "Found with cocaine at school; parents worried", "Drinking heavily with friends; taken to A&E last month"],
};

/** A referral opening the episode, allocated to the builder's keyworker or left for the duty worker. */
export function referral(
  context: EpisodeContext,
  options: { urgency?: ReferralUrgency; by?: StaffKey; keyworker: StaffKey | null; ageBandOverrideReason?: string } = { keyworker: null },
): void {
  const { random, builder } = context;
  const source = random.weighted(context.youngPerson || builder.team === "youngPeople" ? YOUNG_PEOPLE_REFERRAL_SOURCES : ADULT_REFERRAL_SOURCES);
  const referrers = REFERRERS[source];
  builder.add({
    kind: "REFERRAL",
    date: context.referralDate,
    by: options.by ?? options.keyworker ?? undefined,
    team: builder.team,
    keyworker: options.keyworker,
    source,
    referrer: referrers ? random.pick(referrers) : null,
    reason: random.pick(REASONS[context.profile]),
    urgency: options.urgency ?? (random.chance(0.12) ? "URGENT" : "ROUTINE"),
    ageBandOverrideReason: options.ageBandOverrideReason ?? null,
  });
}

/** The risk assessment taken on `date`; the suicide-risk factors of the start may have eased by then. */
export function riskOn(context: EpisodeContext, factorsCleared: boolean): DemoRisk {
  return riskAssessment(context.random, {
    opiate: isOpiateProfile(context.profile),
    suicideFactors: factorsCleared ? [] : context.suicideFactors,
    children: context.person.childUnder5InHousehold || (context.person.childrenLivingWith ?? 0) > 0 || context.person.pregnant,
    domesticAbuse: context.suicideFactors.includes("domesticOrSexualAbuseHistory"),
  });
}

/** An appointment the person came to, on the day of an assessment or review. */
export function attended(context: EpisodeContext, date: IsoDate, notes: string | null = null): void {
  context.builder.add({ kind: "CONTACT", date, time: context.random.pick(["09:30", "10:00", "11:00", "13:30", "14:00", "15:30"]), contactKind: "APPOINTMENT", outcome: "ATTENDED", notes });
}

/** Triage: urgent needs, risk and what the person uses, with an interim plan to keep them safe while they wait. */
export function triage(context: EpisodeContext, date: IsoDate): void {
  const { random, builder, details } = context;
  const needs: Partial<Record<NeedDomain, NeedLevel>> = {
    SUBSTANCE_USE: "HIGH",
    MENTAL_HEALTH: random.chance(0.5) ? "SOME" : "NONE",
    HOUSING: context.person.accommodationNeed === "URGENT_HOUSING_PROBLEM" ? "HIGH" : context.person.accommodationNeed === "HOUSING_PROBLEM" ? "SOME" : "NONE",
  };
  attended(context, date, "Triage appointment.");
  builder.add({
    kind: "ASSESSMENT",
    date,
    assessmentKind: "TRIAGE",
    needs,
    risk: riskOn(context, false),
    recoveryCapital: null,
    problemSubstances: details.substances,
    injectingStatus: details.injectingStatus,
  });
  builder.add({ kind: "PLAN", date, planKind: "INTERIM", goals: [{ ...interimGoalFor(random, context.profile), targetDate: addDays(date, 28) }], signedOff: false, budget: null });
  if (isOpiateProfile(context.profile)) {
    builder.add({
      kind: "HARM_REDUCTION",
      date,
      naloxoneIssuedTo: "SERVICE_USER",
      naloxoneTrainingGiven: true,
      hepatitisBVaccination: random.pick(["OFFERED", "ACCEPTED"] as const),
      hepatitisCTest: random.pick(["ACCEPTED", "ACCEPTED", "DECLINED"] as const),
      hivTest: random.pick(["OFFERED", "ACCEPTED", "DECLINED"] as const),
    });
  }
}

const BUDGET_ITEMS: readonly (readonly [string, number])[] = [
  ["Gym membership for three months", 6_000],
  ["Monthly bus pass", 4_500],
  ["Clothes for job interviews", 5_000],
  ["Short college course fees", 12_000],
  ["Bedding and kitchen starter pack for a new flat", 8_500],
  ["Mobile phone top-ups to stay in contact", 2_000],
];

/** The comprehensive assessment and the full plan agreed and signed off with the person (R-PLAN-1). */
export function comprehensiveAssessment(context: EpisodeContext, date: IsoDate, options: { budget?: boolean } = {}): void {
  const { random, builder, person } = context;
  const needs = assessedNeeds(random, {
    housingProblem: person.accommodationNeed === "HOUSING_PROBLEM" || person.accommodationNeed === "URGENT_HOUSING_PROBLEM",
    parent: person.parentalResponsibility === true || person.childUnder5InHousehold || person.pregnant,
    criminalJustice: context.criminalJustice,
    youngPerson: context.youngPerson,
  });
  context.needs = needs;
  context.comprehensiveDate = date;
  context.signOffDate = date;
  attended(context, date, "Comprehensive assessment and recovery planning.");
  builder.add({
    kind: "ASSESSMENT",
    date,
    assessmentKind: "COMPREHENSIVE",
    needs,
    risk: riskOn(context, false),
    recoveryCapital: Array.from({ length: 10 }, () => random.int(1, 5)),
    problemSubstances: null,
    injectingStatus: null,
  });
  const goals = goalsFor(random, context.profile, needs).map((goal) => ({ ...goal, targetDate: addMonths(date, random.int(3, 6)) }));
  builder.setGoals(goals);
  const withBudget = options.budget ?? random.chance(0.2);
  const lines = withBudget ? random.sample(BUDGET_ITEMS, random.int(1, 3)).map(([item, costPence]) => ({ item, costPence })) : [];
  const spent = lines.reduce((total, line) => total + line.costPence, 0);
  builder.add({
    kind: "PLAN",
    date,
    planKind: "FULL",
    goals,
    signedOff: true,
    budget: withBudget ? { allocatedPence: Math.ceil((spent + random.int(0, 10_000)) / 5_000) * 5_000, lines } : null,
  });
}
