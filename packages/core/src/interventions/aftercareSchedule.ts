import type { CatalogueItem } from "../catalogue/catalogueItem.js";
import { addMonths, addWeeks, isIsoDate, type IsoDate } from "../dates/isoDate.js";
import type { Episode } from "../records/episode.js";
import type { ServiceSettings } from "../records/organisation.js";
import { RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult, type Violation } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";
import { formatUkDate } from "../dates/displayDate.js";

/** Weeks between default aftercare check-ups: four weeks keeps each one on the weekday of discharge, for clinic slots. */
export const AFTERCARE_CHECK_UP_INTERVAL_WEEKS = 4;

/** The span aftercare check-ups may cover, per DOMAIN R-ROSC-4. */
export const AFTERCARE_MONTHS_RANGE = { min: 3, max: 6 } as const;

/**
 * The months after discharge that aftercare check-ups may span: `settings.aftercareMonths`, held within 3..6 so
 * that a mistyped setting cannot turn aftercare into open-ended contact or a single call.
 */
export function aftercareWindowMonths(settings: Pick<ServiceSettings, "aftercareMonths">): number {
  const months = Math.trunc(settings.aftercareMonths);
  if (!Number.isFinite(months)) return AFTERCARE_MONTHS_RANGE.max;
  return Math.min(AFTERCARE_MONTHS_RANGE.max, Math.max(AFTERCARE_MONTHS_RANGE.min, months));
}

/** The last day an aftercare check-up may fall on. */
export function aftercareWindowEnd(dischargeDate: IsoDate, settings: Pick<ServiceSettings, "aftercareMonths">): IsoDate {
  return addMonths(dischargeDate, aftercareWindowMonths(settings));
}

/**
 * R-ROSC-4: the check-ups a new aftercare record offers by default: one every four weeks after the discharge date
 * for as long as the aftercare window lasts (six check-ups over six months, three over three). Pass `notBefore`
 * (the aftercare start) to leave out check-ups that would already be behind it when aftercare starts late.
 */
export function defaultAftercareSchedule(
  dischargeDate: IsoDate,
  settings: Pick<ServiceSettings, "aftercareMonths">,
  notBefore?: IsoDate,
): IsoDate[] {
  const windowEnd = aftercareWindowEnd(dischargeDate, settings);
  const schedule: IsoDate[] = [];
  for (let weeks = AFTERCARE_CHECK_UP_INTERVAL_WEEKS; ; weeks += AFTERCARE_CHECK_UP_INTERVAL_WEEKS) {
    const checkUp = addWeeks(dischargeDate, weeks);
    if (checkUp > windowEnd) break;
    if (notBefore === undefined || checkUp >= notBefore) schedule.push(checkUp);
  }
  return schedule;
}

/** What R-ROSC-4 reads to check an aftercare contact schedule. */
export interface AftercareScheduleInput {
  readonly intervention: Pick<InterventionDraft, "contactSchedule">;
  readonly item: CatalogueItem;
  readonly episode: Pick<Episode, "dischargeDate">;
  readonly settings: Pick<ServiceSettings, "aftercareMonths">;
}

/**
 * R-ROSC-4: an item with the "needs contact schedule" switch carries at least one check-up, each after the
 * discharge date and within `settings.aftercareMonths` of it, none twice. Aftercare is contact the service
 * starts, so the service commits to its dates when it records it.
 */
export function checkAftercareSchedule(input: AftercareScheduleInput): RuleResult {
  const { intervention, item, episode, settings } = input;
  if (!item.switches.needsContactSchedule) return ACCEPTED;
  const code = RULE_CODES["R-ROSC-4"];
  if (intervention.contactSchedule.length === 0) {
    return resultOf([
      violation(
        code,
        "contactSchedule",
        `Add the check-up dates for ${item.label.toLowerCase()}: the service contacts the person on each. The default offers one every ${AFTERCARE_CHECK_UP_INTERVAL_WEEKS} weeks.`,
      ),
    ]);
  }
  // Without a discharge date R-ROSC-4's phase check already refuses the record; there is no window to test against.
  if (episode.dischargeDate === null) return ACCEPTED;
  const dischargeDate = episode.dischargeDate;
  const windowEnd = aftercareWindowEnd(dischargeDate, settings);
  const months = aftercareWindowMonths(settings);
  const seen = new Set<IsoDate>();
  const violations: Violation[] = [];
  intervention.contactSchedule.forEach((checkUp, index) => {
    const field = `contactSchedule.${index}`;
    if (!isIsoDate(checkUp)) return; // R-DATE-1 reports a date that is not real.
    if (checkUp <= dischargeDate || checkUp > windowEnd) {
      violations.push(
        violation(
          code,
          field,
          `Check-up on ${formatUkDate(checkUp)} is outside aftercare: choose a date after discharge (${formatUkDate(dischargeDate)}) ` +
            `and no later than ${formatUkDate(windowEnd)} (${months} months).`,
        ),
      );
    } else if (seen.has(checkUp)) {
      violations.push(violation(code, field, `Check-up on ${formatUkDate(checkUp)} is listed twice. Remove one.`));
    }
    seen.add(checkUp);
  });
  return resultOf(violations);
}
