import type { IsoDate } from "@waymark/core";

/** A date for a table cell: "22 Oct 2026", short enough to sit on one line beside its neighbours. */
export function tableDate(date: IsoDate): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
