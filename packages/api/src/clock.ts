import type { IsoDate } from "@waymark/core";

/**
 * Today's calendar date where the service is (Europe/London by default), so a contact recorded at 00:30 in
 * British Summer Time is dated that day, not the day before as UTC would have it.
 */
export interface Clock {
  now(): Date;
  today(): IsoDate;
}

const MS_PER_MINUTE = 60_000;

export function systemClock(timeZone = "Europe/London"): Clock {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  // Every request asks for today, and formatting in a time zone costs far more inside a busy server than its
  // microsecond in a loop. A date kept for the minute it was worked out in is never wrong: every time zone's
  // midnight falls on a whole minute of UTC (their offsets are whole minutes), so no date changes within one.
  let minute = Number.NaN;
  let date = "";
  return {
    now: () => new Date(),
    today: () => {
      const moment = Date.now();
      const thisMinute = Math.floor(moment / MS_PER_MINUTE);
      if (thisMinute !== minute) {
        date = format.format(moment);
        minute = thisMinute;
      }
      return date;
    },
  };
}

/** A clock stopped at one moment, for tests and for seeding data as of a given day. */
export function fixedClock(today: IsoDate): Clock {
  const moment = new Date(`${today}T12:00:00.000Z`);
  return { now: () => new Date(moment), today: () => today };
}
