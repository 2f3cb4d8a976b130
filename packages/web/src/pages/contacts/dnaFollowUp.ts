import { dnaFollowUps, formatUkDate, isIsoDate, type ContactKind, type IsoDate, type ServiceSettings } from "@waymark/core";
import type { KnownServiceSettings } from "../../components/useServiceSettings.js";

/**
 * R-DNA-1 in words for the keyworker: what a missed appointment on this date makes due, and by when. The due
 * date comes from core's dnaFollowUps, the schedule the caseload and exceptions report run on. When this
 * person may not read the service's settings, the default number of working days is given without a date,
 * since bank holidays and a changed setting would move it.
 */
export function dnaFollowUpExplanation(date: IsoDate | null, kind: ContactKind | "", serviceSettings: KnownServiceSettings): string {
  const { settings, known } = serviceSettings;
  const days = `${settings.dnaFollowUpWorkingDays} working day${settings.dnaFollowUpWorkingDays === 1 ? "" : "s"}`;
  const what = "A missed appointment makes a follow-up attempt due: a phone call, letter, text or home visit";
  const shows = "The caseload shows it as due until one is recorded, then as overdue.";
  const dueBy = known && date !== null && isIsoDate(date) ? dueDate(date, kind, settings) : null;
  if (dueBy === null) return `${what}, within ${days}${known ? "" : " (the usual time; your service may have set another)"}. ${shows}`;
  return `${what}, within ${days}: by ${formatUkDate(dueBy)}. ${shows}`;
}

function dueDate(date: IsoDate, kind: ContactKind | "", settings: ServiceSettings): IsoDate | null {
  const [followUp] = dnaFollowUps(
    [{ id: "new", episodeId: "episode", date, time: null, kind: kind === "" ? "APPOINTMENT" : kind, outcome: "DID_NOT_ATTEND", staffId: "", notes: null }],
    settings,
    date,
  );
  return followUp?.dueBy ?? null;
}
