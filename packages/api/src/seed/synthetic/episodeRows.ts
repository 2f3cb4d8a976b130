import type { IsoDate } from "@waymark/core";
import type {
  AssessmentRow,
  ContactRow,
  EpisodeRow,
  GoalRow,
  HarmReductionRow,
  InterventionRow,
  OutcomeInsert,
  PlanRow,
  ProblemSubstanceRow,
  ReviewRow,
} from "../../db/mappers.js";

/** Every row of one generated episode, in the shapes the tables take. */
export interface EpisodeRows {
  episode: EpisodeRow;
  readonly substances: ProblemSubstanceRow[];
  readonly assessments: AssessmentRow[];
  readonly plans: PlanRow[];
  readonly goals: GoalRow[];
  readonly reviews: ReviewRow[];
  readonly interventions: InterventionRow[];
  readonly outcomes: OutcomeInsert[];
  readonly contacts: ContactRow[];
  readonly harmReduction: HarmReductionRow[];
}

/** Created/updated stamps and an unmarked, first-version record. */
export function stampsOn(day: IsoDate, byId: string) {
  const at = new Date(`${day}T10:00:00.000Z`);
  return { createdAt: at, createdById: byId, updatedAt: at, version: 1, enteredInErrorReason: null, enteredInErrorById: null, enteredInErrorOn: null };
}
