import type { EpisodeFacts, KpiContext } from "./context.js";
import { wasInTreatmentDuring } from "./period.js";

/**
 * The counted episodes that were in structured treatment at any time in the period (see
 * `wasInTreatmentDuring`). This is K-1's count and the denominator of K-5, K-13 and K-14.
 */
export function episodesInTreatmentDuring(context: Pick<KpiContext, "episodes" | "period">): EpisodeFacts[] {
  return context.episodes.filter((facts) => wasInTreatmentDuring(facts.firstInterventionDate, facts.episode, context.period));
}
