import { OUTCOME_STAR_AREAS, TOP_SUBSTANCES } from "../codes/top.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { Episode } from "../records/episode.js";
import { NOT_DISCLOSED, type OutcomeRecord } from "../records/outcome.js";
import { clinicalDateViolations } from "./clinicalDates.js";
import { INPUT_CODES, RULE_CODES } from "./ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

const OUT_OF_RANGE = RULE_CODES["R-TOP-1"];
export const TOP_DAYS_MAX = 28;
export const TOP_SCORE_MAX = 20;
export const OUTCOME_STAR_MIN = 1;
export const OUTCOME_STAR_MAX = 10;

function countViolation(field: string, value: unknown, max: number, what: string): Violation[] {
  if (value === NOT_DISCLOSED) return [];
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max) return [];
  return [violation(OUT_OF_RANGE, field, `${what} must be a whole number from 0 to ${max}, or marked not disclosed.`)];
}

function yesNoViolation(field: string, value: unknown, what: string): Violation[] {
  if (value === NOT_DISCLOSED || typeof value === "boolean") return [];
  return [violation(OUT_OF_RANGE, field, `Answer yes or no for ${what}, or mark it not disclosed.`)];
}

export type OutcomeInput = Omit<OutcomeRecord, "id" | "episodeId" | "enteredInError">;

/** R-TOP-1: each TOP answer is in its range (days 0..28, scores 0..20) or marked not disclosed. */
export function topValueViolations(input: OutcomeInput): Violation[] {
  const found: Violation[] = [];
  for (const substance of TOP_SUBSTANCES.entries) {
    const use = input.substanceUse[substance.code];
    found.push(...countViolation(`substanceUse.${substance.code}.days`, use?.days, TOP_DAYS_MAX, `Days of ${substance.label.toLowerCase()} use`));
  }
  found.push(
    ...countViolation("injecting.days", input.injecting.days, TOP_DAYS_MAX, "Days injected"),
    ...yesNoViolation("injecting.sharedNeedles", input.injecting.sharedNeedles, "shared needles or syringes"),
    ...yesNoViolation("injecting.sharedOtherEquipment", input.injecting.sharedOtherEquipment, "shared other injecting equipment"),
    ...countViolation("crime.shoplifting", input.crime.shoplifting, TOP_DAYS_MAX, "Days of shoplifting"),
    ...countViolation("crime.drugSelling", input.crime.drugSelling, TOP_DAYS_MAX, "Days of selling drugs"),
    ...countViolation("crime.otherTheft", input.crime.otherTheft, TOP_DAYS_MAX, "Days of other theft"),
    ...countViolation("crime.assaultViolence", input.crime.assaultViolence, TOP_DAYS_MAX, "Days of assault or violence"),
    ...countViolation("health.psychologicalHealth", input.health.psychologicalHealth, TOP_SCORE_MAX, "Psychological health"),
    ...countViolation("health.physicalHealth", input.health.physicalHealth, TOP_SCORE_MAX, "Physical health"),
    ...countViolation("health.qualityOfLife", input.health.qualityOfLife, TOP_SCORE_MAX, "Quality of life"),
    ...countViolation("health.paidWorkDays", input.health.paidWorkDays, TOP_DAYS_MAX, "Days of paid work"),
    ...countViolation("health.educationDays", input.health.educationDays, TOP_DAYS_MAX, "Days at college or school"),
    ...yesNoViolation("health.acuteHousingProblem", input.health.acuteHousingProblem, "an acute housing problem"),
    ...yesNoViolation("health.atRiskOfEviction", input.health.atRiskOfEviction, "being at risk of eviction"),
  );
  for (const [area, score] of Object.entries(input.outcomeStar ?? {})) {
    if (!OUTCOME_STAR_AREAS.includes(area)) {
      found.push(violation(INPUT_CODES.invalidValue, `outcomeStar.${area}`, `"${area}" is not an Outcome Star area.`));
    } else if (!(typeof score === "number" && Number.isInteger(score) && score >= OUTCOME_STAR_MIN && score <= OUTCOME_STAR_MAX)) {
      found.push(violation(OUT_OF_RANGE, `outcomeStar.${area}`, `Outcome Star scores are whole numbers from ${OUTCOME_STAR_MIN} to ${OUTCOME_STAR_MAX}.`));
    }
  }
  return found;
}

/**
 * R-TOP-1 and R-DATE-1 for a TOP. A START, REVIEW or EXIT TOP belongs to an episode whose structured
 * treatment has started; a POST_EXIT TOP to one that has ended.
 */
export function checkOutcomeRecord(
  input: OutcomeInput,
  context: { readonly episode: Pick<Episode, "status" | "referral">; readonly dateOfBirth: IsoDate; readonly today: IsoDate },
): RuleResult {
  const stageViolations: Violation[] = [];
  const { status } = context.episode;
  if (input.stage === "POST_EXIT" && status !== "COMPLETED" && status !== "CLOSED") {
    stageViolations.push(violation(INPUT_CODES.transitionNotAllowed, "stage", "A post-exit TOP is recorded after the episode has ended."));
  } else if (input.stage !== "POST_EXIT" && (status === "REFERRED" || status === "TRIAGED" || status === "ASSESSED")) {
    stageViolations.push(violation(INPUT_CODES.transitionNotAllowed, "stage", "A TOP is recorded once structured treatment has started."));
  }
  const bounds = { today: context.today, dateOfBirth: context.dateOfBirth, referralDate: context.episode.referral.receivedDate };
  return resultOf([...stageViolations, ...clinicalDateViolations("date", input.date, bounds, "The TOP date"), ...topValueViolations(input)]);
}
