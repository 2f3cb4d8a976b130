import type { IsoDate } from "./isoDate.js";

/** A calendar date as UK readers write it, day/month/year, for messages and screens. */
export function formatUkDate(date: IsoDate): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}
