import type { IsoDate } from "@waymark/core";

/**
 * Today's calendar date where the service is (Europe/London by default), so a contact recorded at 00:30 in
 * British Summer Time is dated that day, not the day before as UTC would have it.
 */
export interface Clock {
  now(): Date;
  today(): IsoDate;
}

export function systemClock(timeZone = "Europe/London"): Clock {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return { now: () => new Date(), today: () => format.format(new Date()) };
}

/** A clock stopped at one moment, for tests and for seeding data as of a given day. */
export function fixedClock(today: IsoDate): Clock {
  const moment = new Date(`${today}T12:00:00.000Z`);
  return { now: () => new Date(moment), today: () => today };
}
