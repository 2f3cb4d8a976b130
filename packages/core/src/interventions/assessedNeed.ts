import type { CatalogueItem } from "../catalogue/catalogueItem.js";
import { ASSESSMENT_KINDS, NEED_DOMAINS, type NeedDomain, type NeedLevel } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { Assessment } from "../records/assessment.js";
import { inForce } from "../records/common.js";
import type { Episode } from "../records/episode.js";
import { RULE_CODES } from "../rules/ruleCodes.js";
import { ACCEPTED, resultOf, violation, type RuleResult, type Violation } from "../rules/violation.js";
import type { InterventionDraft } from "./interventionDraft.js";
import { formatUkDate } from "../dates/displayDate.js";

/** The level a need domain had, and the assessment that said so. */
export interface AssessedNeedLevel {
  readonly level: NeedLevel;
  readonly assessedOn: IsoDate;
}

const KIND_ORDER = ASSESSMENT_KINDS.codes;

/**
 * The need levels in force for an episode on `onDate`: for each domain, the level from the most recent
 * assessment of the episode on or before that date that scored it. Triage, comprehensive assessment and
 * reassessment all count; a plan review records changed needs as a reassessment, because a review itself carries
 * no need levels. Taking each domain's latest score means a reassessment that re-scores only some domains does
 * not wipe out the others. On one date a reassessment outranks a comprehensive assessment, which outranks a triage.
 */
export function latestNeedLevels(
  episode: Pick<Episode, "id">,
  assessments: readonly Assessment[],
  onDate: IsoDate,
): Partial<Record<NeedDomain, AssessedNeedLevel>> {
  const inDateOrder = inForce(assessments)
    .filter((assessment) => assessment.episodeId === episode.id && assessment.date <= onDate)
    .sort((a, b) => (a.date === b.date ? KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) : a.date < b.date ? -1 : 1));
  const levels: Partial<Record<NeedDomain, AssessedNeedLevel>> = {};
  for (const assessment of inDateOrder) {
    for (const [domain, level] of Object.entries(assessment.needs) as [NeedDomain, NeedLevel | undefined][]) {
      if (level !== undefined) levels[domain] = { level, assessedOn: assessment.date };
    }
  }
  return levels;
}

/** A need counts when it was assessed as SOME or HIGH. */
function isAssessedNeed(assessed: AssessedNeedLevel | undefined): boolean {
  return assessed !== undefined && assessed.level !== "NONE";
}

/** What R-ROSC-2 reads to check that each chosen sub-type meets an assessed need. */
export interface AssessedNeedInput {
  readonly intervention: Pick<InterventionDraft, "subTypes" | "startDate">;
  readonly item: CatalogueItem;
  readonly episode: Pick<Episode, "id">;
  readonly assessments: readonly Assessment[];
}

/**
 * R-ROSC-2: with the "needs assessed need" switch, each chosen sub-type's need domain must stand at SOME or HIGH
 * in the episode's latest need levels on or before the start date (see `latestNeedLevels`). Support is given for
 * a need the service has found, not in its place.
 */
export function checkAssessedNeed(input: AssessedNeedInput): RuleResult {
  const { intervention, item } = input;
  if (!item.switches.needsAssessedNeed) return ACCEPTED;
  const levels = latestNeedLevels(input.episode, input.assessments, intervention.startDate);
  const violations: Violation[] = [];
  intervention.subTypes.forEach((code, index) => {
    const subType = item.subTypes.find((candidate) => candidate.code === code);
    // A sub-type that is not the item's own is refused by R-INT-1; one without a domain has nothing to check.
    if (subType === undefined || subType.needDomain === null) return;
    const assessed = levels[subType.needDomain];
    if (isAssessedNeed(assessed)) return;
    const domain = NEED_DOMAINS.labelOf(subType.needDomain).toLowerCase();
    const found =
      assessed === undefined
        ? `No assessment of this episode on or before the start date scored the ${domain} need.`
        : `The latest assessment of the ${domain} need (${formatUkDate(assessed.assessedOn)}) found no need.`;
    violations.push(
      violation(
        RULE_CODES["R-ROSC-2-NEED"],
        `subTypes.${index}`,
        `${subType.label} needs an assessed ${domain} need. ${found} Record a reassessment that scores this need first, or remove this type of support.`,
      ),
    );
  });
  return resultOf(violations);
}
