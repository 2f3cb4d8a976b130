import { COHORTS, CONTACT_KINDS, CONTACT_OUTCOMES, DISCHARGE_REASONS, EPISODE_STATUSES, ETHNICITIES, INJECTING_STATUSES, INTERVENTION_SETTINGS, MODALITIES, REFERRAL_SOURCES, REFERRAL_URGENCIES, SEXES, SUBSTANCES, TOP_STAGES } from "@waymark/core";
import { and, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Tables } from "../db/database.js";
import type { AnalysisColumn, ColumnSource } from "./analysisColumns.js";
import { AGE_BANDS, ageBandOf, ageInYears, daysBetween, postcodeDistrictOf } from "./sqlExpressions.js";

/**
 * The five record kinds analysts can query, pseudonymised (DOMAIN §1): what each exposes and nothing more.
 * No column here reads a name, date of birth, full postcode, contact detail, NHS number, GP, local reference
 * or any text a member of staff typed (notes, reasons, goals, typical amounts, risk narrative); the person
 * appears only as a keyed hash of their id, their age band at referral, sex, ethnicity and postcode district.
 *
 * Records entered in error are left out entirely, as is every record of an episode or person entered in
 * error: analysts count what happened, and a mistaken record did not happen.
 */
export type DatasetKey = "episodes" | "interventions" | "reviews" | "outcomes" | "contacts";

export interface AnalysisDataset {
  readonly key: DatasetKey;
  /** The GraphQL type name, which is also the type inside its records' global IDs. */
  readonly typeName: string;
  /** The record in words, for descriptions ("intervention"). */
  readonly noun: string;
  readonly description: string;
  /** The table the records come from. */
  readonly table: (t: Tables) => SQLWrapper & { _: { name: string } };
  readonly id: (t: Tables) => SQLWrapper;
  readonly episodeId: (t: Tables) => SQLWrapper;
  /** Not entered in error (the record itself; its episode and person are checked for every dataset). */
  readonly live: (t: Tables) => SQL | undefined;
  readonly columns: readonly AnalysisColumn[];
  /** The order when none is asked for (the record's id always ends it). */
  readonly defaultOrder: readonly { readonly column: string; readonly direction: "ASC" | "DESC" }[];
}

const codes = (list: { readonly codes: readonly string[] }) => list.codes;

/**
 * A problem substance of the episode by rank (1 = main), read from its own table. The rank is written into
 * the SQL, not bound: Postgres matches a GROUP BY expression to the selected one only when they are identical.
 */
function substanceOfRank(rank: number) {
  return ({ t }: ColumnSource) => sql`(select ${t.problemSubstances.substance} from ${t.problemSubstances} where ${t.problemSubstances.episodeId} = ${t.episodes.id} and ${t.problemSubstances.rank} = ${sql.raw(String(rank))})`;
}

/** The fields about the person and their episode that every record carries, for filtering and grouping. */
const PERSON_AND_EPISODE: readonly AnalysisColumn[] = [
  {
    name: "ageBandAtReferral",
    kind: "code",
    required: true,
    codes: AGE_BANDS,
    disclosive: true,
    description: `The person's age band on the episode's referral date, instead of a date of birth: ${AGE_BANDS.join(", ")}.`,
    expression: ({ t, dialect }) => ageBandOf(ageInYears(dialect, t.serviceUsers.dateOfBirth, t.episodes.referralDate)),
  },
  { name: "sex", kind: "code", required: true, codes: codes(SEXES), disclosive: true, description: "Sex as recorded (Sex codes).", expression: ({ t }) => t.serviceUsers.sex },
  { name: "ethnicity", kind: "code", required: true, codes: codes(ETHNICITIES), disclosive: true, description: "Ethnic group (Ethnicity codes, 2021 census groups).", expression: ({ t }) => t.serviceUsers.ethnicity },
  {
    name: "postcodeDistrict",
    kind: "code",
    disclosive: true,
    description: "The postcode district (outward code, e.g. LS6) of the person's postcode; null when no postcode is recorded. The full postcode is never shown.",
    expression: ({ t }) => postcodeDistrictOf(t.serviceUsers.postcode),
  },
  { name: "team", kind: "team", required: true, description: "The team (service) holding the episode.", expression: ({ t }) => t.episodes.teamId },
  { name: "keyworkerId", kind: "staff", disclosive: true, description: "Global ID of the episode's keyworker (a Staff ID; no name); null while unallocated.", expression: ({ t }) => t.episodes.keyworkerId },
  { name: "cohort", kind: "code", codes: codes(COHORTS), description: "The episode's cohort derived from its problem substances (R-COH-1); null until substances are recorded.", expression: ({ t }) => t.episodes.cohort },
];

/** Whether the episode and the person it belongs to are live (not entered in error). */
export function episodeAndPersonLive(t: Tables): SQL | undefined {
  return and(isNull(t.episodes.enteredInErrorReason), isNull(t.serviceUsers.enteredInErrorReason));
}

export const EPISODES: AnalysisDataset = {
  key: "episodes",
  typeName: "PseudonymisedEpisode",
  noun: "episode",
  description: "An episode of care, pseudonymised for analysts: codes, dates and numbers only, with the person as a pseudonymous ID, age band, sex, ethnicity and postcode district.",
  table: (t) => t.episodes as never,
  id: (t) => t.episodes.id,
  episodeId: (t) => t.episodes.id,
  live: () => undefined,
  defaultOrder: [{ column: "referralDate", direction: "ASC" }],
  columns: [
    ...PERSON_AND_EPISODE,
    { name: "status", kind: "code", required: true, codes: codes(EPISODE_STATUSES), description: "Where the episode is on the journey (EpisodeStatus codes).", expression: ({ t }) => t.episodes.status },
    { name: "referralDate", kind: "date", required: true, disclosive: true, description: "Date the referral was received.", expression: ({ t }) => t.episodes.referralDate },
    { name: "referralSource", kind: "code", required: true, codes: codes(REFERRAL_SOURCES), description: "Where the referral came from (ReferralSource codes).", expression: ({ t }) => t.episodes.referralSource },
    { name: "referralUrgency", kind: "code", required: true, codes: codes(REFERRAL_URGENCIES), description: "How urgent the referral was (ReferralUrgency codes).", expression: ({ t }) => t.episodes.referralUrgency },
    { name: "triageDate", kind: "date", disclosive: true, description: "Date of triage; null before it.", expression: ({ t }) => t.episodes.triageDate },
    { name: "firstInterventionDate", kind: "date", disclosive: true, description: "Start of the first structured intervention; null before treatment.", expression: ({ t }) => t.episodes.firstInterventionDate },
    {
      name: "waitingDays",
      kind: "int",
      measure: true,
      description: "Days from referral to the first structured intervention (K-2); null before treatment.",
      expression: ({ t, dialect }) => daysBetween(dialect, t.episodes.referralDate, t.episodes.firstInterventionDate),
    },
    { name: "injectingStatus", kind: "code", codes: codes(INJECTING_STATUSES), description: "Injecting status (InjectingStatus codes).", expression: ({ t }) => t.episodes.injectingStatus },
    { name: "substance1", kind: "code", codes: codes(SUBSTANCES), description: "The main problem substance (rank 1).", expression: substanceOfRank(1) },
    { name: "substance2", kind: "code", codes: codes(SUBSTANCES), description: "The second problem substance (rank 2), if any.", expression: substanceOfRank(2) },
    { name: "substance3", kind: "code", codes: codes(SUBSTANCES), description: "The third problem substance (rank 3), if any.", expression: substanceOfRank(3) },
    { name: "dischargeDate", kind: "date", disclosive: true, description: "Date of discharge; null while open.", expression: ({ t }) => t.episodes.dischargeDate },
    { name: "dischargeReason", kind: "code", codes: codes(DISCHARGE_REASONS), description: "Why the episode ended (DischargeReason codes); null while open.", expression: ({ t }) => t.episodes.dischargeReason },
    {
      name: "lengthDays",
      kind: "int",
      measure: true,
      description: "Days from referral to discharge; null while open.",
      expression: ({ t, dialect }) => daysBetween(dialect, t.episodes.referralDate, t.episodes.dischargeDate),
    },
  ],
};

export const INTERVENTIONS: AnalysisDataset = {
  key: "interventions",
  typeName: "PseudonymisedIntervention",
  noun: "intervention",
  description: "An intervention of an episode, pseudonymised for analysts: catalogue code, setting, dates and planned sessions; no notes.",
  table: (t) => t.interventions as never,
  id: (t) => t.interventions.id,
  episodeId: (t) => t.interventions.episodeId,
  live: (t) => isNull(t.interventions.enteredInErrorReason),
  defaultOrder: [{ column: "startDate", direction: "ASC" }],
  columns: [
    ...PERSON_AND_EPISODE,
    { name: "catalogueItemCode", kind: "code", required: true, description: "Code of the intervention catalogue item.", expression: ({ t }) => t.interventions.catalogueItemCode },
    {
      name: "modality",
      kind: "code",
      required: true,
      codes: codes(MODALITIES),
      description: "Modality of the catalogue item (Modality codes).",
      expression: ({ t }) => sql`(select ${t.catalogueItems.modality} from ${t.catalogueItems} where ${t.catalogueItems.code} = ${t.interventions.catalogueItemCode})`,
    },
    { name: "setting", kind: "code", required: true, codes: codes(INTERVENTION_SETTINGS), description: "Where it is delivered (InterventionSetting codes; PRIMARY_CARE is GP shared care, K-9).", expression: ({ t }) => t.interventions.setting },
    { name: "startDate", kind: "date", required: true, disclosive: true, description: "Start date.", expression: ({ t }) => t.interventions.startDate },
    { name: "endDate", kind: "date", disclosive: true, description: "End date; null while it continues.", expression: ({ t }) => t.interventions.endDate },
    { name: "plannedEndDate", kind: "date", disclosive: true, description: "Planned end date, if set.", expression: ({ t }) => t.interventions.plannedEndDate },
    { name: "plannedSessions", kind: "int", measure: true, description: "Planned number of sessions, if set.", expression: ({ t }) => t.interventions.plannedSessions },
    {
      name: "durationDays",
      kind: "int",
      measure: true,
      description: "Days from start to end; null while it continues.",
      expression: ({ t, dialect }) => daysBetween(dialect, t.interventions.startDate, t.interventions.endDate),
    },
    { name: "deliveredById", kind: "staff", disclosive: true, description: "Global ID of the member of staff delivering it (a Staff ID; no name), if recorded.", expression: ({ t }) => t.interventions.deliveredById },
  ],
};

export const REVIEWS: AnalysisDataset = {
  key: "reviews",
  typeName: "PseudonymisedReview",
  noun: "review",
  description: "A completed review of a recovery plan, pseudonymised for analysts: due and completed dates and lateness; no goal text, progress notes or risk narrative.",
  table: (t) => t.reviews as never,
  id: (t) => t.reviews.id,
  episodeId: (t) => t.reviews.episodeId,
  live: (t) => isNull(t.reviews.enteredInErrorReason),
  defaultOrder: [{ column: "dueDate", direction: "ASC" }],
  columns: [
    ...PERSON_AND_EPISODE,
    { name: "dueDate", kind: "date", required: true, disclosive: true, description: "Date the review was due (R-REV-1).", expression: ({ t }) => t.reviews.dueDate },
    { name: "completedDate", kind: "date", required: true, disclosive: true, description: "Date the review was completed.", expression: ({ t }) => t.reviews.completedDate },
    {
      name: "daysLate",
      kind: "int",
      required: true,
      measure: true,
      description: "Days from the due date to completion; 0 or less is on time (R-REV-2, K-3).",
      expression: ({ t, dialect }) => daysBetween(dialect, t.reviews.dueDate, t.reviews.completedDate),
    },
    { name: "onTime", kind: "bool", required: true, description: "Completed on or before its due date (R-REV-2).", expression: ({ t }) => sql`(${t.reviews.completedDate} <= ${t.reviews.dueDate})` },
    { name: "completedById", kind: "staff", required: true, disclosive: true, description: "Global ID of the member of staff who completed it (a Staff ID; no name).", expression: ({ t }) => t.reviews.completedById },
  ],
};

/** A TOP answer column: days in the past 28, or a 0..20 score; null is "not disclosed". */
function topNumber(name: string, description: string, column: (t: Tables) => SQLWrapper): AnalysisColumn {
  return { name, kind: "int", measure: true, description: `${description} Null when not disclosed.`, expression: ({ t }) => column(t) };
}

function topAnswer(name: string, description: string, column: (t: Tables) => SQLWrapper): AnalysisColumn {
  return { name, kind: "bool", description: `${description} Null when not disclosed.`, expression: ({ t }) => column(t) };
}

export const OUTCOMES: AnalysisDataset = {
  key: "outcomes",
  typeName: "PseudonymisedOutcome",
  noun: "outcome record",
  description: "A Treatment Outcomes Profile (TOP), pseudonymised for analysts: stage, date and the numeric and yes/no answers; typical amounts (free text) are left out.",
  table: (t) => t.outcomeRecords as never,
  id: (t) => t.outcomeRecords.id,
  episodeId: (t) => t.outcomeRecords.episodeId,
  live: (t) => isNull(t.outcomeRecords.enteredInErrorReason),
  defaultOrder: [{ column: "date", direction: "ASC" }],
  columns: [
    ...PERSON_AND_EPISODE,
    { name: "stage", kind: "code", required: true, codes: codes(TOP_STAGES), description: "TOP stage (TopStage codes: START, REVIEW, EXIT, POST_EXIT).", expression: ({ t }) => t.outcomeRecords.stage },
    { name: "date", kind: "date", required: true, disclosive: true, description: "Date of the TOP.", expression: ({ t }) => t.outcomeRecords.date },
    topNumber("alcoholDays", "Days of alcohol use in the past 28.", (t) => t.outcomeRecords.alcoholDays),
    topNumber("opiatesDays", "Days of illicit opiate use in the past 28.", (t) => t.outcomeRecords.opiatesDays),
    topNumber("crackDays", "Days of crack use in the past 28.", (t) => t.outcomeRecords.crackDays),
    topNumber("cocaineDays", "Days of cocaine use in the past 28.", (t) => t.outcomeRecords.cocaineDays),
    topNumber("amphetaminesDays", "Days of amphetamine use in the past 28.", (t) => t.outcomeRecords.amphetaminesDays),
    topNumber("cannabisDays", "Days of cannabis use in the past 28.", (t) => t.outcomeRecords.cannabisDays),
    topNumber("otherDays", "Days of other problem substance use in the past 28.", (t) => t.outcomeRecords.otherDays),
    topNumber("tobaccoDays", "Days of tobacco use in the past 28.", (t) => t.outcomeRecords.tobaccoDays),
    topNumber("injectingDays", "Days of injecting in the past 28.", (t) => t.outcomeRecords.injectingDays),
    topAnswer("sharedNeedles", "Shared needles or syringes.", (t) => t.outcomeRecords.sharedNeedles),
    topAnswer("sharedOtherEquipment", "Shared other injecting equipment.", (t) => t.outcomeRecords.sharedOtherEquipment),
    topNumber("shopliftingDays", "Days of shoplifting in the past 28.", (t) => t.outcomeRecords.shopliftingDays),
    topNumber("drugSellingDays", "Days of selling drugs in the past 28.", (t) => t.outcomeRecords.drugSellingDays),
    topNumber("otherTheftDays", "Days of other theft in the past 28.", (t) => t.outcomeRecords.otherTheftDays),
    topNumber("assaultViolenceDays", "Days of assault or violence in the past 28.", (t) => t.outcomeRecords.assaultViolenceDays),
    topNumber("psychologicalHealth", "Psychological health score, 0 (poor) to 20 (good).", (t) => t.outcomeRecords.psychologicalHealth),
    topNumber("physicalHealth", "Physical health score, 0 (poor) to 20 (good).", (t) => t.outcomeRecords.physicalHealth),
    topNumber("qualityOfLife", "Quality of life score, 0 (poor) to 20 (good).", (t) => t.outcomeRecords.qualityOfLife),
    topNumber("paidWorkDays", "Days of paid work in the past 28.", (t) => t.outcomeRecords.paidWorkDays),
    topNumber("educationDays", "Days of education in the past 28.", (t) => t.outcomeRecords.educationDays),
    topAnswer("acuteHousingProblem", "Has an acute housing problem.", (t) => t.outcomeRecords.acuteHousingProblem),
    topAnswer("atRiskOfEviction", "Is at risk of eviction.", (t) => t.outcomeRecords.atRiskOfEviction),
  ],
};

export const CONTACTS: AnalysisDataset = {
  key: "contacts",
  typeName: "PseudonymisedContact",
  noun: "contact",
  description: "An appointment or contact, pseudonymised for analysts: date, kind and outcome; no time of day and no notes.",
  table: (t) => t.contacts as never,
  id: (t) => t.contacts.id,
  episodeId: (t) => t.contacts.episodeId,
  live: (t) => isNull(t.contacts.enteredInErrorReason),
  defaultOrder: [{ column: "date", direction: "ASC" }],
  columns: [
    ...PERSON_AND_EPISODE,
    { name: "date", kind: "date", required: true, disclosive: true, description: "Date of the contact.", expression: ({ t }) => t.contacts.date },
    { name: "kind", kind: "code", required: true, codes: codes(CONTACT_KINDS), description: "Kind of contact (ContactKind codes).", expression: ({ t }) => t.contacts.kind },
    { name: "outcome", kind: "code", required: true, codes: codes(CONTACT_OUTCOMES), description: "What happened (ContactOutcome codes; DID_NOT_ATTEND counts towards K-10).", expression: ({ t }) => t.contacts.outcome },
    {
      name: "daysFromReferral",
      kind: "int",
      required: true,
      measure: true,
      description: "Days from the episode's referral to the contact.",
      expression: ({ t, dialect }) => daysBetween(dialect, t.episodes.referralDate, t.contacts.date),
    },
    { name: "staffId", kind: "staff", required: true, disclosive: true, description: "Global ID of the member of staff who made or held the contact (a Staff ID; no name).", expression: ({ t }) => t.contacts.staffId },
  ],
};

/** Every dataset, by key. */
export const DATASETS: Readonly<Record<DatasetKey, AnalysisDataset>> = { episodes: EPISODES, interventions: INTERVENTIONS, reviews: REVIEWS, outcomes: OUTCOMES, contacts: CONTACTS };
