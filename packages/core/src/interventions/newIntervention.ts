import type { Catalogue } from "../catalogue/catalogueItem.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { Assessment } from "../records/assessment.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { ServiceSettings } from "../records/organisation.js";
import { allOf, type RuleResult } from "../rules/violation.js";
import { checkAftercareSchedule } from "./aftercareSchedule.js";
import { checkAssessedNeed } from "./assessedNeed.js";
import { checkConcurrentModality } from "./concurrentModality.js";
import { checkInterestRecorded } from "./interestRecorded.js";
import { checkInterventionAllowed } from "./interventionAllowed.js";
import { checkInterventionDates } from "./interventionDates.js";
import type { InterventionDraft } from "./interventionDraft.js";
import { checkPostTreatmentPhase } from "./postTreatment.js";
import { checkSubTypeChosen } from "./subTypeRequired.js";
import { checkPlannedSessions, checkSustainedActivity } from "./sustainedActivity.js";

/** Everything the rules for a new intervention read; the caller loads it, core never does. */
export interface NewInterventionInput {
  readonly intervention: InterventionDraft;
  readonly episode: Episode;
  /** The episode's interventions already recorded (others are ignored, as are those entered in error). */
  readonly episodeInterventions: readonly Intervention[];
  /** The episode's assessments, for the assessed needs of R-ROSC-2. */
  readonly assessments: readonly Assessment[];
  readonly catalogue: Catalogue;
  readonly settings: ServiceSettings;
  readonly today: IsoDate;
}

/**
 * Every rule for recording a new intervention, reported together so the form can show all problems at once:
 * R-INT-1, R-DATE-1, and the ROSC rules R-ROSC-1 to R-ROSC-6 as the item's switches call for them. The item is
 * judged by its switches and phase only, so an item an admin adds behaves like a built-in one with the same
 * switches.
 */
export function checkNewIntervention(input: NewInterventionInput): RuleResult {
  const { intervention, episode, episodeInterventions, assessments, catalogue, settings, today } = input;
  const allowed = checkInterventionAllowed(intervention, episode, catalogue);
  const dates = checkInterventionDates(intervention, episode, today);
  const sessions = checkPlannedSessions(intervention);
  const item = catalogue.find(intervention.catalogueItemCode);
  // An unknown item has no switches to read; R-INT-1 has already said so.
  if (item === undefined) return allOf(allowed, dates, sessions);
  return allOf(
    allowed,
    dates,
    sessions,
    checkConcurrentModality({ intervention, item, episode, episodeInterventions, catalogue }),
    checkSubTypeChosen(intervention, item),
    checkAssessedNeed({ intervention, item, episode, assessments }),
    checkInterestRecorded(intervention, item),
    checkPostTreatmentPhase(intervention, item, episode),
    checkAftercareSchedule({ intervention, item, episode, settings }),
    checkSustainedActivity(intervention, item),
  );
}
