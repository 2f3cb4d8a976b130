/**
 * Builders of valid records for tests: each returns a complete record with sensible values, and a test
 * overrides only what it is about. Not exported from the package.
 */
import type { Assessment, RiskAssessment } from "../records/assessment.js";
import type { Contact } from "../records/contact.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { Team } from "../records/organisation.js";
import type { OutcomeRecord } from "../records/outcome.js";
import type { RecoveryPlan, Review } from "../records/recoveryPlan.js";
import type { ServiceUser } from "../records/serviceUser.js";

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

export function aTeam(overrides: Partial<Team> = {}): Team {
  return { id: nextId("team"), name: "Adult community team", minAge: 25, maxAge: null, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21, ...overrides };
}

export function aServiceUser(overrides: Partial<ServiceUser> = {}): ServiceUser {
  return {
    id: nextId("person"),
    localReference: "WM-0001",
    firstName: "Sam",
    lastName: "Carter",
    preferredName: null,
    dateOfBirth: "1985-06-15",
    sex: "MALE",
    genderIdentity: null,
    ethnicity: "WHITE_BRITISH",
    postcode: "SO14 7LP",
    nhsNumber: "9434765919",
    gpPractice: "Bargate Surgery",
    phone: null,
    email: null,
    consentToNationalReporting: "YES",
    consentToShareWithGp: "YES",
    parentalResponsibility: false,
    childrenLivingWith: 0,
    childUnder5InHousehold: false,
    pregnant: false,
    expectedDeliveryDate: null,
    isCarer: false,
    veteran: false,
    accommodationNeed: "NO_PROBLEM",
    ...overrides,
  };
}

export function anEpisode(overrides: Partial<Episode> = {}): Episode {
  return {
    id: nextId("episode"),
    serviceUserId: "person-1",
    teamId: "team-1",
    keyworkerId: "staff-1",
    status: "IN_TREATMENT",
    referral: { receivedDate: "2024-01-08", source: "SELF", referrer: null, reason: "Wants help to stop using heroin", urgency: "ROUTINE" },
    ageBandOverride: null,
    triageDate: "2024-01-10",
    problemSubstances: [{ rank: 1, substance: "HEROIN", ageOfFirstUse: 19, route: "SMOKE" }],
    injectingStatus: "NEVER",
    dischargeDate: null,
    dischargeReason: null,
    ...overrides,
  };
}

export function aRiskAssessment(overrides: Partial<RiskAssessment> = {}): RiskAssessment {
  return {
    selfHarmOrSuicide: "LOW",
    overdose: "MEDIUM",
    toOthers: "LOW",
    fromOthers: "LOW",
    domesticAbuse: false,
    toChildren: "LOW",
    suicideFactors: { bereavement: false, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false },
    notes: null,
    ...overrides,
  };
}

export function anAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: nextId("assessment"),
    episodeId: "episode-1",
    kind: "COMPREHENSIVE",
    date: "2024-01-20",
    assessorId: "staff-1",
    needs: { SUBSTANCE_USE: "HIGH", HOUSING: "SOME" },
    risk: aRiskAssessment(),
    recoveryCapital: null,
    ...overrides,
  };
}

export function aPlan(overrides: Partial<RecoveryPlan> = {}): RecoveryPlan {
  return {
    id: nextId("plan"),
    episodeId: "episode-1",
    kind: "FULL",
    startDate: "2024-01-20",
    goals: [{ id: "goal-1", domain: "SUBSTANCE_USE", description: "Stop using heroin on top of my script", targetDate: "2024-06-01", status: "OPEN" }],
    agreedWithServiceUser: true,
    signedOffById: "staff-1",
    signedOffDate: "2024-01-20",
    personalBudget: null,
    reviewIntervalWeeks: 12,
    ...overrides,
  };
}

export function aReview(overrides: Partial<Review> = {}): Review {
  return {
    id: nextId("review"),
    planId: "plan-1",
    dueDate: "2024-04-13",
    completedDate: "2024-04-10",
    completedById: "staff-1",
    goalProgress: [],
    risk: aRiskAssessment(),
    ...overrides,
  };
}

export function anIntervention(overrides: Partial<Intervention> = {}): Intervention {
  return {
    id: nextId("intervention"),
    episodeId: "episode-1",
    catalogueItemCode: "OST_METHADONE",
    subTypes: [],
    startDate: "2024-01-25",
    endDate: null,
    plannedEndDate: null,
    plannedSessions: null,
    setting: "COMMUNITY",
    deliveredById: "staff-1",
    notes: null,
    interestExpressedDate: null,
    firstContactActions: [],
    contactSchedule: [],
    ...overrides,
  };
}

export function aContact(overrides: Partial<Contact> = {}): Contact {
  return { id: nextId("contact"), episodeId: "episode-1", date: "2024-02-01", time: "10:00", kind: "APPOINTMENT", outcome: "ATTENDED", staffId: "staff-1", notes: null, ...overrides };
}

export function anOutcomeRecord(overrides: Partial<OutcomeRecord> = {}): OutcomeRecord {
  const none = { days: 0, typicalAmount: null };
  return {
    id: nextId("outcome"),
    episodeId: "episode-1",
    stage: "START",
    date: "2024-01-25",
    substanceUse: { ALCOHOL: none, OPIATES: { days: 20, typicalAmount: "0.5g" }, CRACK: none, COCAINE: none, AMPHETAMINES: none, CANNABIS: none, OTHER: none, TOBACCO: { days: 28, typicalAmount: "10 a day" } },
    injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
    crime: { shoplifting: 2, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
    health: { psychologicalHealth: 8, physicalHealth: 10, qualityOfLife: 7, paidWorkDays: 0, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: "NOT_DISCLOSED" },
    outcomeStar: null,
    ...overrides,
  };
}
