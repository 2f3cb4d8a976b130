import type { Catalogue, CatalogueItem } from "../catalogue/catalogueItem.js";
import { periodsOverlap } from "../dates/isoDate.js";
import { structuredInterventions } from "../journey/derived.js";
import type { Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import { RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult } from "../rules/violation.js";
import { interventionsInForceOf, type InterventionDraft } from "./interventionDraft.js";

/** What R-ROSC-1 reads to find structured treatment running alongside a new intervention. */
export interface ConcurrentModalityInput {
  readonly intervention: Pick<InterventionDraft, "startDate" | "endDate">;
  readonly item: CatalogueItem;
  readonly episode: Pick<Episode, "id">;
  readonly episodeInterventions: readonly Intervention[];
  readonly catalogue: Catalogue;
}

/**
 * The pharmacological and psychosocial interventions of the episode that share at least one day with the new
 * one. An intervention with no end date is still running, so its period runs on.
 */
export function concurrentStructuredInterventions(input: Omit<ConcurrentModalityInput, "item">): Intervention[] {
  const { intervention, episode, episodeInterventions, catalogue } = input;
  return structuredInterventions(interventionsInForceOf(episode, episodeInterventions), catalogue).filter((structured) =>
    periodsOverlap(structured.startDate, structured.endDate, intervention.startDate, intervention.endDate),
  );
}

/**
 * R-ROSC-1: an item with the "needs concurrent modality" switch is recorded only alongside a pharmacological or
 * psychosocial intervention of the same episode whose dates overlap it. Recovery support given outside
 * structured treatment is not recorded in this system, so there is nothing to record it against.
 */
export function checkConcurrentModality(input: ConcurrentModalityInput): RuleResult {
  if (!input.item.switches.needsConcurrentModality) return ACCEPTED;
  if (concurrentStructuredInterventions(input).length > 0) return ACCEPTED;
  return resultOf([
    violation(
      RULE_CODES["R-ROSC-1"],
      "startDate",
      `${input.item.label} is recorded only alongside structured treatment. Record a pharmacological or psychosocial ` +
        "intervention that runs alongside this one first, or check the start and end dates: they must overlap one of " +
        "this episode's pharmacological or psychosocial interventions.",
    ),
  ]);
}
