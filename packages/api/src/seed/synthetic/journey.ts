import {
  addDays,
  addMonths,
  addWeeks,
  minDate,
  type CatalogueItem,
  type ContactKind,
  type ContactOutcome,
  type DischargeReason,
  type IsoDate,
  type NeedDomain,
  type OutcomeRecord,
  type RiskAssessment,
  type Substance,
} from "@waymark/core";
import { outcomeColumnsOf, type ContactRow, type InterventionRow, type ServiceUserRow } from "../../db/mappers.js";
import type { Random } from "../random.js";
import { stampsOn, type EpisodeRows } from "./episodeRows.js";
import type { SyntheticIds } from "./identifiers.js";

/** Who works in the team the episode is referred to. */
export interface TeamStaff {
  readonly teamId: string;
  readonly keyworkerIds: readonly string[];
  readonly leadId: string;
}

/** Problem substance mixes, each with its weight among referrals (roughly the national mix). */
const SUBSTANCE_MIXES: readonly (readonly [readonly Substance[], number])[] = [
  [["HEROIN", "CRACK"], 22],
  [["HEROIN"], 10],
  [["ALCOHOL"], 30],
  [["ALCOHOL", "COCAINE_POWDER"], 8],
  [["COCAINE_POWDER"], 7],
  [["CANNABIS"], 9],
  [["CRACK"], 5],
  [["BENZODIAZEPINES", "ALCOHOL"], 3],
  [["AMPHETAMINES"], 3],
  [["KETAMINE"], 3],
];

const YOUNG_PEOPLE_MIXES: readonly (readonly [readonly Substance[], number])[] = [
  [["CANNABIS"], 60],
  [["CANNABIS", "ALCOHOL"], 15],
  [["ALCOHOL"], 10],
  [["COCAINE_POWDER"], 8],
  [["KETAMINE"], 7],
];

const OPIATES: ReadonlySet<Substance> = new Set(["HEROIN", "METHADONE_ILLICIT", "BUPRENORPHINE_ILLICIT", "OTHER_OPIATES"]);

const CONTACT_KINDS: readonly (readonly [ContactKind, number])[] = [["APPOINTMENT", 62], ["PHONE", 18], ["GROUP", 10], ["TEXT", 4], ["HOME_VISIT", 4], ["LETTER", 2]];
const CONTACT_OUTCOMES: readonly (readonly [ContactOutcome, number])[] = [["ATTENDED", 80], ["DID_NOT_ATTEND", 12], ["CANCELLED_BY_SERVICE_USER", 4], ["CANCELLED_BY_SERVICE", 2], ["REARRANGED", 2]];

const PLANNED_EXITS: readonly (readonly [DischargeReason, number])[] = [["COMPLETED_DRUG_FREE", 45], ["COMPLETED_ALCOHOL_FREE", 35], ["COMPLETED_OCCASIONAL_USER", 20]];
const OTHER_EXITS: readonly (readonly [DischargeReason, number])[] = [
  ["DROPPED_OUT", 55],
  ["TRANSFERRED_NOT_IN_CUSTODY", 10],
  ["TRANSFERRED_IN_CUSTODY", 6],
  ["RETAINED_IN_CUSTODY", 5],
  ["WITHDRAWN_BY_PROVIDER", 4],
  ["ONWARD_REFERRAL_REFUSED", 4],
  ["CLIENT_DIED", 2],
];
const PRE_TREATMENT_EXITS: readonly (readonly [DischargeReason, number])[] = [["COMMENCEMENT_DECLINED", 50], ["DROPPED_OUT", 35], ["INAPPROPRIATE_REFERRAL", 15]];

/** The stage an episode reaches and how long it lasts, drawn once so the rest of its records follow from them. */
interface Course {
  readonly triageAfterDays: number;
  readonly assessmentAfterDays: number;
  readonly treatmentAfterDays: number;
  /** Days from referral to discharge, for episodes that end. */
  readonly lengthDays: number;
  /** Whether it leaves before treatment starts. */
  readonly leavesBeforeTreatment: boolean;
  readonly planned: boolean;
}

/**
 * One episode at a time, as a keyworker would have recorded it: referral, triage and interim plan, comprehensive
 * assessment and full plan, structured treatment with recovery support, contacts (some missed, most followed
 * up), a review every 12 weeks (some late, some missed), TOPs at start, every six months and exit, and a
 * discharge for those that have ended. Episodes that would end after today are still open, at the stage they
 * would have reached.
 */
export class SyntheticJourney {
  private readonly structured: readonly CatalogueItem[];
  private readonly recoverySupport: readonly CatalogueItem[];
  private readonly aftercare: readonly CatalogueItem[];

  constructor(
    private readonly random: Random,
    private readonly ids: SyntheticIds,
    private readonly today: IsoDate,
    private readonly catalogue: readonly CatalogueItem[],
  ) {
    const live = catalogue.filter((item) => !item.retired);
    this.structured = live.filter((item) => item.modality === "PSYCHOSOCIAL" && item.phase !== "POST_TREATMENT");
    this.recoverySupport = live.filter((item) => item.modality === "RECOVERY_SUPPORT" && item.phase === "IN_TREATMENT");
    this.aftercare = live.filter((item) => item.modality === "RECOVERY_SUPPORT" && item.phase === "POST_TREATMENT");
  }

  private item(code: string): CatalogueItem {
    const found = this.catalogue.find((item) => item.code === code);
    if (!found) throw new Error(`The catalogue has no ${code}`);
    return found;
  }

  private course(): Course {
    const random = this.random;
    const leavesBeforeTreatment = random.chance(0.12);
    const planned = !leavesBeforeTreatment && random.chance(0.45);
    // Most treatment lasts months; a long tail (mostly OST) lasts years.
    const lengthDays = leavesBeforeTreatment ? random.int(10, 60) : Math.round(90 + 700 * random.next() ** 2 + (random.chance(0.15) ? random.int(300, 1200) : 0));
    return { triageAfterDays: random.int(1, 12), assessmentAfterDays: random.int(4, 18), treatmentAfterDays: random.int(0, 9), lengthDays, leavesBeforeTreatment, planned };
  }

  /** The episode referred on `referralDate`; `team` is where it is held. */
  episode(person: ServiceUserRow, referralDate: IsoDate, youngPerson: boolean, team: TeamStaff): EpisodeRows {
    const random = this.random;
    const course = this.course();
    const episodeId = this.ids.next();
    const keyworkerId = random.pick(team.keyworkerIds);
    const endDate = addDays(referralDate, course.lengthDays);
    const ends = endDate < this.today;
    const lastDay = ends ? endDate : this.today;
    const triageDate = addDays(referralDate, course.triageAfterDays);
    const assessmentDate = addDays(triageDate, course.assessmentAfterDays);
    const treatmentStart = addDays(assessmentDate, course.treatmentAfterDays);
    const triaged = triageDate <= lastDay;
    const assessed = triaged && assessmentDate <= lastDay;
    const treated = assessed && !course.leavesBeforeTreatment && treatmentStart <= lastDay;
    const mix = random.weighted(youngPerson ? YOUNG_PEOPLE_MIXES : SUBSTANCE_MIXES);
    const opiate = mix.some((substance) => OPIATES.has(substance));
    const injecting = opiate && random.chance(0.4);

    const status = ends ? (treated && course.planned ? "COMPLETED" : "CLOSED") : treated ? "IN_TREATMENT" : assessed ? "ASSESSED" : triaged ? "TRIAGED" : "REFERRED";
    const dischargeReason = !ends ? null : treated ? random.weighted(course.planned ? PLANNED_EXITS : OTHER_EXITS) : random.weighted(PRE_TREATMENT_EXITS);
    const rows: EpisodeRows = {
      episode: {
        id: episodeId,
        serviceUserId: person.id,
        teamId: team.teamId,
        keyworkerId: triaged ? keyworkerId : null,
        status,
        referralDate,
        referralSource: random.weighted([["SELF", 40], ["GP", 18], ["PROBATION", 12], ["HOSPITAL", 8], ["SOCIAL_SERVICES", 7], ["MENTAL_HEALTH_SERVICE", 6], ["FAMILY_OR_CONCERNED_OTHER", 5], ["POLICE_ARREST_REFERRAL", 4]]),
        referrer: null,
        referralReason: opiate ? "Wants help to stop using heroin" : mix.includes("ALCOHOL") ? "Drinking most days and wants to cut down" : "Wants support with drug use",
        referralUrgency: random.chance(0.1) ? "URGENT" : "ROUTINE",
        ageBandOverrideReason: null,
        ageBandOverrideById: null,
        triageDate: triaged ? triageDate : null,
        injectingStatus: triaged ? (injecting ? "CURRENTLY" : opiate && random.chance(0.3) ? "PREVIOUSLY" : "NEVER") : null,
        dischargeDate: ends ? endDate : null,
        dischargeReason,
        cohort: null,
        firstInterventionDate: null,
        nextReviewDue: null,
        lastAttendedContactDate: null,
        dnaFollowUpDueBy: null,
        consecutiveDnas: 0,
        suicideRisk: false,
        safeguarding: false,
        homeVisitRecorded: false,
        ostSince: null,
        ...stampsOn(referralDate, team.leadId),
      },
      substances: mix.map((substance, index) => ({
        episodeId,
        rank: index + 1,
        substance,
        ageOfFirstUse: random.int(12, 25),
        route: OPIATES.has(substance) ? (injecting ? "INJECT" : "SMOKE") : substance === "ALCOHOL" ? "ORAL" : random.pick(["SNIFF", "SMOKE", "ORAL"]),
      })),
      assessments: [],
      plans: [],
      goals: [],
      reviews: [],
      interventions: [],
      outcomes: [],
      contacts: [],
      harmReduction: [],
    };
    if (!triaged) return rows;

    const needs = this.needs(opiate);
    this.assess(rows, "TRIAGE", triageDate, keyworkerId, needs);
    this.plan(rows, "INTERIM", triageDate, keyworkerId, needs, lastDay, false);
    if (assessed) {
      this.assess(rows, "COMPREHENSIVE", assessmentDate, keyworkerId, needs);
      this.plan(rows, "FULL", assessmentDate, keyworkerId, needs, lastDay, true);
    }
    if (treated) {
      this.treatment(rows, treatmentStart, lastDay, ends, opiate, injecting, keyworkerId, needs, course.planned);
      this.outcomes(rows, treatmentStart, lastDay, ends, opiate);
    }
    this.contacts(rows, triageDate, lastDay, keyworkerId, treated);
    return rows;
  }

  private needs(opiate: boolean): Partial<Record<NeedDomain, "NONE" | "SOME" | "HIGH">> {
    const level = (chance: number) => (this.random.chance(chance) ? (this.random.chance(0.4) ? "HIGH" : "SOME") : "NONE");
    return {
      SUBSTANCE_USE: "HIGH",
      PHYSICAL_HEALTH: level(opiate ? 0.6 : 0.35),
      MENTAL_HEALTH: level(0.55),
      HOUSING: level(opiate ? 0.45 : 0.2),
      FINANCE: level(0.4),
      EMPLOYMENT_EDUCATION: level(0.45),
      FAMILY_RELATIONSHIPS: level(0.4),
      CRIMINAL_JUSTICE: level(opiate ? 0.4 : 0.15),
    };
  }

  private risk(): RiskAssessment {
    const random = this.random;
    const level = () => random.weighted<"LOW" | "MEDIUM" | "HIGH">([["LOW", 70], ["MEDIUM", 24], ["HIGH", 6]]);
    return {
      selfHarmOrSuicide: level(),
      overdose: level(),
      toOthers: level(),
      fromOthers: level(),
      domesticAbuse: random.chance(0.1),
      toChildren: random.chance(0.03) ? "MEDIUM" : "LOW",
      suicideFactors: { bereavement: random.chance(0.1), relationshipBreakdown: random.chance(0.15), domesticOrSexualAbuseHistory: random.chance(0.08), isCarer: false },
      notes: null,
    };
  }

  private assess(rows: EpisodeRows, kind: "TRIAGE" | "COMPREHENSIVE", date: IsoDate, assessorId: string, needs: Partial<Record<NeedDomain, string>>): void {
    rows.assessments.push({
      id: this.ids.next(),
      episodeId: rows.episode.id,
      kind,
      date,
      assessorId,
      needs: needs as Record<string, string>,
      risk: this.risk(),
      recoveryCapitalItems: kind === "COMPREHENSIVE" ? Array.from({ length: 10 }, () => this.random.int(0, 4)) : null,
      ...stampsOn(date, assessorId),
    });
  }

  /** A plan, its goals and, for the full plan, a review every 12 weeks until `lastDay`: most on time, some late, some missed. */
  private plan(rows: EpisodeRows, kind: "INTERIM" | "FULL", startDate: IsoDate, keyworkerId: string, needs: Partial<Record<NeedDomain, string>>, lastDay: IsoDate, reviewed: boolean): void {
    const random = this.random;
    const planId = this.ids.next();
    rows.plans.push({
      id: planId,
      episodeId: rows.episode.id,
      kind,
      startDate,
      agreedWithServiceUser: true,
      signedOffById: kind === "FULL" ? keyworkerId : null,
      signedOffDate: kind === "FULL" ? startDate : null,
      reviewIntervalWeeks: 12,
      budgetAllocatedPence: null,
      ...stampsOn(startDate, keyworkerId),
    });
    const domains = (Object.keys(needs) as NeedDomain[]).filter((domain) => needs[domain] !== "NONE").slice(0, 3);
    domains.forEach((domain, position) =>
      rows.goals.push({ id: this.ids.next(), planId, position, domain, description: `Make progress with ${domain.toLowerCase().replace(/_/g, " ")}`, targetDate: addMonths(startDate, 6), status: "OPEN" }),
    );
    if (!reviewed) return;
    for (let due = addWeeks(startDate, 12); due <= lastDay; due = addWeeks(due, 12)) {
      if (random.chance(0.07)) continue;
      const completed = random.chance(0.85) ? addDays(due, random.int(-7, 5)) : addDays(due, random.int(8, 35));
      if (completed > lastDay) break;
      rows.reviews.push({
        id: this.ids.next(),
        planId,
        episodeId: rows.episode.id,
        dueDate: due,
        completedDate: completed,
        completedById: keyworkerId,
        risk: random.chance(0.6) ? this.risk() : null,
        ...stampsOn(completed, keyworkerId),
      });
    }
  }

  private intervention(rows: EpisodeRows, item: CatalogueItem, startDate: IsoDate, endDate: IsoDate | null, keyworkerId: string): void {
    const random = this.random;
    const intervention: InterventionRow = {
      id: this.ids.next(),
      episodeId: rows.episode.id,
      catalogueItemCode: item.code,
      subTypes: item.switches.needsSubType && item.subTypes.length > 0 ? [random.pick(item.subTypes).code] : [],
      startDate,
      endDate,
      plannedEndDate: item.switches.sustainedOnly ? addWeeks(startDate, 12) : null,
      plannedSessions: item.switches.sustainedOnly ? random.int(4, 12) : null,
      setting: item.modality === "PHARMACOLOGICAL" && random.chance(0.2) ? "PRIMARY_CARE" : "COMMUNITY",
      deliveredById: keyworkerId,
      notes: null,
      interestExpressedDate: item.switches.needsInterest ? addDays(startDate, -random.int(1, 14)) : null,
      firstContactActions: item.switches.needsInterest ? ["INFORMATION_GIVEN", "CONTACT_MADE"] : [],
      contactSchedule: item.switches.needsContactSchedule ? [addMonths(startDate, 1), addMonths(startDate, 3)] : [],
      ...stampsOn(startDate, keyworkerId),
    };
    rows.interventions.push(intervention);
  }

  /** About ten interventions: structured treatment first (OST for opiates), then harm reduction and recovery support. */
  private treatment(rows: EpisodeRows, start: IsoDate, lastDay: IsoDate, ends: boolean, opiate: boolean, injecting: boolean, keyworkerId: string, needs: Partial<Record<NeedDomain, string>>, planned: boolean): void {
    const random = this.random;
    const endOrOpen = (date: IsoDate): IsoDate | null => (date < lastDay ? date : ends ? lastDay : null);
    if (opiate) this.intervention(rows, this.item(random.chance(0.7) ? "OST_METHADONE" : "OST_BUPRENORPHINE"), start, ends ? lastDay : null, keyworkerId);
    else if (rows.substances.some((substance) => substance.substance === "ALCOHOL") && random.chance(0.3)) this.intervention(rows, this.item("ALCOHOL_WITHDRAWAL"), start, endOrOpen(addDays(start, 14)), keyworkerId);
    const spanDays = Math.max(1, Math.round((Date.parse(lastDay) - Date.parse(start)) / 86_400_000));
    const structuredCount = random.int(2, 4);
    for (let index = 0; index < structuredCount; index += 1) {
      const begins = index === 0 ? start : addDays(start, random.int(0, spanDays));
      this.intervention(rows, random.pick(this.structured), begins, endOrOpen(addDays(begins, random.int(42, 180))), keyworkerId);
    }
    if (opiate) {
      this.intervention(rows, this.item("NALOXONE_SUPPLY_TRAINING"), start, start, keyworkerId);
      if (injecting) this.intervention(rows, this.item("NEEDLE_SYRINGE_PROGRAMME"), start, endOrOpen(addDays(start, 120)), keyworkerId);
      rows.harmReduction.push({
        id: this.ids.next(),
        episodeId: rows.episode.id,
        date: start,
        naloxoneIssuedTo: "SERVICE_USER",
        naloxoneTrainingGiven: true,
        hepatitisBVaccination: random.pick(["OFFERED", "ACCEPTED", "DECLINED"]),
        hepatitisCTest: random.pick(["OFFERED", "ACCEPTED", "DECLINED"]),
        hivTest: random.pick(["OFFERED", "ACCEPTED", "DECLINED"]),
        ...stampsOn(start, keyworkerId),
      });
    }
    const supportCount = 10 - rows.interventions.length + random.int(-2, 2);
    for (let index = 0; index < supportCount; index += 1) {
      const begins = addDays(start, random.int(7, Math.max(7, spanDays - 7)));
      if (begins > lastDay) continue;
      this.intervention(rows, random.pick(this.recoverySupport), begins, endOrOpen(addDays(begins, random.int(28, 120))), keyworkerId);
    }
    if (ends && planned && this.aftercare.length > 0 && needs.SUBSTANCE_USE && lastDay < this.today) {
      const begins = addDays(lastDay, 7);
      if (begins <= this.today) this.intervention(rows, random.pick(this.aftercare), begins, minDate(addMonths(begins, 3), this.today) === this.today ? null : addMonths(begins, 3), keyworkerId);
    }
  }

  private top(episodeId: string, stage: OutcomeRecord["stage"], date: IsoDate, opiate: boolean, progress: number): OutcomeRecord {
    const random = this.random;
    // Use falls as treatment goes on (progress 0 → 1), unevenly, as it does.
    const days = (base: number) => Math.max(0, Math.min(28, Math.round(base * (1 - progress * random.next()))));
    const disclosed = <T>(value: T): T | "NOT_DISCLOSED" => (random.chance(0.03) ? "NOT_DISCLOSED" : value);
    const use = (base: number) => ({ days: disclosed(days(base)), typicalAmount: null });
    return {
      id: "",
      episodeId,
      stage,
      date,
      substanceUse: {
        ALCOHOL: use(opiate ? 6 : 20),
        OPIATES: use(opiate ? 24 : 0),
        CRACK: use(opiate ? 12 : 2),
        COCAINE: use(opiate ? 1 : 6),
        AMPHETAMINES: use(1),
        CANNABIS: use(8),
        OTHER: use(0),
        TOBACCO: use(26),
      },
      injecting: { days: disclosed(opiate ? days(10) : 0), sharedNeedles: disclosed(opiate && random.chance(0.1)), sharedOtherEquipment: disclosed(opiate && random.chance(0.15)) },
      crime: { shoplifting: disclosed(days(opiate ? 5 : 0)), drugSelling: disclosed(days(1)), otherTheft: disclosed(days(1)), assaultViolence: disclosed(days(0.5)) },
      health: {
        psychologicalHealth: disclosed(Math.min(20, 8 + Math.round(progress * random.int(0, 10)))),
        physicalHealth: disclosed(Math.min(20, 9 + Math.round(progress * random.int(0, 8)))),
        qualityOfLife: disclosed(Math.min(20, 7 + Math.round(progress * random.int(0, 10)))),
        paidWorkDays: disclosed(random.chance(0.2 + progress * 0.2) ? random.int(4, 20) : 0),
        educationDays: disclosed(random.chance(0.05) ? random.int(2, 10) : 0),
        acuteHousingProblem: disclosed(random.chance(0.1)),
        atRiskOfEviction: disclosed(random.chance(0.08)),
      },
      outcomeStar: null,
    };
  }

  /** A TOP at the start, one every six months, and (for most who leave) one at exit. */
  private outcomes(rows: EpisodeRows, start: IsoDate, lastDay: IsoDate, ends: boolean, opiate: boolean): void {
    const random = this.random;
    const keyworkerId = rows.episode.keyworkerId ?? rows.episode.createdById ?? "";
    const totalDays = Math.max(1, (Date.parse(lastDay) - Date.parse(start)) / 86_400_000);
    const add = (stage: OutcomeRecord["stage"], date: IsoDate) => {
      const progress = Math.min(1, (Date.parse(date) - Date.parse(start)) / 86_400_000 / Math.max(totalDays, 180));
      rows.outcomes.push({ id: this.ids.next(), ...outcomeColumnsOf(this.top(rows.episode.id, stage, date, opiate, progress)), ...stampsOn(date, keyworkerId) });
    };
    add("START", start);
    for (let due = addMonths(start, 6); due < lastDay; due = addMonths(due, 6)) {
      // Some six-monthly reviews are missed or late (K-4 counts them).
      if (random.chance(0.12)) continue;
      const date = addDays(due, random.int(-14, 20));
      if (date < lastDay) add("REVIEW", date);
    }
    if (ends && random.chance(0.75)) add("EXIT", lastDay);
  }

  /** About twenty contacts between triage and the last day; most missed appointments get a follow-up within two days. */
  private contacts(rows: EpisodeRows, firstDay: IsoDate, lastDay: IsoDate, keyworkerId: string, treated: boolean): void {
    const random = this.random;
    const spanDays = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000));
    const wanted = treated ? random.int(12, 28) : random.int(1, 4);
    const count = Math.min(wanted, spanDays + 1);
    const dates: IsoDate[] = [];
    for (let index = 0; index < count; index += 1) dates.push(addDays(firstDay, random.int(0, spanDays)));
    dates.sort();
    const add = (date: IsoDate, kind: ContactKind, outcome: ContactOutcome) => {
      const contact: ContactRow = {
        id: this.ids.next(),
        episodeId: rows.episode.id,
        date,
        time: `${String(random.int(9, 16)).padStart(2, "0")}:${random.pick(["00", "15", "30", "45"])}`,
        kind,
        outcome,
        staffId: keyworkerId,
        notes: null,
        ...stampsOn(date, keyworkerId),
      };
      rows.contacts.push(contact);
    };
    for (const date of dates) {
      const outcome = random.weighted(CONTACT_OUTCOMES);
      add(date, outcome === "DID_NOT_ATTEND" ? "APPOINTMENT" : random.weighted(CONTACT_KINDS), outcome);
      if (outcome === "DID_NOT_ATTEND" && random.chance(0.85)) {
        const followUp = addDays(date, random.int(0, 2));
        if (followUp <= lastDay) add(followUp, random.pick(["PHONE", "TEXT", "LETTER"]), "ATTENDED");
      }
    }
  }
}
