import type { TopStage } from "../codes/clinical.js";
import type { OutcomeStarArea, TopSubstance } from "../codes/top.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { ClinicalRecord } from "./common.js";

/** Any TOP answer may be withheld by the person; that is recorded, not left blank. */
export const NOT_DISCLOSED = "NOT_DISCLOSED";
export type NotDisclosed = typeof NOT_DISCLOSED;

export type TopCount = number | NotDisclosed;
export type TopYesNo = boolean | NotDisclosed;

export interface TopSubstanceUse {
  /** Days used in the past 28 (0..28). */
  readonly days: TopCount;
  readonly typicalAmount: string | null;
}

export interface TopInjecting {
  readonly days: TopCount;
  readonly sharedNeedles: TopYesNo;
  readonly sharedOtherEquipment: TopYesNo;
}

export interface TopCrime {
  readonly shoplifting: TopCount;
  readonly drugSelling: TopCount;
  readonly otherTheft: TopCount;
  readonly assaultViolence: TopCount;
}

export interface TopHealthAndSocialFunctioning {
  /** Scores 0..20, rated by the person. */
  readonly psychologicalHealth: TopCount;
  readonly physicalHealth: TopCount;
  readonly qualityOfLife: TopCount;
  readonly paidWorkDays: TopCount;
  readonly educationDays: TopCount;
  readonly acuteHousingProblem: TopYesNo;
  readonly atRiskOfEviction: TopYesNo;
}

/** A Treatment Outcomes Profile at one stage of the episode. */
export interface OutcomeRecord extends ClinicalRecord {
  readonly episodeId: string;
  readonly stage: TopStage;
  readonly date: IsoDate;
  readonly substanceUse: Readonly<Record<TopSubstance, TopSubstanceUse>>;
  readonly injecting: TopInjecting;
  readonly crime: TopCrime;
  readonly health: TopHealthAndSocialFunctioning;
  /** Optional Outcome Star for alcohol clients: each area 1..10. */
  readonly outcomeStar: Readonly<Partial<Record<OutcomeStarArea, number>>> | null;
}
