import { addDays, defaultAftercareSchedule, DEFAULT_SERVICE_SETTINGS, type DischargeReason, type IsoDate } from "@waymark/core";
import { mainSubstance, topAt } from "./clinicalProfiles.js";
import { isOpiateProfile, type EpisodeContext } from "./context.js";
import { endIntervention, startStructured } from "./treatment.js";

/**
 * A planned completion on `date`. An opiate client comes off substitute prescribing first, with
 * relapse-prevention medication after it, because nobody can complete while still prescribed (R-DIS-2);
 * the EXIT TOP is taken at the last appointment.
 */
export function completeTreatment(context: EpisodeContext, date: IsoDate, options: { exitTop?: boolean } = {}): void {
  const { random, builder, details } = context;
  if (isOpiateProfile(context.profile)) {
    const offScript = addDays(date, -random.int(21, 56));
    for (const span of context.structured.filter((entry) => entry.opioidSubstitution && entry.end === null)) endIntervention(context, span.ref, offScript);
    startStructured(context, offScript, "RELAPSE_PREVENTION_MEDICATION", "COMMUNITY");
  }
  if (options.exitTop ?? random.chance(0.9)) {
    builder.add({ kind: "TOP", date, stage: "EXIT", top: topAt(random, details.substances, details.injectingStatus, 1, true) });
  }
  const main = mainSubstance(details.substances);
  const reason: DischargeReason =
    main === "ALCOHOL" ? "COMPLETED_ALCOHOL_FREE" : main === "HEROIN" || main === "CRACK" || random.chance(0.6) ? "COMPLETED_DRUG_FREE" : "COMPLETED_OCCASIONAL_USER";
  builder.add({ kind: "DISCHARGE", date, reason });
}

/**
 * Support after a planned completion (R-ROSC-4, R-ROSC-5): aftercare check-ups every four weeks over the
 * following months, and for some relapse-prevention work.
 */
export function afterCompletion(context: EpisodeContext, dischargeDate: IsoDate, options: { aftercare: boolean; relapsePrevention: boolean }): void {
  const { random, builder, today } = context;
  const base = { kind: "INTERVENTION" as const, setting: "COMMUNITY" as const, endDate: null, plannedEndDate: null, plannedSessions: null, interestExpressedDate: null, firstContactActions: [], notes: null };
  if (options.aftercare) {
    const start = addDays(dischargeDate, random.int(0, 7));
    if (start <= today) {
      const contactSchedule = defaultAftercareSchedule(dischargeDate, DEFAULT_SERVICE_SETTINGS, start);
      builder.add({ ...base, date: start, ref: builder.nextInterventionRef("ROSC_AFTERCARE"), code: "ROSC_AFTERCARE", subTypes: [], contactSchedule }, "POST_TREATMENT");
    }
  }
  if (options.relapsePrevention) {
    const start = addDays(dischargeDate, random.int(7, 21));
    if (start <= today) {
      const subType = random.chance(0.6) ? "SUBSTANCE_FOCUSED" : "MENTAL_HEALTH_FOCUSED";
      builder.add({ ...base, date: start, ref: builder.nextInterventionRef("ROSC_RELAPSE_PREVENTION"), code: "ROSC_RELAPSE_PREVENTION", subTypes: [subType], contactSchedule: [], plannedSessions: random.int(4, 8) }, "POST_TREATMENT");
    }
  }
}

/** An unplanned end to treatment that had begun: an EXIT TOP when the person was still in touch. */
export function unplannedExit(context: EpisodeContext, date: IsoDate, reason: DischargeReason): void {
  const { random, builder, details } = context;
  if (reason !== "DROPPED_OUT" && reason !== "CLIENT_DIED" && random.chance(0.6)) {
    builder.add({ kind: "TOP", date, stage: "EXIT", top: topAt(random, details.substances, details.injectingStatus, 0.3, false) });
  }
  builder.add({ kind: "DISCHARGE", date, reason });
}
