import type {
  Assessment,
  AssessmentKind,
  DischargeReason,
  Episode,
  FirstContactAction,
  InjectingStatus,
  Intervention,
  InterventionSetting,
  IsoDate,
  NeedDomain,
  NeedLevel,
  ReferralSource,
  ReferralUrgency,
  Route,
  Substance,
} from "@waymark/core";
import type { EpisodeHeadingData } from "../../components/EpisodeFormHeading.js";

/**
 * The GraphQL shape of an episode and its records as the intervention and discharge rules need them, and the
 * mapping onto core's record types. The rules in the browser must judge exactly the records the server
 * judges, so every field a rule reads is loaded and mapped here, not guessed.
 */

export interface GraphQLEnteredInError {
  readonly reason: string;
  readonly markedById: string | null;
  readonly markedOn: IsoDate | null;
}

/** The episode fields the rules read, besides those the page heading shows. */
export const EPISODE_RULE_FIELDS = `
  referral { receivedDate source referrer reason urgency }
  triageDate
  dischargeDate
  dischargeReason
  injectingStatus
  problemSubstances { rank substance ageOfFirstUse route }
  ageBandOverride { reason approvedBy { id } }
  keyworker { id name }
  enteredInError { reason markedById markedOn }
`;

export interface GraphQLEpisodeForRules extends EpisodeHeadingData {
  readonly referral: {
    readonly receivedDate: IsoDate;
    readonly source: ReferralSource;
    readonly referrer: string | null;
    readonly reason: string;
    readonly urgency: ReferralUrgency;
  };
  readonly triageDate: IsoDate | null;
  readonly dischargeDate: IsoDate | null;
  readonly dischargeReason: DischargeReason | null;
  readonly injectingStatus: InjectingStatus | null;
  readonly problemSubstances: readonly { rank: number; substance: Substance; ageOfFirstUse: number | null; route: Route | null }[];
  readonly ageBandOverride: { reason: string; approvedBy: { id: string } | null } | null;
  readonly keyworker: { id: string; name: string } | null;
  readonly enteredInError: GraphQLEnteredInError | null;
}

/** Every intervention field a rule may read (R-INT-1, R-ROSC-1..6, R-DIS-1/2, R-OST-1). */
export const INTERVENTION_RULE_FIELDS = `
  id
  version
  catalogueItemCode
  catalogueItem { label modality }
  subTypes
  startDate
  endDate
  plannedEndDate
  plannedSessions
  setting
  deliveredBy { id }
  notes
  interestExpressedDate
  firstContactActions
  contactSchedule
  enteredInError { reason markedById markedOn }
`;

export interface GraphQLIntervention {
  readonly id: string;
  readonly version: number;
  readonly catalogueItemCode: string;
  readonly catalogueItem: { readonly label: string; readonly modality: string };
  readonly subTypes: readonly string[];
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly plannedEndDate: IsoDate | null;
  readonly plannedSessions: number | null;
  readonly setting: InterventionSetting;
  readonly deliveredBy: { readonly id: string } | null;
  readonly notes: string | null;
  readonly interestExpressedDate: IsoDate | null;
  readonly firstContactActions: readonly FirstContactAction[];
  readonly contactSchedule: readonly IsoDate[];
  readonly enteredInError: GraphQLEnteredInError | null;
}

/** The assessment fields R-ROSC-2 reads: which episode, when, what kind, and the needs by domain. */
export const ASSESSMENT_RULE_FIELDS = `
  id
  kind
  date
  assessor { id }
  needs { domain level }
  enteredInError { reason markedById markedOn }
`;

export interface GraphQLAssessment {
  readonly id: string;
  readonly kind: AssessmentKind;
  readonly date: IsoDate;
  readonly assessor: { readonly id: string } | null;
  readonly needs: readonly { readonly domain: NeedDomain; readonly level: NeedLevel }[];
  readonly enteredInError: GraphQLEnteredInError | null;
}

function enteredInErrorOf(mark: GraphQLEnteredInError | null) {
  return mark === null ? null : { reason: mark.reason, markedById: mark.markedById ?? "", markedOn: mark.markedOn ?? "" };
}

/** The problem-substance rank as core types it; the API only ever returns 1, 2 or 3. */
function rankOf(rank: number): 1 | 2 | 3 {
  if (rank === 1 || rank === 2 || rank === 3) return rank;
  throw new Error(`A problem substance has rank ${rank}; ranks are 1 to 3`);
}

/**
 * Core's Episode from the API's. Global IDs stand in for core's IDs throughout (the episode's own, and each
 * record's episodeId), so records and their episode still match when the rules compare them.
 */
export function episodeOf(episode: GraphQLEpisodeForRules): Episode {
  return {
    id: episode.id,
    serviceUserId: episode.serviceUser.id,
    teamId: episode.team.id,
    keyworkerId: episode.keyworker?.id ?? null,
    status: episode.status,
    referral: { ...episode.referral },
    ageBandOverride: episode.ageBandOverride && { reason: episode.ageBandOverride.reason, approvedById: episode.ageBandOverride.approvedBy?.id ?? "" },
    triageDate: episode.triageDate,
    problemSubstances: episode.problemSubstances.map((problem) => ({ ...problem, rank: rankOf(problem.rank) })),
    injectingStatus: episode.injectingStatus,
    dischargeDate: episode.dischargeDate,
    dischargeReason: episode.dischargeReason,
    enteredInError: enteredInErrorOf(episode.enteredInError),
  };
}

/** Core's Intervention from the API's, belonging to the episode with this global ID. */
export function interventionOf(intervention: GraphQLIntervention, episodeId: string): Intervention {
  return {
    id: intervention.id,
    episodeId,
    catalogueItemCode: intervention.catalogueItemCode,
    subTypes: [...intervention.subTypes],
    startDate: intervention.startDate,
    endDate: intervention.endDate,
    plannedEndDate: intervention.plannedEndDate,
    plannedSessions: intervention.plannedSessions,
    setting: intervention.setting,
    deliveredById: intervention.deliveredBy?.id ?? null,
    notes: intervention.notes,
    interestExpressedDate: intervention.interestExpressedDate,
    firstContactActions: [...intervention.firstContactActions],
    contactSchedule: [...intervention.contactSchedule],
    enteredInError: enteredInErrorOf(intervention.enteredInError),
  };
}

/**
 * Core's Assessment from the API's. The list of needs becomes core's map by domain. The risk assessment and
 * recovery capital are not loaded: no intervention or discharge rule reads them, and a form that loaded a
 * person's risk history only to ignore it would widen what each page reads for nothing.
 */
export function assessmentOf(assessment: GraphQLAssessment, episodeId: string): Assessment {
  const needs: Partial<Record<NeedDomain, NeedLevel>> = {};
  for (const need of assessment.needs) needs[need.domain] = need.level;
  return {
    id: assessment.id,
    episodeId,
    kind: assessment.kind,
    date: assessment.date,
    assessorId: assessment.assessor?.id ?? "",
    needs,
    risk: null,
    recoveryCapital: null,
    enteredInError: enteredInErrorOf(assessment.enteredInError),
  };
}
