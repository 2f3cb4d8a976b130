import { addDays, addMonths, addWeeks, daysBetween, maxDate, minDate, type FirstContactAction, type GoalStatus, type IsoDate } from "@waymark/core";
import { topAt } from "./clinicalProfiles.js";
import type { EpisodeContext } from "./context.js";
import { attended, riskOn } from "./opening.js";

/** Records a structured intervention starting on `date` and notes its span for recovery support to overlap. */
export function startStructured(context: EpisodeContext, date: IsoDate, code: string, setting: "COMMUNITY" | "PRIMARY_CARE", options: { opioidSubstitution?: boolean; plannedSessions?: number | null } = {}): string {
  const ref = context.builder.nextInterventionRef(code);
  context.builder.add({
    kind: "INTERVENTION",
    date,
    ref,
    code,
    subTypes: [],
    setting,
    endDate: null,
    plannedEndDate: null,
    plannedSessions: options.plannedSessions ?? null,
    interestExpressedDate: null,
    firstContactActions: [],
    contactSchedule: [],
    notes: null,
  });
  context.structured.push({ ref, start: date, end: null, opioidSubstitution: options.opioidSubstitution ?? false });
  context.firstInterventionDate ??= date;
  return ref;
}

export function endIntervention(context: EpisodeContext, ref: string, date: IsoDate): void {
  context.builder.add({ kind: "END_INTERVENTION", date, ref });
  const span = context.structured.find((entry) => entry.ref === ref);
  if (span) span.end = date;
}

/**
 * Structured treatment begins on `date` with the profile's first intervention and a START TOP. An alcohol
 * detox ends after a week or two and psychosocial work carries on; other psychosocial work starts a few
 * weeks in, if that is before `until`.
 */
export function startTreatment(context: EpisodeContext, date: IsoDate, until: IsoDate, options: { startTop?: boolean } = {}): void {
  const { random, details, builder } = context;
  const first = details.firstIntervention;
  const mainRef = startStructured(context, date, first.code, first.setting, { opioidSubstitution: details.opioidSubstitution, plannedSessions: first.code.startsWith("OST_") || first.code.endsWith("WITHDRAWAL") ? null : random.int(6, 12) });
  if (options.startTop ?? random.chance(0.93)) {
    builder.add({ kind: "TOP", date, stage: "START", top: topAt(random, details.substances, details.injectingStatus, 0, false) });
  }
  if (details.injectingStatus === "CURRENTLY") {
    builder.add({ kind: "INTERVENTION", date, ref: builder.nextInterventionRef("NEEDLE_SYRINGE_PROGRAMME"), code: "NEEDLE_SYRINGE_PROGRAMME", subTypes: [], setting: "COMMUNITY", endDate: null, plannedEndDate: null, plannedSessions: null, interestExpressedDate: null, firstContactActions: [], contactSchedule: [], notes: null });
  }
  if (first.code === "ALCOHOL_WITHDRAWAL") {
    const detoxEnd = addDays(date, random.int(7, 12));
    if (detoxEnd <= until) {
      endIntervention(context, mainRef, detoxEnd);
      startStructured(context, detoxEnd, details.psychosocial ?? "COUNSELLING", "COMMUNITY", { plannedSessions: random.int(6, 12) });
    }
  } else if (details.psychosocial) {
    const start = addDays(date, random.int(7, 28));
    if (start <= until) startStructured(context, start, details.psychosocial, "COMMUNITY", { plannedSessions: random.int(6, 12) });
  }
}

/** A structured intervention running on `date`, if any. */
function openStructuredOn(context: EpisodeContext, date: IsoDate) {
  return context.structured.find((span) => span.start <= date && (span.end === null || span.end >= date));
}

const SOCIAL_SUPPORT_FOR_NEED: readonly (readonly [string, string])[] = [
  ["FINANCE", "FINANCIAL"],
  ["HOUSING", "HOUSING"],
  ["EMPLOYMENT_EDUCATION", "EMPLOYMENT"],
  ["FAMILY_RELATIONSHIPS", "FAMILY"],
  ["PARENTING", "PARENTING"],
];

/**
 * One or two recovery-support interventions alongside structured treatment (R-ROSC-1), each started on a day
 * a pharmacological or psychosocial intervention is running and after the comprehensive assessment, so social
 * support meets a need it found (R-ROSC-2).
 */
export function recoverySupport(context: EpisodeContext, from: IsoDate, until: IsoDate): void {
  const { random, builder } = context;
  if (from > until) return;
  const kinds = random.sample(["PEER", "MUTUAL_AID", "SOCIAL", "DIVERSIONARY"] as const, random.int(1, 2));
  for (const kind of kinds) {
    const start = addDays(from, random.int(0, Math.max(0, Math.min(60, daysBetween(from, until)))));
    if (!openStructuredOn(context, start)) continue;
    const base = { kind: "INTERVENTION" as const, date: start, subTypes: [] as string[], setting: "COMMUNITY" as const, endDate: null, plannedEndDate: null as IsoDate | null, plannedSessions: null as number | null, interestExpressedDate: null as IsoDate | null, firstContactActions: [] as FirstContactAction[], contactSchedule: [], notes: null as string | null };
    if (kind === "PEER") {
      builder.add({ ...base, ref: builder.nextInterventionRef("ROSC_PEER_SUPPORT"), code: "ROSC_PEER_SUPPORT", notes: "Matched with a peer mentor from the recovery community." }, "ROSC");
    } else if (kind === "MUTUAL_AID") {
      const group = context.profile === "ALCOHOL" ? "an Alcoholics Anonymous meeting" : random.pick(["a SMART Recovery meeting", "a Narcotics Anonymous meeting"]);
      builder.add(
        {
          ...base,
          ref: builder.nextInterventionRef("ROSC_FACILITATED_MUTUAL_AID"),
          code: "ROSC_FACILITATED_MUTUAL_AID",
          interestExpressedDate: maxDate(context.referralDate, addDays(start, -random.int(0, 10))),
          firstContactActions: random.sample(["INFORMATION_GIVEN", "CONTACT_MADE", "TRANSPORT_ARRANGED", "ACCOMPANIED"] as const, random.int(1, 3)),
          notes: `Asked to try ${group}.`,
        },
        "ROSC",
      );
    } else if (kind === "SOCIAL") {
      const needs = context.needs ?? {};
      const subTypes = SOCIAL_SUPPORT_FOR_NEED.filter(([domain]) => (needs as Record<string, string>)[domain] && (needs as Record<string, string>)[domain] !== "NONE").map(([, subType]) => subType);
      if (subTypes.length === 0 || context.comprehensiveDate === null || context.comprehensiveDate > start) continue;
      builder.add({ ...base, ref: builder.nextInterventionRef("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT"), code: "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", subTypes: random.sample(subTypes, random.int(1, Math.min(2, subTypes.length))), notes: "Active referral to the local advice and housing support partners." }, "ROSC");
    } else {
      const ref = builder.nextInterventionRef("ROSC_DIVERSIONARY_ACTIVITIES");
      const plannedEnd = addWeeks(start, random.int(8, 12));
      builder.add({ ...base, ref, code: "ROSC_DIVERSIONARY_ACTIVITIES", plannedEndDate: plannedEnd, plannedSessions: random.int(6, 12), notes: random.pick(["Weekly recovery football sessions.", "Allotment group twice a week.", "Art group at the recovery hub."]) }, "ROSC");
      if (plannedEnd <= until) builder.add({ kind: "END_INTERVENTION", date: plannedEnd, ref });
    }
  }
}

export interface CourseOptions {
  /** The last day of the course: today for an open episode, the discharge date for one that ended. */
  readonly end: IsoDate;
  /** Leave the review due in the last weeks undone, so it shows as overdue. */
  readonly overdueReview: boolean;
  /** Share of reviews completed after their due date. */
  readonly lateShare: number;
  /** Keep contacts going up to `end`; off when the story writes its own last weeks (disengagement). */
  readonly contactsUntil: IsoDate;
  readonly clearSuicideRiskAtReview: boolean;
}

/**
 * Reviews every twelve weeks after sign-off (R-REV-1), mostly on time, with risk re-assessed (R-RISK-3)
 * and goal progress; REVIEW TOPs about every six months after treatment began (R-TOP-2), a few missed;
 * and keywork appointments: monthly over the last six months, fortnightly in the last six weeks.
 */
export function courseOfTreatment(context: EpisodeContext, options: CourseOptions): void {
  writeReviews(context, options);
  writeReviewTops(context, options.end);
  writeKeywork(context, options.contactsUntil);
}

function writeReviews(context: EpisodeContext, options: CourseOptions): void {
  const { random, builder } = context;
  if (context.signOffDate === null) return;
  let due = addWeeks(context.signOffDate, 12);
  let count = 0;
  for (;;) {
    if (options.overdueReview && due >= addDays(options.end, -84) && due <= addDays(options.end, -5)) return;
    const onTime = !random.chance(options.lateShare);
    const completed = onTime ? addDays(due, -random.int(0, 10)) : addDays(due, random.int(3, 21));
    if (completed > options.end) return;
    count += 1;
    const goals = builder.currentGoals();
    const progress = goals.map((_, goalIndex) => ({
      goalIndex,
      status: (random.chance(Math.min(0.8, count * 0.2)) ? "ACHIEVED" : random.chance(0.05) ? "DROPPED" : "OPEN") as GoalStatus,
      note: random.chance(0.4) ? random.pick(["Going well.", "Some slips but back on track.", "Needs more support with this.", "Achieved and maintained."]) : null,
    }));
    attended(context, completed, "Recovery plan review.");
    builder.add({ kind: "REVIEW", date: completed, goalProgress: progress, risk: riskOn(context, options.clearSuicideRiskAtReview && count >= 1) });
    due = addWeeks(completed, 12);
  }
}

function writeReviewTops(context: EpisodeContext, end: IsoDate): void {
  const { random, builder, details } = context;
  const start = context.firstInterventionDate;
  if (start === null) return;
  for (let months = 6; ; months += 6) {
    const due = addMonths(start, months);
    if (due > end) return;
    // Some TOPs are missed, so the exceptions report has something to show.
    if (random.chance(0.12)) continue;
    const date = minDate(end, addDays(due, random.int(-10, 10)));
    builder.add({ kind: "TOP", date, stage: "REVIEW", top: topAt(random, details.substances, details.injectingStatus, Math.min(0.9, months / 12), false) });
  }
}

const TIMES = ["09:30", "10:00", "11:00", "13:30", "14:00", "15:30"];

/** Keywork appointments up to `until`; a missed one is usually followed up by phone the next working day (R-DNA-1). */
function writeKeywork(context: EpisodeContext, until: IsoDate): void {
  const { random, builder } = context;
  const start = context.firstInterventionDate;
  if (start === null || start > until) return;
  // Older keywork is summarised by the reviews; the recent months are what a caseload screen shows.
  const halfYearAgo = addDays(until, -182);
  const fortnightlyFrom = addDays(until, -42);
  let date = addDays(maxDate(start, halfYearAgo), random.int(5, 20));
  while (date <= until) {
    const outcome = random.weighted([["ATTENDED", 84], ["DID_NOT_ATTEND", 10], ["CANCELLED_BY_SERVICE_USER", 4], ["REARRANGED", 2]] as const);
    builder.add({ kind: "CONTACT", date, time: random.pick(TIMES), contactKind: "APPOINTMENT", outcome, notes: null });
    if (outcome === "DID_NOT_ATTEND") {
      const followUp = nextWorkingDay(date);
      if (followUp <= until && random.chance(0.9)) {
        builder.add({ kind: "CONTACT", date: followUp, time: "10:15", contactKind: "PHONE", outcome: "ATTENDED", notes: "Phoned after the missed appointment; rebooked." });
      }
    }
    date = addDays(date, date >= fortnightlyFrom ? random.int(12, 16) : random.int(26, 34));
  }
}

export function nextWorkingDay(date: IsoDate): IsoDate {
  let next = addDays(date, 1);
  while ([0, 6].includes(new Date(`${next}T12:00:00Z`).getUTCDay())) next = addDays(next, 1);
  return next;
}
