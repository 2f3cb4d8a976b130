import { catalogueOf } from "../../catalogue/catalogueItem.js";
import type { Contact } from "../../records/contact.js";
import type { Episode } from "../../records/episode.js";
import type { Intervention } from "../../records/intervention.js";
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from "../../records/organisation.js";
import type { OutcomeRecord, TopSubstanceUse } from "../../records/outcome.js";
import type { RecoveryPlan, Review } from "../../records/recoveryPlan.js";
import type { ServiceUser } from "../../records/serviceUser.js";
import {
  aContact as aBaseContact,
  anEpisode as aBaseEpisode,
  anIntervention as aBaseIntervention,
  anOutcomeRecord,
  aPlan as aBasePlan,
  aReview as aBaseReview,
  aServiceUser as aBaseServiceUser,
} from "../../testing/builders.js";
import { aCatalogueItem, OPIOID_SUBSTITUTION } from "../../testing/testCatalogue.js";

/**
 * Record builders for the schedule specifications: the shared builders with this suite's fixed ids and staff,
 * overridden where a test cares.
 */

export const ENTERED_IN_ERROR = { reason: "Recorded against the wrong person", markedById: "staff-lead", markedOn: "2024-06-01" };

export const TEST_CATALOGUE = catalogueOf([
  aCatalogueItem("OST_METHADONE", "PHARMACOLOGICAL", OPIOID_SUBSTITUTION),
  aCatalogueItem("OST_BUPRENORPHINE", "PHARMACOLOGICAL", OPIOID_SUBSTITUTION),
  aCatalogueItem("ALCOHOL_DETOX", "PHARMACOLOGICAL"),
  aCatalogueItem("COUNSELLING", "PSYCHOSOCIAL"),
  aCatalogueItem("PEER_SUPPORT", "RECOVERY_SUPPORT", { phase: "ANY" }),
  aCatalogueItem("NEEDLE_EXCHANGE", "HARM_REDUCTION"),
]);

export const TEST_SETTINGS: ServiceSettings = DEFAULT_SERVICE_SETTINGS;

export function anEpisode(overrides: Partial<Episode> = {}): Episode {
  return aBaseEpisode({
    id: "episode-1",
    teamId: "team-adults",
    keyworkerId: "staff-keyworker",
    referral: { receivedDate: "2024-01-02", source: "SELF", referrer: null, reason: "Heroin use", urgency: "ROUTINE" },
    triageDate: "2024-01-09",
    ...overrides,
  });
}

export function aServiceUser(overrides: Partial<ServiceUser> = {}): ServiceUser {
  return aBaseServiceUser({
    id: "person-1",
    lastName: "Taylor",
    dateOfBirth: "1985-04-12",
    sex: "FEMALE",
    postcode: "SO14 1AA",
    nhsNumber: null,
    gpPractice: null,
    ...overrides,
  });
}

export function aPlan(overrides: Partial<RecoveryPlan> = {}): RecoveryPlan {
  return aBasePlan({
    id: "plan-1",
    startDate: overrides.signedOffDate ?? "2024-01-15",
    goals: [{ id: "goal-1", domain: "SUBSTANCE_USE", description: "Stop using heroin", targetDate: null, status: "OPEN" }],
    signedOffById: "staff-assessor",
    signedOffDate: "2024-01-15",
    ...overrides,
  });
}

export function aReview(overrides: Partial<Review> & Pick<Review, "completedDate">): Review {
  return aBaseReview({
    id: `review-${overrides.completedDate}`,
    dueDate: overrides.completedDate,
    completedById: "staff-keyworker",
    risk: null,
    ...overrides,
  });
}

export function anIntervention(overrides: Partial<Intervention> & Pick<Intervention, "startDate">): Intervention {
  return aBaseIntervention({
    id: `intervention-${overrides.catalogueItemCode ?? "OST_METHADONE"}-${overrides.startDate}`,
    deliveredById: "staff-prescriber",
    ...overrides,
  });
}

export function aContact(overrides: Partial<Contact> & Pick<Contact, "date">): Contact {
  return aBaseContact({
    id: `contact-${overrides.date}-${overrides.time ?? "any"}-${overrides.kind ?? "APPOINTMENT"}`,
    time: null,
    staffId: "staff-keyworker",
    ...overrides,
  });
}

const NO_USE: TopSubstanceUse = { days: 0, typicalAmount: null };

export function aTop(overrides: Partial<OutcomeRecord> & Pick<OutcomeRecord, "date" | "stage">): OutcomeRecord {
  return anOutcomeRecord({
    id: `top-${overrides.stage}-${overrides.date}`,
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
    crime: { shoplifting: 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
    health: { psychologicalHealth: 10, physicalHealth: 12, qualityOfLife: 9, paidWorkDays: 0, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: false },
    ...overrides,
  });
}
