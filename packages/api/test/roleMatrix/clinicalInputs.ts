import type { IsoDate } from "@waymark/core";

/** The eight substances a TOP asks about (R-TOP-1). */
const TOP_SUBSTANCES = ["ALCOHOL", "OPIATES", "CRACK", "COCAINE", "AMPHETAMINES", "CANNABIS", "OTHER", "TOBACCO"] as const;

/**
 * The sections of a TOP with every answer given and in range (R-TOP-1): no use or offending in the past 28
 * days, middling wellbeing. A generated TOP would leave every answer out, which the rule rightly refuses.
 */
export function completeTopSections(): Record<string, unknown> {
  return {
    substanceUse: Object.fromEntries(TOP_SUBSTANCES.map((substance) => [substance, { days: 0, typicalAmount: null }])),
    injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
    crime: { shoplifting: 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
    health: { psychologicalHealth: 12, physicalHealth: 13, qualityOfLife: 12, paidWorkDays: 0, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: false },
  };
}

/** A full plan's parts (R-PLAN-1): one goal, the person's agreement and a sign-off by `signerId` (a global ID) on `date`. */
export function signedOffFullPlan(signerId: string, date: IsoDate): Record<string, unknown> {
  return {
    kind: "FULL",
    goals: [{ domain: "SUBSTANCE_USE", description: "Cut down, then stop, using heroin", targetDate: null }],
    agreedWithServiceUser: true,
    signedOffById: signerId,
    signedOffDate: date,
  };
}
