import { defaultCatalogue, type IsoDate } from "@waymark/core";
import type { GraphQLAssessment, GraphQLEpisodeForRules, GraphQLIntervention } from "../episodeForRules.js";
import { assessmentOf, episodeOf, interventionOf } from "../episodeForRules.js";
import type { EpisodeForRules } from "../loadEpisodeForRules.js";

/** An episode as the API returns it, in treatment since the spring, for the rules' tests. */
export function apiEpisode(change: Partial<GraphQLEpisodeForRules> = {}): GraphQLEpisodeForRules {
  return {
    id: "RXBpc29kZTox",
    status: "IN_TREATMENT",
    version: 3,
    referral: { receivedDate: "2025-03-03", source: "SELF", referrer: null, reason: "Asked for help", urgency: "ROUTINE" },
    team: { id: "VGVhbTox", name: "Adult team" },
    serviceUser: { id: "U2VydmljZVVzZXI6MQ", firstName: "Sam", lastName: "Rivers", preferredName: null, localReference: "SRS-1", dateOfBirth: "1980-01-01" },
    triageDate: "2025-03-10",
    dischargeDate: null,
    dischargeReason: null,
    injectingStatus: "NEVER",
    problemSubstances: [{ rank: 1, substance: "ALCOHOL", ageOfFirstUse: 16, route: "ORAL" }],
    ageBandOverride: null,
    keyworker: { id: "U3RhZmY6MQ", name: "Dan Whitfield" },
    enteredInError: null,
    ...change,
  };
}

/** An intervention as the API returns it. */
export function apiIntervention(code: string, startDate: IsoDate, endDate: IsoDate | null = null, change: Partial<GraphQLIntervention> = {}): GraphQLIntervention {
  return {
    id: `SW50ZXJ2ZW50aW9uOi${code}${startDate}`,
    version: 1,
    catalogueItemCode: code,
    catalogueItem: { label: code, modality: "PSYCHOSOCIAL" },
    subTypes: [],
    startDate,
    endDate,
    plannedEndDate: null,
    plannedSessions: null,
    setting: "COMMUNITY",
    deliveredBy: null,
    notes: null,
    interestExpressedDate: null,
    firstContactActions: [],
    contactSchedule: [],
    enteredInError: null,
    ...change,
  };
}

/** The episode and its records mapped for the rules, over the default catalogue, as the form holds them. */
export function recordsFor(episode: GraphQLEpisodeForRules, interventions: readonly GraphQLIntervention[] = [], assessments: readonly GraphQLAssessment[] = []): EpisodeForRules {
  return {
    source: episode,
    episode: episodeOf(episode),
    interventionRecords: interventions,
    interventions: interventions.map((intervention) => interventionOf(intervention, episode.id)),
    assessments: assessments.map((assessment) => assessmentOf(assessment, episode.id)),
    catalogue: defaultCatalogue(),
  };
}
