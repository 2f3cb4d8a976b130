import { RULE_CODES } from "@waymark/core";
import type { ExtractEpisode } from "./nationalExtractRecord.js";

/** One problem with one record that the national dataset would reject or query. */
export interface ExtractError {
  readonly code: string;
  /** The extract column (or record) the problem is in. */
  readonly field: string;
  readonly message: string;
}

/** Codes of the validation report. Where a DOMAIN rule says the same, its code is used. */
export const EXTRACT_ERROR_CODES = {
  ethnicityMissing: "ETHNICITY_NOT_RECORDED",
  sexMissing: "SEX_NOT_RECORDED",
  consentNotAsked: "CONSENT_NOT_ASKED",
  substanceMissing: "PROBLEM_SUBSTANCE_MISSING",
  injectingStatusMissing: "INJECTING_STATUS_MISSING",
  triageDateMissing: "TRIAGE_DATE_MISSING",
  dischargeReasonMissing: RULE_CODES["R-DIS-1"],
  dischargeDateMissing: "DISCHARGE_DATE_MISSING",
  interventionOpenAfterDischarge: "INTERVENTION_OPEN_AFTER_DISCHARGE",
  startTopMissing: "START_TOP_MISSING",
  exitTopMissing: "EXIT_TOP_MISSING",
} as const;

const DISCHARGED = new Set(["COMPLETED", "CLOSED"]);

/**
 * The validation report's checks for one episode: demographics the dataset needs, a ranked problem
 * substance, discharge with date and reason (R-DIS-1), interventions closed by discharge, and the START and
 * EXIT TOPs (R-TOP-2). Each error names the extract column it is about.
 */
export function extractErrorsOf(record: ExtractEpisode): ExtractError[] {
  const { episode, person } = record;
  const errors: ExtractError[] = [];
  const add = (code: string, field: string, message: string) => errors.push({ code, field, message });
  if (person.ethnicity === "NOT_STATED") add(EXTRACT_ERROR_CODES.ethnicityMissing, "ethnicity", "Ethnicity is recorded as not stated; ask the person and update their record.");
  if (person.sex === "NOT_KNOWN") add(EXTRACT_ERROR_CODES.sexMissing, "sex", "Sex is recorded as not known.");
  if (person.consentToNationalReporting === "NOT_ASKED") {
    add(EXTRACT_ERROR_CODES.consentNotAsked, "consent_to_national_reporting", "The person has not been asked about consent to national reporting.");
  }
  if (!record.substances.some((entry) => entry.rank === 1)) add(EXTRACT_ERROR_CODES.substanceMissing, "substance_1", "No main problem substance is recorded.");
  if (episode.triageDate && !episode.injectingStatus) add(EXTRACT_ERROR_CODES.injectingStatusMissing, "injecting_status", "Injecting status is not recorded.");
  if (episode.status !== "REFERRED" && !episode.triageDate && episode.firstInterventionDate) {
    add(EXTRACT_ERROR_CODES.triageDateMissing, "triage_date", "Treatment started but no triage date is recorded.");
  }
  if (episode.dischargeDate && !episode.dischargeReason) add(EXTRACT_ERROR_CODES.dischargeReasonMissing, "discharge_reason", "The episode was discharged without a reason.");
  if (DISCHARGED.has(episode.status) && !episode.dischargeDate) add(EXTRACT_ERROR_CODES.dischargeDateMissing, "discharge_date", "The episode is closed but has no discharge date.");
  const dischargeDate = episode.dischargeDate;
  if (dischargeDate) {
    // Post-treatment support (aftercare, relapse prevention) rightly starts after discharge; only treatment left open is wrong.
    const leftOpen = record.interventions.filter((intervention) => intervention.startDate <= dischargeDate && (!intervention.endDate || intervention.endDate > dischargeDate));
    for (const intervention of leftOpen) {
      add(
        EXTRACT_ERROR_CODES.interventionOpenAfterDischarge,
        "interventions",
        `${intervention.catalogueItemCode} started ${intervention.startDate} has ${intervention.endDate ? `an end date (${intervention.endDate}) after` : "no end date despite"} the discharge on ${episode.dischargeDate}.`,
      );
    }
  }
  const stages = new Set(record.outcomes.map((outcome) => outcome.stage));
  if (episode.firstInterventionDate && !stages.has("START")) add(EXTRACT_ERROR_CODES.startTopMissing, "top_start_dates", "Structured treatment started but no START TOP is recorded.");
  if (episode.dischargeDate && episode.firstInterventionDate && !stages.has("EXIT")) add(EXTRACT_ERROR_CODES.exitTopMissing, "top_exit_dates", "The episode left treatment without an EXIT TOP.");
  return errors;
}
