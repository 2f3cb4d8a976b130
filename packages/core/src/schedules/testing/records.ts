import { catalogueOf, NO_SWITCHES, type CatalogueItem } from "../../catalogue/catalogueItem.js";
import type { Contact } from "../../records/contact.js";
import type { Episode } from "../../records/episode.js";
import type { Intervention } from "../../records/intervention.js";
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from "../../records/organisation.js";
import type { OutcomeRecord, TopSubstanceUse } from "../../records/outcome.js";
import type { RecoveryPlan, Review } from "../../records/recoveryPlan.js";
import type { ServiceUser } from "../../records/serviceUser.js";

/** Record builders for the schedule specifications: plausible defaults, overridden where a test cares. */

export const ENTERED_IN_ERROR = { reason: "Recorded against the wrong person", markedById: "staff-lead", markedOn: "2024-06-01" };

function item(code: string, modality: CatalogueItem["modality"], opioidSubstitution = false): CatalogueItem {
  return {
    code,
    label: code,
    definition: code,
    modality,
    phase: modality === "RECOVERY_SUPPORT" ? "ANY" : "IN_TREATMENT",
    subTypes: [],
    switches: { ...NO_SWITCHES, opioidSubstitution },
    retired: false,
  };
}

export const TEST_CATALOGUE = catalogueOf([
  item("OST_METHADONE", "PHARMACOLOGICAL", true),
  item("OST_BUPRENORPHINE", "PHARMACOLOGICAL", true),
  item("ALCOHOL_DETOX", "PHARMACOLOGICAL"),
  item("COUNSELLING", "PSYCHOSOCIAL"),
  item("PEER_SUPPORT", "RECOVERY_SUPPORT"),
  item("NEEDLE_EXCHANGE", "HARM_REDUCTION"),
]);

export const TEST_SETTINGS: ServiceSettings = DEFAULT_SERVICE_SETTINGS;

export function anEpisode(overrides: Partial<Episode> = {}): Episode {
  return {
    id: "episode-1",
    serviceUserId: "person-1",
    teamId: "team-adults",
    keyworkerId: "staff-keyworker",
    status: "IN_TREATMENT",
    referral: { receivedDate: "2024-01-02", source: "SELF", referrer: null, reason: "Heroin use", urgency: "ROUTINE" },
    ageBandOverride: null,
    triageDate: "2024-01-09",
    problemSubstances: [{ rank: 1, substance: "HEROIN", ageOfFirstUse: 19, route: "SMOKE" }],
    injectingStatus: "NEVER",
    dischargeDate: null,
    dischargeReason: null,
    ...overrides,
  };
}

export function aServiceUser(overrides: Partial<ServiceUser> = {}): ServiceUser {
  return {
    id: "person-1",
    localReference: "WM-0001",
    firstName: "Sam",
    lastName: "Taylor",
    preferredName: null,
    dateOfBirth: "1985-04-12",
    sex: "FEMALE",
    genderIdentity: null,
    ethnicity: "WHITE_BRITISH",
    postcode: "SO14 1AA",
    nhsNumber: null,
    gpPractice: null,
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

export function aPlan(overrides: Partial<RecoveryPlan> = {}): RecoveryPlan {
  return {
    id: "plan-1",
    episodeId: "episode-1",
    kind: "FULL",
    startDate: overrides.signedOffDate ?? "2024-01-15",
    goals: [{ id: "goal-1", domain: "SUBSTANCE_USE", description: "Stop using heroin", targetDate: null, status: "OPEN" }],
    agreedWithServiceUser: true,
    signedOffById: "staff-assessor",
    signedOffDate: "2024-01-15",
    personalBudget: null,
    reviewIntervalWeeks: 12,
    ...overrides,
  };
}

export function aReview(overrides: Partial<Review> & Pick<Review, "completedDate">): Review {
  return {
    id: `review-${overrides.completedDate}`,
    planId: "plan-1",
    dueDate: overrides.completedDate,
    completedById: "staff-keyworker",
    goalProgress: [],
    risk: null,
    ...overrides,
  };
}

export function anIntervention(overrides: Partial<Intervention> & Pick<Intervention, "startDate">): Intervention {
  return {
    id: `intervention-${overrides.catalogueItemCode ?? "OST_METHADONE"}-${overrides.startDate}`,
    episodeId: "episode-1",
    catalogueItemCode: "OST_METHADONE",
    subTypes: [],
    endDate: null,
    plannedEndDate: null,
    plannedSessions: null,
    setting: "COMMUNITY",
    deliveredById: "staff-prescriber",
    notes: null,
    interestExpressedDate: null,
    firstContactActions: [],
    contactSchedule: [],
    ...overrides,
  };
}

export function aContact(overrides: Partial<Contact> & Pick<Contact, "date">): Contact {
  return {
    id: `contact-${overrides.date}-${overrides.time ?? "any"}-${overrides.kind ?? "APPOINTMENT"}`,
    episodeId: "episode-1",
    time: null,
    kind: "APPOINTMENT",
    outcome: "ATTENDED",
    staffId: "staff-keyworker",
    notes: null,
    ...overrides,
  };
}

const NO_USE: TopSubstanceUse = { days: 0, typicalAmount: null };

export function aTop(overrides: Partial<OutcomeRecord> & Pick<OutcomeRecord, "date" | "stage">): OutcomeRecord {
  return {
    id: `top-${overrides.stage}-${overrides.date}`,
    episodeId: "episode-1",
    substanceUse: {
      ALCOHOL: NO_USE,
      OPIATES: { days: 20, typicalAmount: "0.5g" },
      CRACK: NO_USE,
      COCAINE: NO_USE,
      AMPHETAMINES: NO_USE,
      CANNABIS: NO_USE,
      OTHER: NO_USE,
      TOBACCO: { days: 28, typicalAmount: "10" },
    },
    injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
    crime: { shoplifting: 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
    health: {
      psychologicalHealth: 10,
      physicalHealth: 12,
      qualityOfLife: 9,
      paidWorkDays: 0,
      educationDays: 0,
      acuteHousingProblem: false,
      atRiskOfEviction: false,
    },
    outcomeStar: null,
    ...overrides,
  };
}
