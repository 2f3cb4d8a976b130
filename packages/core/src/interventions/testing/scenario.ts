/**
 * A person in structured treatment for heroin, with the default catalogue, for the intervention specifications.
 * Every record is tied to EPISODE_ID; tests override only what they are about.
 */
import { catalogueOf, type CatalogueItem } from "../../catalogue/catalogueItem.js";
import { DEFAULT_CATALOGUE } from "../../catalogue/defaultCatalogue.js";
import type { Assessment } from "../../records/assessment.js";
import type { Episode } from "../../records/episode.js";
import type { Intervention } from "../../records/intervention.js";
import { DEFAULT_SERVICE_SETTINGS } from "../../records/organisation.js";
import { violationsOf, type RuleResult } from "../../rules/violation.js";
import { anAssessment, anEpisode, anIntervention } from "../../testing/builders.js";
import type { InterventionDraft } from "../interventionDraft.js";
import type { NewInterventionInput } from "../newIntervention.js";

export const EPISODE_ID = "episode-rosc";
export const TODAY = "2024-06-30";
export const REFERRAL_DATE = "2024-01-08";
export const DISCHARGE_DATE = "2024-05-31";

export const ENTERED_IN_ERROR = { reason: "Recorded on the wrong person", markedById: "staff-lead", markedOn: "2024-03-01" };

export const catalogue = catalogueOf(DEFAULT_CATALOGUE);

/** A default catalogue item by code; throws so a typo in a test fails loudly. */
export function itemOf(code: string): CatalogueItem {
  const item = catalogue.find(code);
  if (item === undefined) throw new Error(`No catalogue item ${code}`);
  return item;
}

/** An episode in structured treatment since 25/01/2024, for an opiate client. */
export function inTreatment(overrides: Partial<Episode> = {}): Episode {
  return anEpisode({
    id: EPISODE_ID,
    status: "IN_TREATMENT",
    referral: { receivedDate: REFERRAL_DATE, source: "SELF", referrer: null, reason: "Wants help with heroin", urgency: "ROUTINE" },
    triageDate: "2024-01-10",
    problemSubstances: [{ rank: 1, substance: "HEROIN", ageOfFirstUse: 19, route: "SMOKE" }],
    dischargeDate: null,
    dischargeReason: null,
    ...overrides,
  });
}

/** The same episode after a planned, drug-free completion on DISCHARGE_DATE. */
export function completed(overrides: Partial<Episode> = {}): Episode {
  return inTreatment({ status: "COMPLETED", dischargeDate: DISCHARGE_DATE, dischargeReason: "COMPLETED_DRUG_FREE", ...overrides });
}

/** A recorded intervention of the episode. */
export function recorded(catalogueItemCode: string, overrides: Partial<Intervention> = {}): Intervention {
  return anIntervention({ episodeId: EPISODE_ID, catalogueItemCode, startDate: "2024-01-25", endDate: null, ...overrides });
}

/** Methadone from 25/01/2024, still prescribed unless `endDate` is given. */
export function methadone(overrides: Partial<Intervention> = {}): Intervention {
  return recorded("OST_METHADONE", overrides);
}

/** The comprehensive assessment: high financial need, some housing need, no family need; parenting not scored. */
export function comprehensiveAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return anAssessment({
    episodeId: EPISODE_ID,
    kind: "COMPREHENSIVE",
    date: "2024-01-20",
    needs: { SUBSTANCE_USE: "HIGH", FINANCE: "HIGH", HOUSING: "SOME", FAMILY_RELATIONSHIPS: "NONE" },
    ...overrides,
  });
}

/** A new intervention as the form sends it, starting 01/03/2024 with nothing else filled in. */
export function draft(catalogueItemCode: string, overrides: Partial<InterventionDraft> = {}): InterventionDraft {
  return {
    catalogueItemCode,
    subTypes: [],
    startDate: "2024-03-01",
    endDate: null,
    plannedEndDate: null,
    plannedSessions: null,
    interestExpressedDate: null,
    firstContactActions: [],
    contactSchedule: [],
    ...overrides,
  };
}

/** A new intervention for the in-treatment episode, alongside methadone and after the comprehensive assessment. */
export function newIntervention(intervention: InterventionDraft, overrides: Partial<Omit<NewInterventionInput, "intervention">> = {}): NewInterventionInput {
  return {
    intervention,
    episode: inTreatment(),
    episodeInterventions: [methadone()],
    assessments: [comprehensiveAssessment()],
    catalogue,
    settings: DEFAULT_SERVICE_SETTINGS,
    today: TODAY,
    ...overrides,
  };
}

/** The codes of a result's violations, in order. */
export function codesOf(result: RuleResult): string[] {
  return violationsOf(result).map((found) => found.code);
}

/** The fields of a result's violations, in order. */
export function fieldsOf(result: RuleResult): string[] {
  return violationsOf(result).map((found) => found.field);
}
