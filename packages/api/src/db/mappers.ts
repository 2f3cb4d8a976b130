import {
  NOT_DISCLOSED,
  type Assessment,
  type CatalogueItem,
  type Contact,
  type Episode,
  type HarmReductionRecord,
  type Intervention,
  type OutcomeRecord,
  type RecoveryPlan,
  type Review,
  type RiskAssessment,
  type ServiceUser,
  type StaffMember,
  type Team,
  type TopCount,
  type TopYesNo,
} from "@waymark/core";
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import type * as schema from "./schema/sqlite.js";

/**
 * Conversions between database rows and core's records. Codes are stored as the same strings core uses, so
 * the casts below only restore the narrower string types; input is validated before it is written.
 */
type RowOf<K extends keyof typeof schema> = (typeof schema)[K] extends infer T ? (T extends { $inferSelect: infer R } ? R : never) : never;
export type TeamRow = InferSelectModel<typeof schema.teams>;
export type StaffRow = InferSelectModel<typeof schema.staff>;
export type ServiceUserRow = InferSelectModel<typeof schema.serviceUsers>;
export type EpisodeRow = InferSelectModel<typeof schema.episodes>;
export type ProblemSubstanceRow = InferSelectModel<typeof schema.problemSubstances>;
export type AssessmentRow = InferSelectModel<typeof schema.assessments>;
export type PlanRow = InferSelectModel<typeof schema.recoveryPlans>;
export type GoalRow = InferSelectModel<typeof schema.planGoals>;
export type BudgetLineRow = InferSelectModel<typeof schema.budgetLines>;
export type ReviewRow = InferSelectModel<typeof schema.reviews>;
export type GoalProgressRow = InferSelectModel<typeof schema.goalProgress>;
export type InterventionRow = InferSelectModel<typeof schema.interventions>;
export type OutcomeRow = InferSelectModel<typeof schema.outcomeRecords>;
export type OutcomeInsert = InferInsertModel<typeof schema.outcomeRecords>;
export type ContactRow = InferSelectModel<typeof schema.contacts>;
export type HarmReductionRow = InferSelectModel<typeof schema.harmReductionRecords>;
export type CatalogueItemRow = InferSelectModel<typeof schema.catalogueItems>;
export type AuditEventRow = RowOf<"auditEvents">;

interface ErrorMarkColumns {
  enteredInErrorReason: string | null;
  enteredInErrorById: string | null;
  enteredInErrorOn: string | null;
}

function enteredInErrorOf(row: ErrorMarkColumns) {
  return row.enteredInErrorReason ? { reason: row.enteredInErrorReason, markedById: row.enteredInErrorById ?? "", markedOn: row.enteredInErrorOn ?? "" } : null;
}

export function toTeam(row: TeamRow): Team {
  return { id: row.id, name: row.name, minAge: row.minAge, maxAge: row.maxAge, reviewIntervalWeeks: row.reviewIntervalWeeks, waitingTimeTargetDays: row.waitingTimeTargetDays };
}

export function toStaffMember(row: StaffRow, teamIds: readonly string[]): StaffMember {
  return { id: row.id, name: row.name, email: row.email, roles: row.roles as StaffMember["roles"], teamIds, active: row.active };
}

export function toServiceUser(row: ServiceUserRow): ServiceUser {
  return {
    id: row.id,
    localReference: row.localReference,
    firstName: row.firstName,
    lastName: row.lastName,
    preferredName: row.preferredName,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex as ServiceUser["sex"],
    genderIdentity: row.genderIdentity,
    ethnicity: row.ethnicity as ServiceUser["ethnicity"],
    postcode: row.postcode,
    nhsNumber: row.nhsNumber,
    gpPractice: row.gpPractice,
    phone: row.phone,
    email: row.email,
    consentToNationalReporting: row.consentToNationalReporting as ServiceUser["consentToNationalReporting"],
    consentToShareWithGp: row.consentToShareWithGp as ServiceUser["consentToShareWithGp"],
    parentalResponsibility: row.parentalResponsibility,
    childrenLivingWith: row.childrenLivingWith,
    childUnder5InHousehold: row.childUnder5InHousehold,
    pregnant: row.pregnant,
    expectedDeliveryDate: row.expectedDeliveryDate,
    isCarer: row.isCarer,
    veteran: row.veteran,
    accommodationNeed: row.accommodationNeed as ServiceUser["accommodationNeed"],
    enteredInError: enteredInErrorOf(row),
  };
}

export function toEpisode(row: EpisodeRow, substances: readonly ProblemSubstanceRow[]): Episode {
  return {
    id: row.id,
    serviceUserId: row.serviceUserId,
    teamId: row.teamId,
    keyworkerId: row.keyworkerId,
    status: row.status as Episode["status"],
    referral: {
      receivedDate: row.referralDate,
      source: row.referralSource as Episode["referral"]["source"],
      referrer: row.referrer,
      reason: row.referralReason,
      urgency: row.referralUrgency as Episode["referral"]["urgency"],
    },
    ageBandOverride: row.ageBandOverrideReason ? { reason: row.ageBandOverrideReason, approvedById: row.ageBandOverrideById ?? "" } : null,
    triageDate: row.triageDate,
    problemSubstances: [...substances]
      .sort((a, b) => a.rank - b.rank)
      .map((substance) => ({
        rank: substance.rank as 1 | 2 | 3,
        substance: substance.substance as Episode["problemSubstances"][number]["substance"],
        ageOfFirstUse: substance.ageOfFirstUse,
        route: substance.route as Episode["problemSubstances"][number]["route"],
      })),
    injectingStatus: row.injectingStatus as Episode["injectingStatus"],
    dischargeDate: row.dischargeDate,
    dischargeReason: row.dischargeReason as Episode["dischargeReason"],
    enteredInError: enteredInErrorOf(row),
  };
}

export function toAssessment(row: AssessmentRow): Assessment {
  return {
    id: row.id,
    episodeId: row.episodeId,
    kind: row.kind as Assessment["kind"],
    date: row.date,
    assessorId: row.assessorId,
    needs: row.needs as Assessment["needs"],
    risk: (row.risk as RiskAssessment | null) ?? null,
    recoveryCapital: row.recoveryCapitalItems ? { items: row.recoveryCapitalItems } : null,
    enteredInError: enteredInErrorOf(row),
  };
}

export function toRecoveryPlan(row: PlanRow, goals: readonly GoalRow[], lines: readonly BudgetLineRow[]): RecoveryPlan {
  return {
    id: row.id,
    episodeId: row.episodeId,
    kind: row.kind as RecoveryPlan["kind"],
    startDate: row.startDate,
    goals: [...goals]
      .sort((a, b) => a.position - b.position)
      .map((goal) => ({ id: goal.id, domain: goal.domain as RecoveryPlan["goals"][number]["domain"], description: goal.description, targetDate: goal.targetDate, status: goal.status as RecoveryPlan["goals"][number]["status"] })),
    agreedWithServiceUser: row.agreedWithServiceUser,
    signedOffById: row.signedOffById,
    signedOffDate: row.signedOffDate,
    personalBudget:
      row.budgetAllocatedPence === null
        ? null
        : { allocatedPence: row.budgetAllocatedPence, lines: [...lines].sort((a, b) => a.position - b.position).map((line) => ({ item: line.item, costPence: line.costPence })) },
    reviewIntervalWeeks: row.reviewIntervalWeeks,
    enteredInError: enteredInErrorOf(row),
  };
}

export function toReview(row: ReviewRow, progress: readonly GoalProgressRow[]): Review {
  return {
    id: row.id,
    planId: row.planId,
    dueDate: row.dueDate,
    completedDate: row.completedDate,
    completedById: row.completedById,
    goalProgress: progress.map((entry) => ({ goalId: entry.goalId, status: entry.status as Review["goalProgress"][number]["status"], note: entry.note })),
    risk: (row.risk as RiskAssessment | null) ?? null,
    enteredInError: enteredInErrorOf(row),
  };
}

export function toIntervention(row: InterventionRow): Intervention {
  return {
    id: row.id,
    episodeId: row.episodeId,
    catalogueItemCode: row.catalogueItemCode,
    subTypes: row.subTypes,
    startDate: row.startDate,
    endDate: row.endDate,
    plannedEndDate: row.plannedEndDate,
    plannedSessions: row.plannedSessions,
    setting: row.setting as Intervention["setting"],
    deliveredById: row.deliveredById,
    notes: row.notes,
    interestExpressedDate: row.interestExpressedDate,
    firstContactActions: row.firstContactActions as Intervention["firstContactActions"],
    contactSchedule: row.contactSchedule,
    enteredInError: enteredInErrorOf(row),
  };
}

const count = (value: number | null): TopCount => (value === null ? NOT_DISCLOSED : value);
const yesNo = (value: boolean | null): TopYesNo => (value === null ? NOT_DISCLOSED : value);
/** "Not disclosed" is stored as null, so every answer is a column an indicator can aggregate in SQL. */
export const storedCount = (value: TopCount): number | null => (value === NOT_DISCLOSED ? null : value);
export const storedYesNo = (value: TopYesNo): boolean | null => (value === NOT_DISCLOSED ? null : value);

export function toOutcomeRecord(row: OutcomeRow): OutcomeRecord {
  const use = (days: number | null, typicalAmount: string | null) => ({ days: count(days), typicalAmount });
  return {
    id: row.id,
    episodeId: row.episodeId,
    stage: row.stage as OutcomeRecord["stage"],
    date: row.date,
    substanceUse: {
      ALCOHOL: use(row.alcoholDays, row.alcoholAmount),
      OPIATES: use(row.opiatesDays, row.opiatesAmount),
      CRACK: use(row.crackDays, row.crackAmount),
      COCAINE: use(row.cocaineDays, row.cocaineAmount),
      AMPHETAMINES: use(row.amphetaminesDays, row.amphetaminesAmount),
      CANNABIS: use(row.cannabisDays, row.cannabisAmount),
      OTHER: use(row.otherDays, row.otherAmount),
      TOBACCO: use(row.tobaccoDays, row.tobaccoAmount),
    },
    injecting: { days: count(row.injectingDays), sharedNeedles: yesNo(row.sharedNeedles), sharedOtherEquipment: yesNo(row.sharedOtherEquipment) },
    crime: { shoplifting: count(row.shopliftingDays), drugSelling: count(row.drugSellingDays), otherTheft: count(row.otherTheftDays), assaultViolence: count(row.assaultViolenceDays) },
    health: {
      psychologicalHealth: count(row.psychologicalHealth),
      physicalHealth: count(row.physicalHealth),
      qualityOfLife: count(row.qualityOfLife),
      paidWorkDays: count(row.paidWorkDays),
      educationDays: count(row.educationDays),
      acuteHousingProblem: yesNo(row.acuteHousingProblem),
      atRiskOfEviction: yesNo(row.atRiskOfEviction),
    },
    outcomeStar: row.outcomeStar as OutcomeRecord["outcomeStar"],
    enteredInError: enteredInErrorOf(row),
  };
}

/** The columns of a TOP row from core's record (everything but the stamps). */
export function outcomeColumnsOf(record: Omit<OutcomeRecord, "id" | "enteredInError">) {
  const { substanceUse: use, injecting, crime, health } = record;
  return {
    episodeId: record.episodeId,
    stage: record.stage,
    date: record.date,
    alcoholDays: storedCount(use.ALCOHOL.days),
    alcoholAmount: use.ALCOHOL.typicalAmount,
    opiatesDays: storedCount(use.OPIATES.days),
    opiatesAmount: use.OPIATES.typicalAmount,
    crackDays: storedCount(use.CRACK.days),
    crackAmount: use.CRACK.typicalAmount,
    cocaineDays: storedCount(use.COCAINE.days),
    cocaineAmount: use.COCAINE.typicalAmount,
    amphetaminesDays: storedCount(use.AMPHETAMINES.days),
    amphetaminesAmount: use.AMPHETAMINES.typicalAmount,
    cannabisDays: storedCount(use.CANNABIS.days),
    cannabisAmount: use.CANNABIS.typicalAmount,
    otherDays: storedCount(use.OTHER.days),
    otherAmount: use.OTHER.typicalAmount,
    tobaccoDays: storedCount(use.TOBACCO.days),
    tobaccoAmount: use.TOBACCO.typicalAmount,
    injectingDays: storedCount(injecting.days),
    sharedNeedles: storedYesNo(injecting.sharedNeedles),
    sharedOtherEquipment: storedYesNo(injecting.sharedOtherEquipment),
    shopliftingDays: storedCount(crime.shoplifting),
    drugSellingDays: storedCount(crime.drugSelling),
    otherTheftDays: storedCount(crime.otherTheft),
    assaultViolenceDays: storedCount(crime.assaultViolence),
    psychologicalHealth: storedCount(health.psychologicalHealth),
    physicalHealth: storedCount(health.physicalHealth),
    qualityOfLife: storedCount(health.qualityOfLife),
    paidWorkDays: storedCount(health.paidWorkDays),
    educationDays: storedCount(health.educationDays),
    acuteHousingProblem: storedYesNo(health.acuteHousingProblem),
    atRiskOfEviction: storedYesNo(health.atRiskOfEviction),
    outcomeStar: (record.outcomeStar as Record<string, number> | null) ?? null,
  };
}

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    episodeId: row.episodeId,
    date: row.date,
    time: row.time,
    kind: row.kind as Contact["kind"],
    outcome: row.outcome as Contact["outcome"],
    staffId: row.staffId,
    notes: row.notes,
    enteredInError: enteredInErrorOf(row),
  };
}

export function toHarmReductionRecord(row: HarmReductionRow): HarmReductionRecord {
  return {
    id: row.id,
    episodeId: row.episodeId,
    date: row.date,
    naloxoneIssuedTo: row.naloxoneIssuedTo as HarmReductionRecord["naloxoneIssuedTo"],
    naloxoneTrainingGiven: row.naloxoneTrainingGiven,
    hepatitisBVaccination: row.hepatitisBVaccination as HarmReductionRecord["hepatitisBVaccination"],
    hepatitisCTest: row.hepatitisCTest as HarmReductionRecord["hepatitisCTest"],
    hivTest: row.hivTest as HarmReductionRecord["hivTest"],
    enteredInError: enteredInErrorOf(row),
  };
}

export function toCatalogueItem(row: CatalogueItemRow): CatalogueItem {
  return {
    code: row.code,
    label: row.label,
    definition: row.definition,
    modality: row.modality as CatalogueItem["modality"],
    phase: row.phase as CatalogueItem["phase"],
    subTypes: row.subTypes.map((subType) => ({ code: subType.code, label: subType.label, needDomain: subType.needDomain as CatalogueItem["subTypes"][number]["needDomain"] })),
    switches: {
      needsConcurrentModality: row.needsConcurrentModality,
      needsSubType: row.needsSubType,
      needsAssessedNeed: row.needsAssessedNeed,
      needsInterest: row.needsInterest,
      sustainedOnly: row.sustainedOnly,
      needsContactSchedule: row.needsContactSchedule,
      opioidSubstitution: row.opioidSubstitution,
    },
    retired: row.retired,
  };
}

/** The catalogue item's columns (without position and stamps). */
export function catalogueColumnsOf(item: CatalogueItem) {
  return {
    code: item.code,
    label: item.label,
    definition: item.definition,
    modality: item.modality,
    phase: item.phase,
    subTypes: item.subTypes.map((subType) => ({ ...subType })),
    ...item.switches,
    retired: item.retired,
  };
}
