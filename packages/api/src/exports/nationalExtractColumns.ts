import { ageOn, DISCHARGE_REASONS, isIsoDate, type DischargeReason, type IsoDate } from "@waymark/core";
import type { ExtractEpisode } from "./nationalExtractRecord.js";

/**
 * The national-dataset-style extract: one row per episode open at any time in the period. Columns marked
 * `consentOnly` are left empty where the person said no to national reporting; the rest describe treatment
 * without saying who it was for. No column ever holds a name, contact detail, NHS number, full date of birth
 * or full postcode (DOMAIN §1): the person appears as their pseudonymous ID and the service's own reference.
 * docs/national-extract.md describes every column.
 */
interface ExtractColumn {
  readonly header: string;
  readonly consentOnly: boolean;
  readonly value: (record: ExtractEpisode) => unknown;
}

/** The outward part of a UK postcode (the district, e.g. "S60" of "S60 2AB"). */
export function postcodeDistrict(postcode: string | null): string | null {
  const compact = postcode?.replace(/\s+/g, "").toUpperCase();
  if (!compact || compact.length < 5) return null;
  return compact.slice(0, -3);
}

const substance = (rank: number, field: "substance" | "ageOfFirstUse" | "route") => (record: ExtractEpisode) =>
  record.substances.find((entry) => entry.rank === rank)?.[field] ?? null;

/** Interventions as `CODE/SETTING/start/end` entries; an open one has an empty end. */
const interventionsOf = (modality: string | null) => (record: ExtractEpisode) =>
  record.interventions
    .filter((intervention) => modality === null || intervention.modality === modality)
    .map((intervention) => `${intervention.catalogueItemCode}/${intervention.setting}/${intervention.startDate}/${intervention.endDate ?? ""}`);

const topDates = (stage: string) => (record: ExtractEpisode) => record.outcomes.filter((outcome) => outcome.stage === stage).map((outcome) => outcome.date);

function ageAtReferral(record: ExtractEpisode): number | null {
  const { dateOfBirth } = record.person;
  const { referralDate } = record.episode;
  return isIsoDate(dateOfBirth) && isIsoDate(referralDate) ? ageOn(dateOfBirth as IsoDate, referralDate as IsoDate) : null;
}

function exitCategory(record: ExtractEpisode): string | null {
  const reason = record.episode.dischargeReason;
  return reason && DISCHARGE_REASONS.includes(reason) ? DISCHARGE_REASONS.entryOf(reason as DischargeReason).category : null;
}

export const NATIONAL_EXTRACT_COLUMNS: readonly ExtractColumn[] = [
  { header: "episode_id", consentOnly: false, value: (r) => r.episode.id },
  { header: "consent_to_national_reporting", consentOnly: false, value: (r) => r.person.consentToNationalReporting },
  { header: "client_pseudonym", consentOnly: true, value: (r) => r.personId },
  { header: "local_client_reference", consentOnly: true, value: (r) => r.person.localReference },
  { header: "birth_year_month", consentOnly: true, value: (r) => r.person.dateOfBirth.slice(0, 7) },
  { header: "age_at_referral", consentOnly: true, value: ageAtReferral },
  { header: "sex", consentOnly: true, value: (r) => r.person.sex },
  { header: "ethnicity", consentOnly: true, value: (r) => r.person.ethnicity },
  { header: "postcode_district", consentOnly: true, value: (r) => postcodeDistrict(r.person.postcode) },
  { header: "accommodation_need", consentOnly: true, value: (r) => r.person.accommodationNeed },
  { header: "children_living_with", consentOnly: true, value: (r) => r.person.childrenLivingWith },
  { header: "parental_responsibility", consentOnly: true, value: (r) => r.person.parentalResponsibility },
  { header: "pregnant", consentOnly: true, value: (r) => r.person.pregnant },
  { header: "is_carer", consentOnly: true, value: (r) => r.person.isCarer },
  { header: "veteran", consentOnly: true, value: (r) => r.person.veteran },
  { header: "consent_to_share_with_gp", consentOnly: true, value: (r) => r.person.consentToShareWithGp },
  { header: "team", consentOnly: false, value: (r) => r.teamName },
  { header: "episode_status", consentOnly: false, value: (r) => r.episode.status },
  { header: "referral_date", consentOnly: false, value: (r) => r.episode.referralDate },
  { header: "referral_source", consentOnly: false, value: (r) => r.episode.referralSource },
  { header: "referral_urgency", consentOnly: false, value: (r) => r.episode.referralUrgency },
  { header: "triage_date", consentOnly: false, value: (r) => r.episode.triageDate },
  { header: "first_intervention_date", consentOnly: false, value: (r) => r.episode.firstInterventionDate },
  { header: "cohort", consentOnly: false, value: (r) => r.episode.cohort },
  { header: "injecting_status", consentOnly: false, value: (r) => r.episode.injectingStatus },
  ...[1, 2, 3].flatMap((rank) => [
    { header: `substance_${rank}`, consentOnly: false, value: substance(rank, "substance") },
    { header: `substance_${rank}_age_first_use`, consentOnly: false, value: substance(rank, "ageOfFirstUse") },
    { header: `substance_${rank}_route`, consentOnly: false, value: substance(rank, "route") },
  ]),
  { header: "pharmacological_interventions", consentOnly: false, value: interventionsOf("PHARMACOLOGICAL") },
  { header: "psychosocial_interventions", consentOnly: false, value: interventionsOf("PSYCHOSOCIAL") },
  { header: "recovery_support_interventions", consentOnly: false, value: interventionsOf("RECOVERY_SUPPORT") },
  { header: "harm_reduction_interventions", consentOnly: false, value: interventionsOf("HARM_REDUCTION") },
  { header: "top_start_dates", consentOnly: false, value: topDates("START") },
  { header: "top_review_dates", consentOnly: false, value: topDates("REVIEW") },
  { header: "top_exit_dates", consentOnly: false, value: topDates("EXIT") },
  { header: "discharge_date", consentOnly: false, value: (r) => r.episode.dischargeDate },
  { header: "discharge_reason", consentOnly: false, value: (r) => r.episode.dischargeReason },
  { header: "exit_category", consentOnly: false, value: exitCategory },
];

/** Whether the person's identifiers and demographics may go in the extract: not when they said no. */
export const mayReportIdentity = (record: ExtractEpisode) => record.person.consentToNationalReporting !== "NO";

/** One row of the extract, in NATIONAL_EXTRACT_COLUMNS order. */
export function extractRowOf(record: ExtractEpisode): unknown[] {
  const identified = mayReportIdentity(record);
  return NATIONAL_EXTRACT_COLUMNS.map((column) => (column.consentOnly && !identified ? null : column.value(record)));
}
