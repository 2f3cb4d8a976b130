import { NEED_DOMAINS, NEED_LEVELS, type AssessmentKind, type NeedDomain, type NeedLevel } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { RecoveryCapitalScore, RiskAssessment } from "../records/assessment.js";
import type { Episode } from "../records/episode.js";
import { transition } from "../journey/journey.js";
import { clinicalDateViolations } from "./clinicalDates.js";
import { INPUT_CODES } from "./ruleCodes.js";
import { riskAssessmentViolations } from "./risk.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

export const BARC10_ITEM_COUNT = 10;
export const BARC10_ITEM_MIN = 1;
export const BARC10_ITEM_MAX = 6;

/** Total of a BARC-10 recovery capital score (10..60). */
export function recoveryCapitalTotal(score: RecoveryCapitalScore): number {
  return score.items.reduce((total, item) => total + item, 0);
}

function recoveryCapitalViolations(score: RecoveryCapitalScore | null | undefined): Violation[] {
  if (!score) return [];
  if (score.items.length !== BARC10_ITEM_COUNT) {
    return [violation(INPUT_CODES.invalidValue, "recoveryCapital.items", `Score all ${BARC10_ITEM_COUNT} recovery capital items, or leave the score out.`)];
  }
  return score.items.flatMap((item, index) =>
    Number.isInteger(item) && item >= BARC10_ITEM_MIN && item <= BARC10_ITEM_MAX
      ? []
      : [violation(INPUT_CODES.invalidValue, `recoveryCapital.items.${index}`, `Recovery capital item ${index + 1} must be a whole number from ${BARC10_ITEM_MIN} to ${BARC10_ITEM_MAX}.`)],
  );
}

function needsViolations(needs: Partial<Record<string, unknown>>): Violation[] {
  return Object.entries(needs).flatMap(([domain, level]) => {
    if (!NEED_DOMAINS.includes(domain)) return [violation(INPUT_CODES.invalidValue, `needs.${domain}`, `"${domain}" is not a need domain.`)];
    if (!NEED_LEVELS.includes(level)) return [violation(INPUT_CODES.invalidValue, `needs.${domain}`, "Choose no need, some need or high need.")];
    return [];
  });
}

export interface AssessmentInput {
  readonly kind: AssessmentKind;
  readonly date: IsoDate;
  readonly needs: Partial<Record<NeedDomain, NeedLevel>>;
  readonly risk: RiskAssessment | null;
  readonly recoveryCapital: RecoveryCapitalScore | null;
}

/** Assessments after triage are allowed while the episode is open and past referral. */
function kindAllowedViolations(kind: AssessmentKind, episode: Pick<Episode, "status">): Violation[] {
  if (kind === "TRIAGE") {
    const result = transition(episode.status, { kind: "TRIAGE" });
    return result.ok ? [] : [{ ...result.violation, field: "kind" }];
  }
  if (episode.status === "TRIAGED" || episode.status === "ASSESSED" || episode.status === "IN_TREATMENT") return [];
  const message =
    episode.status === "REFERRED"
      ? "Record the triage before a comprehensive assessment or reassessment."
      : "This episode is closed: assessments can no longer be added to it.";
  return [violation(INPUT_CODES.transitionNotAllowed, "kind", message)];
}

/**
 * A triage or comprehensive assessment must carry a full risk assessment (R-RISK-1, R-RISK-2); a reassessment
 * may, and what it carries must be complete. Dates follow R-DATE-1.
 */
export function checkAssessment(
  input: AssessmentInput,
  episode: Pick<Episode, "status" | "referral">,
  dateOfBirth: IsoDate,
  today: IsoDate,
): RuleResult {
  const riskRequired = input.kind !== "REASSESSMENT" || input.risk !== null;
  return resultOf([
    ...kindAllowedViolations(input.kind, episode),
    ...clinicalDateViolations("date", input.date, { today, dateOfBirth, referralDate: episode.referral.receivedDate }, "The assessment date"),
    ...(riskRequired ? riskAssessmentViolations(input.risk) : []),
    ...needsViolations(input.needs),
    ...recoveryCapitalViolations(input.recoveryCapital),
  ]);
}
