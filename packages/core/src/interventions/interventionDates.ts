import { isIsoDate, type IsoDate } from "../dates/isoDate.js";
import type { Episode } from "../records/episode.js";
import { clinicalDateViolations, periodViolations } from "../rules/clinicalDates.js";
import { resultOf, type RuleResult, type Violation } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";

/**
 * R-DATE-1 for the end of an intervention that has already been checked to start well: a real date, not in the
 * future and not before the start. Shared by recording an intervention and ending one.
 */
export function interventionEndDateViolations(startDate: IsoDate, endDate: IsoDate, today: IsoDate): Violation[] {
  return periodViolations({ field: "startDate", date: startDate }, { field: "endDate", date: endDate }, { today }).filter(
    (found) => found.field === "endDate",
  );
}

/** Only the "not a real date" answer: how such a date relates to others is another rule's question. */
function realDateViolations(field: string, date: IsoDate, today: IsoDate, label: string): Violation[] {
  return isIsoDate(date) ? [] : clinicalDateViolations(field, date, { today }, label);
}

/**
 * R-DATE-1 for a new intervention: the start is not in the future nor before the referral was received; an end
 * date is not in the future nor before the start; a planned end, which may lie ahead, is not before the start.
 * The date the person asked for mutual aid and the aftercare check-ups must be real dates; how they relate to the
 * start and the discharge is for R-ROSC-3 and R-ROSC-4. `today` is passed in because core never reads a clock.
 */
export function checkInterventionDates(
  intervention: Pick<InterventionDraft, "startDate" | "endDate" | "plannedEndDate" | "interestExpressedDate" | "contactSchedule">,
  episode: Pick<Episode, "referral">,
  today: IsoDate,
): RuleResult {
  const bounds = { today, referralDate: episode.referral.receivedDate };
  const start = { field: "startDate", date: intervention.startDate };
  const violations = periodViolations(start, { field: "endDate", date: intervention.endDate }, bounds);
  if (intervention.plannedEndDate !== null) {
    const plannedEnd = { field: "plannedEndDate", date: intervention.plannedEndDate };
    violations.push(...periodViolations(start, plannedEnd, bounds, true).filter((found) => found.field === "plannedEndDate"));
  }
  if (intervention.interestExpressedDate !== null) {
    violations.push(
      ...realDateViolations("interestExpressedDate", intervention.interestExpressedDate, today, "The date the person asked to go"),
    );
  }
  intervention.contactSchedule.forEach((checkUp, index) => {
    violations.push(...realDateViolations(`contactSchedule.${index}`, checkUp, today, "The check-up date"));
  });
  return resultOf(violations);
}
