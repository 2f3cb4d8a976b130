import type { IsoDate } from "@waymark/core";

/** The time zone the service works in; the server dates records in it too (WAYMARK_TIME_ZONE, Europe/London by default). */
export const SERVICE_TIME_ZONE = "Europe/London";

const LONDON_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: SERVICE_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * Today's calendar date where the service is. The rules run in the browser before a save compare dates with
 * "today", and must use the same day as the server: a laptop left on another time zone, or UTC just after
 * midnight in British Summer Time, would otherwise call yesterday's visit "today" or today's "in the future".
 */
export function serviceToday(now: Date = new Date()): IsoDate {
  return LONDON_DATE.format(now);
}
