import { formatUkDate } from "../dates/displayDate.js";
import { isIsoDate, type IsoDate } from "../dates/isoDate.js";
import { RULE_CODES } from "./ruleCodes.js";
import { resultOf, violation, type RuleResult, type Violation } from "./violation.js";

const INVALID_DATE = RULE_CODES["R-DATE-1"];

/** What a clinical date is checked against (R-DATE-1). Core never reads a clock, so `today` is given. */
export interface ClinicalDateBounds {
  readonly today: IsoDate;
  readonly dateOfBirth?: IsoDate | null;
  readonly referralDate?: IsoDate | null;
}

/**
 * R-DATE-1: a clinical date is a real date, not in the future, not before the person's birth and not before
 * the episode's referral. Returns the violations for one field.
 */
export function clinicalDateViolations(field: string, date: unknown, bounds: ClinicalDateBounds, label = "The date"): Violation[] {
  if (!isIsoDate(date)) {
    return [violation(INVALID_DATE, field, `${label} is not a real date. Enter the day, month and year, for example 27/3/2025.`)];
  }
  if (date > bounds.today) {
    return [violation(INVALID_DATE, field, `${label} is in the future. Enter the date it happened, today or earlier.`)];
  }
  if (bounds.dateOfBirth && date < bounds.dateOfBirth) {
    return [violation(INVALID_DATE, field, `${label} is before the person's date of birth (${formatUkDate(bounds.dateOfBirth)}). Check the year.`)];
  }
  if (bounds.referralDate && date < bounds.referralDate) {
    return [
      violation(INVALID_DATE, field, `${label} is before the referral was received (${formatUkDate(bounds.referralDate)}). Check the date, or the referral date.`),
    ];
  }
  return [];
}

/** R-DATE-1 for a single date, as a rule result. */
export function checkClinicalDate(field: string, date: unknown, bounds: ClinicalDateBounds, label?: string): RuleResult {
  return resultOf(clinicalDateViolations(field, date, bounds, label));
}

/**
 * R-DATE-1 for a period: both ends are clinical dates and the end is not before the start. A missing end
 * (still running) is allowed. A planned end may lie in the future, so pass `endMayBeFuture` for plans.
 */
export function periodViolations(
  start: { field: string; date: unknown },
  end: { field: string; date: unknown | null | undefined },
  bounds: ClinicalDateBounds,
  endMayBeFuture = false,
): Violation[] {
  const violations = clinicalDateViolations(start.field, start.date, bounds, "The start date");
  if (end.date == null) return violations;
  const endBounds = endMayBeFuture ? { ...bounds, today: "9999-12-31" } : bounds;
  const endViolations = clinicalDateViolations(end.field, end.date, endBounds, "The end date");
  if (endViolations.length > 0) return [...violations, ...endViolations];
  if (isIsoDate(start.date) && (end.date as IsoDate) < start.date) {
    return [...violations, violation(INVALID_DATE, end.field, `The end date is before the start date (${formatUkDate(start.date)}). Check both dates.`)];
  }
  return violations;
}
