/**
 * The rules for recording, ending and closing interventions: R-INT-1, R-DATE-1 for intervention dates, the
 * recovery-support rules R-ROSC-1 to R-ROSC-6 (driven by the catalogue's switches, never by item codes) and
 * the discharge rules R-DIS-1 and R-DIS-2.
 */
export * from "./interventionDraft.js";
export * from "./interventionAllowed.js";
export * from "./interventionDates.js";
export * from "./concurrentModality.js";
export * from "./subTypeRequired.js";
export * from "./assessedNeed.js";
export * from "./interestRecorded.js";
export * from "./postTreatment.js";
export * from "./aftercareSchedule.js";
export * from "./sustainedActivity.js";
export * from "./newIntervention.js";
export * from "./endIntervention.js";
export * from "./discharge.js";
