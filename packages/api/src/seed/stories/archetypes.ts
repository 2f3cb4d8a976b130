import { addDays, ageOn, daysBetween, type DischargeReason, type EpisodeStatus, type IsoDate } from "@waymark/core";
import type { StaffKey, TeamKey } from "../organisation.js";
import type { PersonFactory, PersonNeeds } from "../people/person.js";
import type { Random } from "../random.js";
import { profileDetails, type ClinicalProfile } from "./clinicalProfiles.js";
import type { EpisodeContext } from "./context.js";
import { EpisodeBuilder } from "./episodeBuilder.js";
import { afterCompletion, completeTreatment, unplannedExit } from "./exits.js";
import { attended, comprehensiveAssessment, referral, triage } from "./opening.js";
import type { DemoEpisode, DemoPerson, DemoRisk, DemoStory } from "./story.js";
import { courseOfTreatment, nextWorkingDay, recoverySupport, startTreatment } from "./treatment.js";

/** Who a story is about and who looks after them; the archetype writes what happened. */
export interface StorySeed {
  readonly random: Random;
  readonly today: IsoDate;
  readonly people: PersonFactory;
  readonly team: TeamKey;
  /** Null for a referral waiting for allocation; the duty worker records it. */
  readonly keyworker: StaffKey | null;
  readonly dutyWorker: StaffKey;
  readonly profile: ClinicalProfile;
  readonly ageOnReferral: number;
  readonly person?: Partial<PersonNeeds>;
  readonly suicideFactors?: readonly (keyof DemoRisk["suicideFactors"])[];
}

function episodeContext(seed: StorySeed, person: DemoPerson, referralDate: IsoDate, keyworker: StaffKey | null): EpisodeContext {
  const random = seed.random;
  const ageOnReferral = ageOn(person.dateOfBirth, referralDate);
  return {
    random,
    today: seed.today,
    person,
    profile: seed.profile,
    details: profileDetails(seed.profile, random, ageOnReferral),
    builder: new EpisodeBuilder(seed.team, keyworker, seed.dutyWorker, seed.today),
    referralDate,
    ageOnReferral,
    youngPerson: ageOnReferral < 18,
    suicideFactors: suicideFactorsOf(seed, person),
    criminalJustice: random.chance(seed.team === "adults" ? 0.2 : 0.1),
    needs: null,
    comprehensiveDate: null,
    signOffDate: null,
    firstInterventionDate: null,
    structured: [],
  };
}

/**
 * The R-RISK-2 factors a person's risk assessments record: the story's own, or now and then one drawn at
 * random; being a carer is always recorded for someone registered as one.
 */
function suicideFactorsOf(seed: StorySeed, person: DemoPerson): (keyof DemoRisk["suicideFactors"])[] {
  const factors = new Set(seed.suicideFactors ?? (seed.random.chance(0.1) ? seed.random.sample(["bereavement", "relationshipBreakdown", "domesticOrSexualAbuseHistory"] as const, 1) : []));
  if (person.isCarer) factors.add("isCarer");
  return [...factors];
}

function story(archetype: string, seed: StorySeed, person: DemoPerson, episodes: DemoEpisode[]): DemoStory {
  const firstReferral = episodes[0]?.steps.find((step) => step.kind === "REFERRAL");
  if (!firstReferral) throw new Error(`A demo story (${archetype}) has no referral`);
  return { archetype, person, registeredOn: firstReferral.date, registeredBy: firstReferral.by, registeredTeam: seed.team, episodes };
}

function makePerson(seed: StorySeed, referralDate: IsoDate): DemoPerson {
  const carer = seed.suicideFactors?.includes("isCarer") ?? false;
  return seed.people.make({ ageOnReferral: seed.ageOnReferral, referralDate, carer, ...seed.person });
}

/** Referral, triage, comprehensive assessment and the first structured intervention; returns its date. */
function throughToTreatment(context: EpisodeContext, options: { directStart: boolean; budget?: boolean }): IsoDate {
  const { random } = context;
  const triageDate = addDays(context.referralDate, random.int(1, 9));
  triage(context, triageDate);
  if (options.directStart) {
    // Urgent opioid substitution can start before the comprehensive assessment; the full plan follows.
    const start = addDays(triageDate, random.int(1, 4));
    startTreatment(context, start, context.today);
    comprehensiveAssessment(context, addDays(start, random.int(7, 20)), { budget: options.budget });
    return start;
  }
  const assessed = addDays(triageDate, random.int(5, 14));
  comprehensiveAssessment(context, assessed, { budget: options.budget });
  const start = addDays(assessed, random.int(0, 12));
  startTreatment(context, start, context.today);
  return start;
}

/** A new referral, not yet triaged; some missed a first appointment and were phoned. */
export function awaitingTriage(seed: StorySeed): DemoStory {
  const referralDate = addDays(seed.today, -seed.random.int(0, 18));
  const person = makePerson(seed, referralDate);
  const context = episodeContext(seed, person, referralDate, seed.keyworker);
  referral(context, { keyworker: seed.keyworker, by: seed.keyworker ?? "lead" });
  const firstAppointment = addDays(referralDate, 5);
  if (firstAppointment < seed.today && seed.random.chance(0.3)) {
    context.builder.add({ kind: "CONTACT", date: firstAppointment, time: "11:00", contactKind: "APPOINTMENT", outcome: "DID_NOT_ATTEND", notes: "Did not come to the triage appointment." });
    const followUp = nextWorkingDay(firstAppointment);
    if (followUp <= seed.today) context.builder.add({ kind: "CONTACT", date: followUp, time: "09:45", contactKind: "PHONE", outcome: "ATTENDED", notes: "Spoke by phone; triage rebooked." });
  }
  return story("awaiting triage", seed, person, [context.builder.build("REFERRED")]);
}

/** Triaged, with an interim plan, waiting for the comprehensive assessment. */
export function awaitingAssessment(seed: StorySeed): DemoStory {
  const referralDate = addDays(seed.today, -seed.random.int(12, 30));
  const person = makePerson(seed, referralDate);
  const context = episodeContext(seed, person, referralDate, seed.keyworker);
  referral(context, { keyworker: seed.keyworker });
  triage(context, addDays(referralDate, seed.random.int(1, 9)));
  return story("triaged, waiting for assessment", seed, person, [context.builder.build("TRIAGED")]);
}

/** Assessed with a signed-off full plan, waiting for treatment to start. */
export function awaitingTreatment(seed: StorySeed): DemoStory {
  const referralDate = addDays(seed.today, -seed.random.int(22, 40));
  const person = makePerson(seed, referralDate);
  const context = episodeContext(seed, person, referralDate, seed.keyworker);
  referral(context, { keyworker: seed.keyworker });
  const triageDate = addDays(referralDate, seed.random.int(1, 7));
  triage(context, triageDate);
  comprehensiveAssessment(context, addDays(triageDate, seed.random.int(5, 12)));
  return story("assessed, waiting for treatment", seed, person, [context.builder.build("ASSESSED")]);
}

export interface InTreatmentOptions {
  /** Roughly how long the person has been in treatment: the referral is this many days, plus five weeks, before today. */
  readonly daysInTreatment: number;
  readonly overdueReview?: boolean;
  readonly disengagement?: "CONSECUTIVE_DNAS" | "NO_ATTENDED_CONTACT";
  /** A missed appointment with no follow-up yet: due (yesterday) or overdue (last week). */
  readonly unfollowedDna?: "DUE" | "OVERDUE";
  readonly homeVisit?: boolean;
  readonly reassignTo?: StaffKey;
  readonly budget?: boolean;
  readonly ageBandOverrideReason?: string;
}

/** In structured treatment today, with reviews, TOPs, keywork and recovery support along the way. */
export function inTreatment(seed: StorySeed, options: InTreatmentOptions): DemoStory {
  const { random, today } = seed;
  // The opening (triage, assessment, first intervention) takes up to five weeks after the referral.
  const referralDate = addDays(today, -(options.daysInTreatment + 36));
  const person = makePerson(seed, referralDate);
  const context = episodeContext(seed, person, referralDate, seed.keyworker);
  referral(context, { keyworker: seed.keyworker, by: options.ageBandOverrideReason ? "lead" : undefined, ageBandOverrideReason: options.ageBandOverrideReason });
  const start = throughToTreatment(context, { directStart: seed.profile.startsWith("OPIATE") && random.chance(0.25), budget: options.budget });
  const quietFrom =
    options.disengagement === "CONSECUTIVE_DNAS" ? addDays(today, -24) : options.disengagement === "NO_ATTENDED_CONTACT" ? addDays(today, -random.int(32, 45)) : options.unfollowedDna ? addDays(today, -8) : today;
  if (random.chance(0.6)) recoverySupport(context, addDays(context.comprehensiveDate ?? start, random.int(7, 30)), quietFrom);
  if (options.reassignTo) context.builder.reassign(addDays(start, Math.floor(daysBetween(start, quietFrom) / 2)), options.reassignTo);
  courseOfTreatment(context, { end: quietFrom, overdueReview: options.overdueReview ?? false, lateShare: 0.15, contactsUntil: quietFrom, clearSuicideRiskAtReview: random.chance(0.5) });
  if (options.homeVisit) {
    context.builder.add({ kind: "CONTACT", date: addDays(start, random.int(3, 20)), time: "10:30", contactKind: "HOME_VISIT", outcome: "ATTENDED", notes: "Home visit: home seen, safe sleeping and storage of medication discussed." });
  }
  if (options.disengagement === "CONSECUTIVE_DNAS") missedInARow(context, addDays(today, -21));
  if (options.unfollowedDna) {
    const missed = options.unfollowedDna === "DUE" ? addDays(today, -1) : addDays(today, -6);
    context.builder.add({ kind: "CONTACT", date: missed, time: "14:00", contactKind: "APPOINTMENT", outcome: "DID_NOT_ATTEND", notes: null });
  }
  const archetype = options.disengagement ? "in treatment, disengaging" : options.overdueReview ? "in treatment, review overdue" : "in treatment";
  return story(archetype, seed, person, [context.builder.build("IN_TREATMENT")]);
}

/** Three missed appointments a week apart, each chased by an unanswered call, the last not chased yet (R-DNA-2). */
function missedInARow(context: EpisodeContext, from: IsoDate): void {
  for (let week = 0; week < 3; week += 1) {
    const date = addDays(from, week * 7);
    context.builder.add({ kind: "CONTACT", date, time: "11:00", contactKind: "APPOINTMENT", outcome: "DID_NOT_ATTEND", notes: null });
    if (week < 2) context.builder.add({ kind: "CONTACT", date: nextWorkingDay(date), time: "10:00", contactKind: "PHONE", outcome: "DID_NOT_ATTEND", notes: "Phoned after the missed appointment: no answer, voicemail left." });
  }
}

/** Completed treatment as planned `daysAgo` days ago, some with aftercare or relapse-prevention support. */
export function completed(seed: StorySeed, options: { daysAgo: number; aftercare: boolean; relapsePrevention: boolean }): DemoStory {
  const context = completedEpisodeContext(seed, addDays(seed.today, -options.daysAgo));
  const episode = writeCompletedEpisode(context, addDays(seed.today, -options.daysAgo), options);
  return story(options.aftercare || options.relapsePrevention ? "completed, with support after" : "completed", seed, context.person, [episode]);
}

function completedEpisodeContext(seed: StorySeed, dischargeDate: IsoDate): EpisodeContext {
  const referralDate = addDays(dischargeDate, -seed.random.int(150, 420));
  return episodeContext(seed, makePerson(seed, referralDate), referralDate, seed.keyworker);
}

function writeCompletedEpisode(context: EpisodeContext, dischargeDate: IsoDate, options: { aftercare: boolean; relapsePrevention: boolean }): DemoEpisode {
  const { random } = context;
  referral(context, { keyworker: context.builder.keyworkerOn(context.referralDate) });
  const start = throughToTreatment(context, { directStart: false });
  if (random.chance(0.6)) recoverySupport(context, addDays(context.comprehensiveDate ?? start, random.int(7, 30)), addDays(dischargeDate, -30));
  courseOfTreatment(context, { end: addDays(dischargeDate, -1), overdueReview: false, lateShare: 0.15, contactsUntil: addDays(dischargeDate, -1), clearSuicideRiskAtReview: true });
  attended(context, dischargeDate, "Final appointment: discharge planned and agreed.");
  completeTreatment(context, dischargeDate);
  afterCompletion(context, dischargeDate, options);
  return context.builder.build("COMPLETED");
}

/** Closed before treatment began: declined, referred inappropriately, moved away or never reached. */
export function closedBeforeTreatment(seed: StorySeed, reason: DischargeReason): DemoStory {
  const { random, today } = seed;
  const referralDate = addDays(today, -random.int(40, 400));
  const person = makePerson(seed, referralDate);
  const context = episodeContext(seed, person, referralDate, seed.keyworker);
  referral(context, { keyworker: seed.keyworker });
  let last = referralDate;
  if (reason !== "DROPPED_OUT" && reason !== "INAPPROPRIATE_REFERRAL") {
    last = addDays(referralDate, random.int(2, 9));
    triage(context, last);
  } else if (reason === "DROPPED_OUT") {
    for (const offset of [4, 11]) {
      last = addDays(referralDate, offset);
      context.builder.add({ kind: "CONTACT", date: last, time: "10:00", contactKind: "APPOINTMENT", outcome: "DID_NOT_ATTEND", notes: null });
      context.builder.add({ kind: "CONTACT", date: nextWorkingDay(last), time: "10:00", contactKind: "PHONE", outcome: "DID_NOT_ATTEND", notes: "Phoned to rebook: no answer, voicemail left." });
      last = nextWorkingDay(last);
    }
  }
  context.builder.add({ kind: "DISCHARGE", date: addDays(last, random.int(1, 14)), reason });
  return story("closed before treatment", seed, person, [context.builder.build("CLOSED")]);
}

/** Treatment began but ended without a planned completion. */
export function closedDuringTreatment(seed: StorySeed, reason: DischargeReason): DemoStory {
  const { random, today } = seed;
  const exitDate = addDays(today, -random.int(15, 500));
  const referralDate = addDays(exitDate, -random.int(90, 300));
  const person = makePerson(seed, referralDate);
  const context = episodeContext(seed, person, referralDate, seed.keyworker);
  referral(context, { keyworker: seed.keyworker });
  throughToTreatment(context, { directStart: false });
  const quietFrom = reason === "DROPPED_OUT" ? addDays(exitDate, -35) : addDays(exitDate, -1);
  courseOfTreatment(context, { end: quietFrom, overdueReview: false, lateShare: 0.3, contactsUntil: quietFrom, clearSuicideRiskAtReview: false });
  if (reason === "DROPPED_OUT") missedInARow(context, addDays(quietFrom, 7));
  unplannedExit(context, exitDate, reason);
  return story("closed during treatment", seed, person, [context.builder.build("CLOSED")]);
}

/**
 * A planned completion followed by a new referral within six months (R-REP-1): the first episode is
 * COMPLETED, the second stands at `secondStatus`.
 */
export function representation(seed: StorySeed, options: { completedDaysAgo: number; returnedDaysAgo: number; secondStatus: Extract<EpisodeStatus, "REFERRED" | "TRIAGED"> }): DemoStory {
  const { random, today } = seed;
  const dischargeDate = addDays(today, -options.completedDaysAgo);
  const first = completedEpisodeContext(seed, dischargeDate);
  const firstEpisode = writeCompletedEpisode(first, dischargeDate, { aftercare: true, relapsePrevention: false });
  const returnDate = addDays(today, -options.returnedDaysAgo);
  const second: EpisodeContext = { ...episodeContext(seed, first.person, returnDate, seed.keyworker), details: first.details };
  referral(second, { keyworker: seed.keyworker, urgency: "URGENT" });
  if (options.secondStatus === "TRIAGED") triage(second, addDays(returnDate, random.int(1, Math.max(1, Math.min(7, options.returnedDaysAgo)))));
  return story("re-presentation after completion", seed, first.person, [firstEpisode, second.builder.build(options.secondStatus)]);
}
