import type { Catalogue } from "../catalogue/catalogueItem.js";
import type { EpisodeStatus } from "../codes/clinical.js";
import { DISCHARGE_REASONS, isSuccessfulCompletion, type DischargeReason } from "../codes/dischargeReason.js";
import { formatUkDate } from "../dates/displayDate.js";
import { addDays, isIsoDate, isWithin, type IsoDate } from "../dates/isoDate.js";
import { cohortOf, firstInterventionDate } from "../journey/derived.js";
import { transition } from "../journey/journey.js";
import { inForce } from "../records/common.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { OutcomeRecord } from "../records/outcome.js";
import { clinicalDateViolations } from "../rules/clinicalDates.js";
import { INPUT_CODES, RULE_CODES } from "../rules/ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "../rules/violation.js";
import { TOP_RECORDING_WINDOW_DAYS } from "../schedules/topSchedule.js";
import { interventionOpenOn, interventionsInForceOf } from "./interventionDraft.js";

/** A proposed discharge and what R-DIS-1 and R-DIS-2 read to judge it. */
export interface DischargeInput {
  readonly episode: Episode;
  readonly reason: DischargeReason | null;
  readonly dischargeDate: IsoDate;
  /** The episode's interventions (others are ignored, as are those entered in error). */
  readonly interventions: readonly Intervention[];
  readonly catalogue: Catalogue;
  readonly today: IsoDate;
}

/** The interventions still running on the discharge date: started by then, with no end date or one after it. */
function openAtDischarge(episode: Pick<Episode, "id">, interventions: readonly Intervention[], dischargeDate: IsoDate): Intervention[] {
  return interventionsInForceOf(episode, interventions).filter(
    (intervention) => intervention.startDate <= dischargeDate && interventionOpenOn(intervention, dischargeDate),
  );
}

function reasonViolations(reason: DischargeReason | null): Violation[] {
  if (reason === null) {
    return [violation(RULE_CODES["R-DIS-1"], "reason", "Choose a discharge reason: say why the episode is ending.")];
  }
  if (!DISCHARGE_REASONS.includes(reason)) {
    return [violation(INPUT_CODES.invalidValue, "reason", "Choose a discharge reason from the list.")];
  }
  return [];
}

/**
 * R-DATE-1 for the discharge date: a real date, not in the future, not before the referral or the triage, and not
 * before any intervention of the episode started (closing it on the discharge date would end it before it began).
 */
function dischargeDateViolations(input: DischargeInput): Violation[] {
  const { episode, dischargeDate, today } = input;
  const found = clinicalDateViolations("dischargeDate", dischargeDate, { today, referralDate: episode.referral.receivedDate }, "The discharge date");
  if (found.length > 0 || !isIsoDate(dischargeDate)) return found;
  if (episode.triageDate !== null && dischargeDate < episode.triageDate) {
    return [
      violation(RULE_CODES["R-DATE-1"], "dischargeDate", `The discharge date is before triage (${formatUkDate(episode.triageDate)}). Check the discharge date.`),
    ];
  }
  const latestStart = interventionsInForceOf(episode, input.interventions)
    .map((intervention) => intervention.startDate)
    .reduce<IsoDate | null>((latest, start) => (latest === null || start > latest ? start : latest), null);
  if (latestStart !== null && dischargeDate < latestStart) {
    return [
      violation(
        RULE_CODES["R-DATE-1"],
        "dischargeDate",
        `An intervention of this episode started on ${formatUkDate(latestStart)}, after this discharge date. Check the discharge date, or mark that intervention as entered in error.`,
      ),
    ];
  }
  return [];
}

/**
 * R-DIS-2: an opiate client (R-COH-1) who leaves with a successful completion must not still be on substitute
 * prescribing: no intervention whose item has the opioid substitution switch may be open on the discharge date.
 */
function prescribedAtExitViolations(input: DischargeInput, reason: DischargeReason): Violation[] {
  const { episode, catalogue, dischargeDate } = input;
  if (!isSuccessfulCompletion(reason) || cohortOf(episode.problemSubstances) !== "OPIATE" || !isIsoDate(dischargeDate)) return [];
  return openAtDischarge(episode, input.interventions, dischargeDate)
    .filter((intervention) => catalogue.find(intervention.catalogueItemCode)?.switches.opioidSubstitution === true)
    .map((intervention) => {
      const label = catalogue.find(intervention.catalogueItemCode)?.label ?? intervention.catalogueItemCode;
      return violation(
        RULE_CODES["R-DIS-2"],
        "reason",
        `${label} (started ${formatUkDate(intervention.startDate)}) is still prescribed on the discharge date. A 'treatment completed' ` +
          "discharge of an opiate client needs substitute prescribing to have stopped: end the prescription on or before the " +
          "discharge date, or choose the reason that fits.",
      );
    });
}

/**
 * R-DIS-1 and R-DIS-2: whether the episode may be discharged on this date for this reason. A reason is required;
 * the date follows R-DATE-1; the journey (DOMAIN §2) must allow the discharge from the episode's state, so a
 * "treatment completed" reason needs structured treatment to have begun; and an opiate client completing
 * treatment must not be on opioid substitution at exit. Every problem is reported at once.
 */
export function checkDischarge(input: DischargeInput): RuleResult {
  const violations = [...reasonViolations(input.reason), ...dischargeDateViolations(input)];
  const reason = input.reason;
  if (reason !== null && DISCHARGE_REASONS.includes(reason)) {
    const step = transition(input.episode.status, { kind: "DISCHARGE", reason });
    if (!step.ok) violations.push(step.violation);
    violations.push(...prescribedAtExitViolations(input, reason));
  }
  return resultOf(violations);
}

/** One intervention the discharge ends, and the end date it gets. */
export interface InterventionClosure {
  readonly intervention: Intervention;
  readonly endDate: IsoDate;
}

/** An accepted discharge, with the records its effects depend on. */
export interface DischargeEffectsInput {
  readonly episode: Episode;
  readonly reason: DischargeReason;
  readonly dischargeDate: IsoDate;
  readonly interventions: readonly Intervention[];
  /** The episode's TOPs, to tell whether the EXIT TOP is there. */
  readonly outcomes: readonly OutcomeRecord[];
  readonly catalogue: Catalogue;
}

/** What a discharge that `checkDischarge` accepted changes, and what it leaves for the exceptions report. */
export interface DischargeEffects {
  /** COMPLETED for a successful completion from treatment (the post-treatment phase opens), otherwise CLOSED. */
  readonly episodeStatus: EpisodeStatus;
  readonly postTreatmentPhaseOpens: boolean;
  /** Interventions running on the discharge date; each ends on the discharge date. */
  readonly interventionsToClose: readonly InterventionClosure[];
  /** R-TOP-2: an EXIT TOP is owed when structured treatment began on or before the discharge date. */
  readonly exitTopDue: boolean;
  /** An EXIT TOP of the episode is recorded within the recording window of the discharge date. */
  readonly exitTopRecorded: boolean;
  /** The EXIT TOP is owed and not yet recorded: the exceptions report will list it unless one is recorded in time. */
  readonly exitTopMissing: boolean;
  /** The last day an EXIT TOP can be recorded before the exceptions report lists it as missing; null when none is owed. */
  readonly exitTopDeadline: IsoDate | null;
  /** For the keyworker when the EXIT TOP is missing. A planned completion is still allowed without one (R-DIS-1). */
  readonly exitTopWarning: string | null;
}

/**
 * R-DIS-1: the effects of a discharge `checkDischarge` accepted: the episode's new state, the interventions it
 * closes (every one still running on the discharge date ends on it, including one whose end date lay beyond it),
 * and whether an EXIT TOP is owed and missing. The EXIT TOP follows the TOP schedule (R-TOP-2): owed for any
 * discharge after structured treatment began, satisfied by an EXIT TOP dated within
 * `TOP_RECORDING_WINDOW_DAYS` of the discharge date. Throws if the journey does not allow the discharge, which
 * `checkDischarge` reports first.
 */
export function dischargeEffects(input: DischargeEffectsInput): DischargeEffects {
  const { episode, reason, dischargeDate, catalogue } = input;
  const step = transition(episode.status, { kind: "DISCHARGE", reason });
  if (!step.ok) throw new Error(`Discharge of episode ${episode.id} from ${episode.status} is not allowed; call checkDischarge first.`);

  const interventionsToClose = openAtDischarge(episode, input.interventions, dischargeDate).map((intervention) => ({
    intervention,
    endDate: dischargeDate,
  }));
  const treatmentStart = firstInterventionDate(interventionsInForceOf(episode, input.interventions), catalogue);
  const exitTopDue = treatmentStart !== null && treatmentStart <= dischargeDate;
  const windowStart = addDays(dischargeDate, -TOP_RECORDING_WINDOW_DAYS);
  const windowEnd = addDays(dischargeDate, TOP_RECORDING_WINDOW_DAYS);
  const exitTopRecorded = inForce(input.outcomes).some(
    (outcome) => outcome.episodeId === episode.id && outcome.stage === "EXIT" && isWithin(outcome.date, windowStart, windowEnd),
  );
  const exitTopDeadline = exitTopDue ? windowEnd : null;
  const exitTopMissing = exitTopDue && !exitTopRecorded;
  return {
    episodeStatus: step.to,
    postTreatmentPhaseOpens: step.to === "COMPLETED",
    interventionsToClose,
    exitTopDue,
    exitTopRecorded,
    exitTopMissing,
    exitTopDeadline,
    exitTopWarning:
      exitTopMissing && exitTopDeadline !== null
        ? `No EXIT TOP is recorded for this discharge. Record one by ${formatUkDate(exitTopDeadline)}, or it will show on the exceptions report.`
        : null,
  };
}
