import {
  ASSESSMENT_KINDS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  PLAN_KINDS,
  TOP_STAGES,
  type AssessmentKind,
  type ContactKind,
  type ContactOutcome,
  type IsoDate,
  type PlanKind,
  type TopStage,
} from "@waymark/core";
import { gql } from "urql";
import { EPISODE_HEADING_FIELDS, type EpisodeHeadingData } from "../../components/EpisodeFormHeading.js";
import { displayDate } from "../../components/formatting.js";
import type { GraphQLEnteredInError } from "../interventions/episodeForRules.js";

/**
 * The fields each markable record type gives to say which record it is; every one also has its episode. Fields
 * named alike on several types but typed differently (each type's own `kind` enum) are aliased, as GraphQL
 * requires of one selection over several types.
 */
const COMMON = `version enteredInError { reason markedById markedOn }`;

export const RECORD_TO_MARK = gql<{ node: MarkableRecord | { __typename: string } | null }, { id: string }>`
  query RecordToMarkInError($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Episode { ${COMMON} ${EPISODE_HEADING_FIELDS} }
      ... on Assessment { ${COMMON} assessmentKind: kind date episode { ${EPISODE_HEADING_FIELDS} } }
      ... on RecoveryPlan { ${COMMON} planKind: kind startDate episode { ${EPISODE_HEADING_FIELDS} } }
      ... on Review { ${COMMON} completedDate episode { ${EPISODE_HEADING_FIELDS} } }
      ... on Intervention { ${COMMON} startDate catalogueItem { label } episode { ${EPISODE_HEADING_FIELDS} } }
      ... on OutcomeRecord { ${COMMON} stage date episode { ${EPISODE_HEADING_FIELDS} } }
      ... on Contact { ${COMMON} date contactKind: kind outcome episode { ${EPISODE_HEADING_FIELDS} } }
      ... on HarmReductionRecord { ${COMMON} date episode { ${EPISODE_HEADING_FIELDS} } }
    }
  }
`;

interface Common {
  readonly id: string;
  readonly version: number;
  readonly enteredInError: GraphQLEnteredInError | null;
}

type EpisodeRecord<T extends string, Fields> = Common & Fields & { readonly __typename: T; readonly episode: EpisodeHeadingData | null };

/** The record types markEnteredInError accepts, as the query above reads them. */
export type MarkableRecord =
  | (Common & EpisodeHeadingData & { readonly __typename: "Episode" })
  | EpisodeRecord<"Assessment", { assessmentKind: AssessmentKind; date: IsoDate }>
  | EpisodeRecord<"RecoveryPlan", { planKind: PlanKind; startDate: IsoDate }>
  | EpisodeRecord<"Review", { completedDate: IsoDate }>
  | EpisodeRecord<"Intervention", { startDate: IsoDate; catalogueItem: { label: string } }>
  | EpisodeRecord<"OutcomeRecord", { stage: TopStage; date: IsoDate }>
  | EpisodeRecord<"Contact", { date: IsoDate; contactKind: ContactKind; outcome: ContactOutcome }>
  | EpisodeRecord<"HarmReductionRecord", { date: IsoDate }>;

const MARKABLE = new Set(["Episode", "Assessment", "RecoveryPlan", "Review", "Intervention", "OutcomeRecord", "Contact", "HarmReductionRecord"]);

export function isMarkable(node: { __typename: string } | null | undefined): node is MarkableRecord {
  return node !== null && node !== undefined && MARKABLE.has(node.__typename);
}

/** The episode the record belongs to (an episode is its own), for the heading and the way back. */
export function episodeOfRecord(record: MarkableRecord): EpisodeHeadingData | null {
  return record.__typename === "Episode" ? record : record.episode;
}

/** Which record this is, in words a keyworker recognises: what it is and its date. */
export function describeRecord(record: MarkableRecord): string {
  switch (record.__typename) {
    case "Episode":
      return `The whole episode, referred on ${displayDate(record.referral.receivedDate)}, with every record in it`;
    case "Assessment":
      return `${ASSESSMENT_KINDS.labelOf(record.assessmentKind)} on ${displayDate(record.date)}`;
    case "RecoveryPlan":
      return `${PLAN_KINDS.labelOf(record.planKind)} starting ${displayDate(record.startDate)}`;
    case "Review":
      return `Plan review completed on ${displayDate(record.completedDate)}`;
    case "Intervention":
      return `${record.catalogueItem.label}, started ${displayDate(record.startDate)}`;
    case "OutcomeRecord":
      return `${TOP_STAGES.labelOf(record.stage)} TOP on ${displayDate(record.date)}`;
    case "Contact":
      return `${CONTACT_KINDS.labelOf(record.contactKind)} on ${displayDate(record.date)}: ${CONTACT_OUTCOMES.labelOf(record.outcome).toLowerCase()}`;
    case "HarmReductionRecord":
      return `Harm reduction on ${displayDate(record.date)}`;
  }
}
