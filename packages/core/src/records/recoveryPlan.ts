import type { GoalStatus, NeedDomain, PlanKind } from "../codes/clinical.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { RiskAssessment } from "./assessment.js";
import type { ClinicalRecord } from "./common.js";

export interface Goal {
  readonly id: string;
  readonly domain: NeedDomain;
  readonly description: string;
  readonly targetDate: IsoDate | null;
  readonly status: GoalStatus;
}

export interface BudgetLine {
  readonly item: string;
  /** Money is held in whole pence so sums are exact. */
  readonly costPence: number;
}

export interface PersonalBudget {
  readonly allocatedPence: number;
  readonly lines: readonly BudgetLine[];
}

/** A recovery action plan: interim after triage, full after a comprehensive assessment (R-PLAN-1). */
export interface RecoveryPlan extends ClinicalRecord {
  readonly episodeId: string;
  readonly kind: PlanKind;
  readonly startDate: IsoDate;
  readonly goals: readonly Goal[];
  readonly agreedWithServiceUser: boolean;
  readonly signedOffById: string | null;
  readonly signedOffDate: IsoDate | null;
  readonly personalBudget: PersonalBudget | null;
  /** Copied from the team's setting when the plan is made, so a later change of setting does not move due dates silently. */
  readonly reviewIntervalWeeks: number;
}

export interface GoalProgress {
  readonly goalId: string;
  readonly status: GoalStatus;
  readonly note: string | null;
}

/** A completed review of a plan. Due dates are derived by the schedule (R-REV-1), not stored as tasks. */
export interface Review extends ClinicalRecord {
  readonly planId: string;
  /** The due date this review satisfied, fixed when it was completed. */
  readonly dueDate: IsoDate;
  readonly completedDate: IsoDate;
  readonly completedById: string;
  readonly goalProgress: readonly GoalProgress[];
  readonly risk: RiskAssessment | null;
}

