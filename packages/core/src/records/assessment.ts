import type { AssessmentKind, NeedDomain, NeedLevel, RiskLevel } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { ClinicalRecord } from "./common.js";

/**
 * The risk questions every triage, comprehensive assessment and review asks (R-RISK-1, R-RISK-3).
 * A null answer means the question was not answered, which the rules refuse.
 */
export interface RiskAssessment {
  readonly selfHarmOrSuicide: RiskLevel | null;
  readonly overdose: RiskLevel | null;
  readonly toOthers: RiskLevel | null;
  /** Harm from other people, domestic abuse included. */
  readonly fromOthers: RiskLevel | null;
  readonly domesticAbuse: boolean | null;
  readonly toChildren: RiskLevel | null;
  readonly suicideFactors: SuicideRiskFactors;
  readonly notes: string | null;
}

/**
 * Circumstances linked to suicide among people known to treatment services (R-RISK-2). Any one present
 * raises the suicide-risk flag until a later assessment clears it.
 */
export interface SuicideRiskFactors {
  /** Death or suicide of someone close. */
  readonly bereavement: boolean | null;
  readonly relationshipBreakdown: boolean | null;
  readonly domesticOrSexualAbuseHistory: boolean | null;
  readonly isCarer: boolean | null;
}

/** Brief Assessment of Recovery Capital: ten items scored 1..6, total 10..60. */
export interface RecoveryCapitalScore {
  readonly items: readonly number[];
}

export interface Assessment extends ClinicalRecord {
  readonly episodeId: string;
  readonly kind: AssessmentKind;
  readonly date: IsoDate;
  readonly assessorId: string;
  readonly needs: Partial<Record<NeedDomain, NeedLevel>>;
  readonly risk: RiskAssessment | null;
  readonly recoveryCapital: RecoveryCapitalScore | null;
}
