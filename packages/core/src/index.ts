/**
 * Waymark's domain core: the records, the journey, every rule of DOMAIN §4, the schedules and the reference
 * indicators. Pure TypeScript with no I/O, imported by the API and the web app so that a rule is written once.
 */
export * from "./codes/codeList.js";
export * from "./codes/referralSource.js";
export * from "./codes/dischargeReason.js";
export * from "./codes/substance.js";
export * from "./codes/demographics.js";
export * from "./codes/clinical.js";
export * from "./codes/top.js";
export * from "./dates/isoDate.js";
export * from "./dates/displayDate.js";
export * from "./records/common.js";
export * from "./records/serviceUser.js";
export * from "./records/episode.js";
export * from "./records/assessment.js";
export * from "./records/recoveryPlan.js";
export * from "./records/intervention.js";
export * from "./records/outcome.js";
export * from "./records/contact.js";
export * from "./records/organisation.js";
export * from "./rules/index.js";
export * from "./journey/journey.js";
export * from "./journey/derived.js";
export * from "./catalogue/index.js";
export * from "./interventions/index.js";
export * from "./schedules/index.js";
export * from "./kpis/index.js";
