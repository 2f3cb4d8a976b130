import type { Catalogue } from "../catalogue/catalogueItem.js";
import { isStructuredModality } from "../codes/clinical.js";
import { isOpiate, type Cohort, type Substance } from "../codes/substance.js";
import type { IsoDate } from "../dates/isoDate.js";
import { inForce } from "../records/common.js";
import type { Episode, ProblemSubstance } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";

/**
 * R-COH-1: the cohort an episode is counted in, from its problem substances. Null when no substance has
 * been recorded yet (a referral before triage).
 */
export function cohortOf(problemSubstances: readonly Pick<ProblemSubstance, "substance">[]): Cohort | null {
  const substances = problemSubstances.map((problem) => problem.substance);
  if (substances.length === 0) return null;
  if (substances.some(isOpiate)) return "OPIATE";
  const hasAlcohol = substances.includes("ALCOHOL");
  const hasOtherDrug = substances.some((substance) => substance !== "ALCOHOL");
  if (hasAlcohol && hasOtherDrug) return "NON_OPIATE_AND_ALCOHOL";
  return hasAlcohol ? "ALCOHOL_ONLY" : "NON_OPIATE_ONLY";
}

/** The substance ranked first, the one outcomes are judged against (K-12). */
export function mainSubstance(episode: Pick<Episode, "problemSubstances">): Substance | null {
  const ranked = [...episode.problemSubstances].sort((a, b) => a.rank - b.rank);
  return ranked[0]?.substance ?? null;
}

/** The interventions of one catalogue's structured modalities (pharmacological and psychosocial). */
export function structuredInterventions<T extends Pick<Intervention, "catalogueItemCode" | "enteredInError" | "id">>(
  interventions: readonly T[],
  catalogue: Catalogue,
): T[] {
  return inForce(interventions).filter((intervention) => {
    const item = catalogue.find(intervention.catalogueItemCode);
    return item !== undefined && isStructuredModality(item.modality);
  });
}

/**
 * The first-intervention date of an episode: the earliest start of a pharmacological or psychosocial
 * intervention. Structured treatment begins then (DOMAIN §2); null while none has started.
 */
export function firstInterventionDate(interventions: readonly Intervention[], catalogue: Catalogue): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const intervention of structuredInterventions(interventions, catalogue)) {
    if (earliest === null || intervention.startDate < earliest) earliest = intervention.startDate;
  }
  return earliest;
}
