import type { ContactKind } from "../codes/clinical.js";
import { inForce } from "../records/common.js";
import { tallyRatio, type CountedUnit } from "./breakdown.js";
import { kpiContext, type KpiContext } from "./context.js";
import { isInKpiPeriod } from "./period.js";
import type { KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/**
 * The contact kinds that are appointments for K-10: sessions booked for the person to be present at. Phone
 * calls, letters and texts are reaching out, not appointments the person could miss.
 */
export const APPOINTMENT_CONTACT_KINDS: readonly ContactKind[] = ["APPOINTMENT", "HOME_VISIT", "GROUP"];

/** K-10: the share of appointments the person did not attend. */
export type DidNotAttendKpi = KpiRatioResult<"K-10">;

/**
 * K-10 Did not attend. The denominator is the appointments (contacts of an appointment kind, see
 * APPOINTMENT_CONTACT_KINDS) dated in the period that went ahead as booked, i.e. were attended or not attended;
 * the numerator those not attended. Appointments cancelled (by either side) or rearranged are left out: they
 * did not stand on the day, and counting them would flatter a service that cancels often. Contacts count
 * under their episode's team and keyworker, whoever held the appointment.
 */
export function didNotAttendKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): DidNotAttendKpi {
  return didNotAttendIn(kpiContext(data, period, options));
}

/** K-10 over a prepared context. */
export function didNotAttendIn(context: KpiContext): DidNotAttendKpi {
  const units: CountedUnit[] = [];
  for (const contact of inForce(context.data.contacts)) {
    const facts = context.countedEpisode(contact.episodeId);
    if (!facts || !APPOINTMENT_CONTACT_KINDS.includes(contact.kind) || !isInKpiPeriod(contact.date, context.period)) continue;
    if (contact.outcome !== "ATTENDED" && contact.outcome !== "DID_NOT_ATTEND") continue;
    units.push({ facts, inNumerator: contact.outcome === "DID_NOT_ATTEND" });
  }
  return { id: "K-10", target: null, ...tallyRatio(units, context) };
}
