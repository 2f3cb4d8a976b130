import type {
  AssessmentKind,
  BbvStatus,
  Cohort,
  ContactKind,
  ContactOutcome,
  DischargeReason,
  EpisodeStatus,
  GoalStatus,
  InjectingStatus,
  InterventionSetting,
  IsoDate,
  Modality,
  NaloxoneRecipient,
  NeedDomain,
  NeedLevel,
  PlanKind,
  ReferralSource,
  ReferralUrgency,
  RiskLevel,
  Route,
  Substance,
  TopStage,
} from "@waymark/core";
import { gql } from "urql";

/** Answers to the R-RISK-1/2 questions as the API returns them. */
export interface RiskAnswers {
  readonly selfHarmOrSuicide: RiskLevel;
  readonly overdose: RiskLevel;
  readonly toOthers: RiskLevel;
  readonly fromOthers: RiskLevel;
  readonly domesticAbuse: boolean;
  readonly toChildren: RiskLevel;
  readonly notes: string | null;
  readonly suicideFactors: {
    readonly bereavement: boolean;
    readonly relationshipBreakdown: boolean;
    readonly domesticOrSexualAbuseHistory: boolean;
    readonly isCarer: boolean;
  };
}

const RISK_FIELDS = `
  selfHarmOrSuicide
  overdose
  toOthers
  fromOthers
  domesticAbuse
  toChildren
  notes
  suicideFactors {
    bereavement
    relationshipBreakdown
    domesticOrSexualAbuseHistory
    isCarer
  }
`;

type Named = { readonly name: string } | null;

export interface AssessmentNode {
  readonly id: string;
  readonly kind: AssessmentKind;
  readonly date: IsoDate;
  readonly assessor: Named;
  readonly needs: readonly { readonly domain: NeedDomain; readonly level: NeedLevel }[];
  readonly risk: RiskAnswers | null;
  readonly recoveryCapital: { readonly total: number } | null;
}

export interface PlanNode {
  readonly id: string;
  readonly kind: PlanKind;
  readonly startDate: IsoDate;
  readonly signedOffDate: IsoDate | null;
  readonly signedOffBy: Named;
  readonly agreedWithServiceUser: boolean;
  readonly nextReviewDue: IsoDate | null;
  readonly reviewIntervalWeeks: number;
  readonly goals: readonly { readonly id: string; readonly domain: NeedDomain; readonly description: string; readonly status: GoalStatus; readonly targetDate: IsoDate | null }[];
  readonly personalBudget: { readonly allocatedPence: number; readonly spentPence: number } | null;
}

export interface ReviewNode {
  readonly id: string;
  readonly dueDate: IsoDate;
  readonly completedDate: IsoDate;
  readonly onTime: boolean;
  readonly completedBy: Named;
  readonly goalProgress: readonly { readonly goalId: string; readonly status: GoalStatus; readonly note: string | null; readonly goal: { readonly description: string } | null }[];
  readonly risk: RiskAnswers | null;
}

export interface InterventionNode {
  readonly id: string;
  readonly catalogueItem: { readonly label: string; readonly modality: Modality; readonly subTypes: readonly { readonly code: string; readonly label: string }[] };
  readonly subTypes: readonly string[];
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly plannedEndDate: IsoDate | null;
  readonly plannedSessions: number | null;
  readonly setting: InterventionSetting;
  readonly deliveredBy: Named;
  readonly notes: string | null;
}

export interface OutcomeNode {
  readonly id: string;
  readonly stage: TopStage;
  readonly date: IsoDate;
  readonly health: { readonly psychologicalHealth: number | null; readonly physicalHealth: number | null; readonly qualityOfLife: number | null };
}

export interface ContactNode {
  readonly id: string;
  readonly date: IsoDate;
  readonly time: string | null;
  readonly kind: ContactKind;
  readonly outcome: ContactOutcome;
  readonly staff: Named;
  readonly notes: string | null;
}

export interface HarmReductionNode {
  readonly id: string;
  readonly date: IsoDate;
  readonly naloxoneIssuedTo: NaloxoneRecipient | null;
  readonly naloxoneTrainingGiven: boolean;
  readonly hepatitisBVaccination: BbvStatus | null;
  readonly hepatitisCTest: BbvStatus | null;
  readonly hivTest: BbvStatus | null;
}

/** A page of one of an episode's lists. */
export interface Page<T> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: T }[];
}

/** The lists of an episode that make up its timeline, by their field names in the schema. */
export interface EpisodeLists {
  readonly assessments: Page<AssessmentNode>;
  readonly recoveryPlans: Page<PlanNode>;
  readonly reviews: Page<ReviewNode>;
  readonly interventions: Page<InterventionNode>;
  readonly outcomes: Page<OutcomeNode>;
  readonly contacts: Page<ContactNode>;
  readonly harmReduction: Page<HarmReductionNode>;
}

export type EpisodeListName = keyof EpisodeLists;

/** What each list selects per record. */
export const LIST_FIELDS: Record<EpisodeListName, string> = {
  assessments: `id kind date assessor { name } needs { domain level } risk { ${RISK_FIELDS} } recoveryCapital { total }`,
  recoveryPlans: `id kind startDate signedOffDate signedOffBy { name } agreedWithServiceUser nextReviewDue reviewIntervalWeeks
    goals { id domain description status targetDate } personalBudget { allocatedPence spentPence }`,
  reviews: `id dueDate completedDate onTime completedBy { name } goalProgress { goalId status note goal { description } } risk { ${RISK_FIELDS} }`,
  interventions: `id catalogueItem { label modality subTypes { code label } } subTypes startDate endDate plannedEndDate plannedSessions setting deliveredBy { name } notes`,
  outcomes: `id stage date health { psychologicalHealth physicalHealth qualityOfLife }`,
  contacts: `id date time kind outcome staff { name } notes`,
  harmReduction: `id date naloxoneIssuedTo naloxoneTrainingGiven hepatitisBVaccination hepatitisCTest hivTest`,
};

/**
 * Records per list per request: enough for most episodes whole, within the server's query cost limit; a longer
 * episode offers the rest on request. Contacts are the list that grows fastest (weekly for years).
 */
export const LIST_PAGE_SIZE: Record<EpisodeListName, number> = {
  assessments: 20,
  recoveryPlans: 20,
  reviews: 30,
  interventions: 40,
  outcomes: 30,
  contacts: 100,
  harmReduction: 30,
};

const listSelection = (name: EpisodeListName, after = "") =>
  `${name}(first: ${LIST_PAGE_SIZE[name]}${after}) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${LIST_FIELDS[name]} } } }`;

export interface EpisodeRecord extends EpisodeLists {
  readonly id: string;
  readonly status: EpisodeStatus;
  readonly version: number;
  readonly cohort: Cohort | null;
  readonly triageDate: IsoDate | null;
  readonly firstInterventionDate: IsoDate | null;
  readonly dischargeDate: IsoDate | null;
  readonly dischargeReason: DischargeReason | null;
  readonly injectingStatus: InjectingStatus | null;
  readonly nextReviewDue: IsoDate | null;
  readonly referral: { readonly receivedDate: IsoDate; readonly source: ReferralSource; readonly referrer: string | null; readonly reason: string; readonly urgency: ReferralUrgency };
  readonly ageBandOverride: { readonly reason: string; readonly approvedBy: Named } | null;
  readonly team: { readonly id: string; readonly name: string };
  readonly keyworker: { readonly id: string; readonly name: string } | null;
  readonly problemSubstances: readonly { readonly rank: number; readonly substance: Substance; readonly route: Route | null; readonly ageOfFirstUse: number | null }[];
  readonly suicideRisk: { readonly flagged: boolean; readonly factors: readonly string[]; readonly assessedOn: IsoDate | null };
  readonly safeguarding: { readonly flagged: boolean; readonly reasons: readonly string[]; readonly homeVisitDue: boolean; readonly homeVisitRecorded: boolean };
}

export interface EpisodeRecordResult {
  readonly episode: EpisodeRecord | null;
}

const LIST_NAMES = Object.keys(LIST_FIELDS) as EpisodeListName[];

/** One episode with everything its timeline, summary and risk panel show. */
export const EPISODE_RECORD_QUERY = gql<EpisodeRecordResult, { id: string }>(`
  query EpisodeRecord($id: ID!) {
    episode(id: $id) {
      id
      status
      version
      cohort
      triageDate
      firstInterventionDate
      dischargeDate
      dischargeReason
      injectingStatus
      nextReviewDue
      referral { receivedDate source referrer reason urgency }
      ageBandOverride { reason approvedBy { name } }
      team { id name }
      keyworker { id name }
      problemSubstances { rank substance route ageOfFirstUse }
      suicideRisk { flagged factors assessedOn }
      safeguarding { flagged reasons homeVisitDue homeVisitRecorded }
      ${LIST_NAMES.map((name) => listSelection(name)).join("\n      ")}
    }
  }
`);

export interface MoreOfListResult {
  readonly episode: Partial<EpisodeLists> | null;
}

/** The next page of each list of an episode, for an episode longer than one page. */
export const MORE_OF_LIST_QUERIES = Object.fromEntries(
  LIST_NAMES.map((name) => [
    name,
    gql<MoreOfListResult, { id: string; after: string }>(`
      query EpisodeMore_${name}($id: ID!, $after: String!) {
        episode(id: $id) {
          id
          ${listSelection(name, ", after: $after")}
        }
      }
    `),
  ]),
) as Record<EpisodeListName, ReturnType<typeof gql<MoreOfListResult, { id: string; after: string }>>>;
