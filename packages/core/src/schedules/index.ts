/**
 * The schedules of DOMAIN §4: plan reviews (R-REV-1/2), TOPs (R-TOP-2), DNA follow-ups and disengagement
 * (R-DNA-1/2), the caseload flags (R-SAFE-1, R-OST-1, R-REP-1) and the exceptions report (R-EXC-1).
 */
export * from "./reviewSchedule.js";
export * from "./topSchedule.js";
export * from "./contactSchedule.js";
export * from "./flags.js";
export * from "./exceptions.js";
