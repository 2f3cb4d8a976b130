import { formatUkDate, type IsoDate } from "@waymark/core";

/** A date for display, day month year in words ("27 March 2025"), or a dash when absent. */
export function displayDate(date: IsoDate | null | undefined): string {
  if (!date) return "—";
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

export { formatUkDate };
