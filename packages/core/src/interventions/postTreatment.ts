import type { CatalogueItem } from "../catalogue/catalogueItem.js";
import { isSuccessfulCompletion } from "../codes/dischargeReason.js";
import type { Episode } from "../records/episode.js";
import { RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";
import { formatUkDate } from "../dates/displayDate.js";

/** True when the episode ended in a planned completion of structured treatment, which opens the post-treatment phase. */
export function endedInPlannedCompletion(episode: Pick<Episode, "status" | "dischargeDate" | "dischargeReason">): boolean {
  return (
    episode.status === "COMPLETED" &&
    episode.dischargeDate !== null &&
    episode.dischargeReason !== null &&
    isSuccessfulCompletion(episode.dischargeReason)
  );
}

function whyNotYet(episode: Pick<Episode, "status">): string {
  if (episode.status === "CLOSED") return "This episode ended without a planned completion.";
  if (episode.status === "COMPLETED") return "This episode has no discharge date recorded.";
  return "This episode is still open: discharge it with a 'treatment completed' reason first.";
}

/**
 * R-ROSC-4 and R-ROSC-5: an item for the post-treatment phase (aftercare, relapse-prevention support) follows a
 * planned completion of structured treatment: the episode is COMPLETED and the item starts on or after the
 * discharge date.
 */
export function checkPostTreatmentPhase(
  intervention: Pick<InterventionDraft, "startDate">,
  item: CatalogueItem,
  episode: Pick<Episode, "status" | "dischargeDate" | "dischargeReason">,
): RuleResult {
  if (item.phase !== "POST_TREATMENT") return ACCEPTED;
  const code = RULE_CODES["R-ROSC-4"];
  if (!endedInPlannedCompletion(episode) || episode.dischargeDate === null) {
    return resultOf([
      violation(code, "catalogueItemCode", `${item.label} is recorded only after a planned completion of structured treatment. ${whyNotYet(episode)}`),
    ]);
  }
  if (intervention.startDate < episode.dischargeDate) {
    return resultOf([
      violation(
        code,
        "startDate",
        `${item.label} starts on or after the discharge date (${formatUkDate(episode.dischargeDate)}). Check the start date.`,
      ),
    ]);
  }
  return ACCEPTED;
}
