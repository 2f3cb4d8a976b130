import { checkPostTreatmentPhase, endedInPlannedCompletion, isOpen, MODALITIES, violationsOf, type Catalogue, type CatalogueItem, type Episode, type IsoDate, type Modality, type Phase } from "@waymark/core";

/** The catalogue items of one modality, in the catalogue's order. */
export interface ModalityGroup {
  readonly modality: Modality;
  readonly label: string;
  readonly items: readonly CatalogueItem[];
}

/**
 * The phases whose items may be recorded on this episode now (R-INT-1, R-ROSC-4/5): while it is open, items for
 * treatment and for any time; after a planned completion, post-treatment items and items for any time; nothing
 * on a closed episode or one entered in error, where core refuses every item.
 */
export function phasesOpenTo(episode: Episode): readonly Phase[] {
  if (episode.enteredInError) return [];
  if (isOpen(episode)) return ["IN_TREATMENT", "ANY"];
  if (endedInPlannedCompletion(episode)) return ["POST_TREATMENT", "ANY"];
  return [];
}

/**
 * The items to offer for a new intervention on this episode, grouped by modality in the order DOMAIN §5 lists
 * them. Retired items are never offered (R-INT-1). Offering only what the phase allows spares the keyworker
 * choosing an item the rules would refuse whatever else they entered.
 */
export function offeredItems(catalogue: Catalogue, episode: Episode): ModalityGroup[] {
  const phases = phasesOpenTo(episode);
  return MODALITIES.entries
    .map((modality) => ({
      modality: modality.code,
      label: modality.label,
      items: catalogue.items.filter((item) => !item.retired && item.modality === modality.code && phases.includes(item.phase)),
    }))
    .filter((group) => group.items.length > 0);
}

/** Why nothing can be offered on this episode, in words for the keyworker; null when items are offered. */
export function whyNothingOffered(episode: Episode): string | null {
  if (episode.enteredInError) return "This episode was marked as entered in error. Record interventions on the person's correct episode.";
  if (phasesOpenTo(episode).length > 0) return null;
  if (episode.status === "COMPLETED") return "This episode was completed without a discharge date or reason recorded, so nothing can be added to it.";
  return "This episode is closed without a planned completion, so no interventions can be added to it. If the person has come back to the service, open a new referral first.";
}

/**
 * The post-treatment items an open episode cannot have yet, each with core's reason (R-ROSC-4/5), so the
 * keyworker looking for aftercare or relapse-prevention support learns why it is not listed and what to do.
 */
export function notYetAvailable(catalogue: Catalogue, episode: Episode, today: IsoDate): { item: CatalogueItem; reason: string }[] {
  if (!isOpen(episode) || episode.enteredInError) return [];
  return catalogue.items
    .filter((item) => !item.retired && item.phase === "POST_TREATMENT")
    .flatMap((item) => violationsOf(checkPostTreatmentPhase({ startDate: today }, item, episode)).slice(0, 1).map((found) => ({ item, reason: found.message })));
}
