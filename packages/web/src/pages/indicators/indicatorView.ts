import type { IsoDate } from "@waymark/core";

/** The ways the API can break the indicators down (KpiBreakdown), with the words the screen uses for them. */
export const BREAKDOWNS = [
  { value: "TEAM", label: "Team" },
  { value: "KEYWORKER", label: "Keyworker" },
  { value: "COHORT", label: "Cohort" },
  { value: "AGE_BAND", label: "Age band" },
  { value: "SEX", label: "Sex" },
  { value: "ETHNICITY", label: "Ethnicity" },
  { value: "POSTCODE_DISTRICT", label: "Postcode district" },
] as const;

export type Breakdown = (typeof BREAKDOWNS)[number]["value"];

/** What the dashboard shows: a period (both days included), at most one team, and an optional breakdown. */
export interface IndicatorView {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly teamId: string | null;
  readonly breakdown: Breakdown | null;
}

/** A named period the filter offers as a single click. */
export interface QuickPeriod {
  readonly key: "THIS_QUARTER" | "LAST_QUARTER" | "LAST_12_MONTHS";
  readonly label: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar day written YYYY-MM-DD (so "2025-02-30" is not). */
export function isIsoDate(text: string | null | undefined): text is IsoDate {
  const match = text ? ISO_DATE.exec(text) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The day as YYYY-MM-DD for a UTC year, zero-based month and day; overflowing days roll into the next month. */
function isoOf(year: number, monthIndex: number, day: number): IsoDate {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** How many days a month has, for a UTC year and zero-based month. */
function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The quick choices of period around today. Quarters are calendar quarters (January, April, July, October),
 * which are also the financial year's quarters. "This quarter" runs to today, not the quarter's end, so the
 * snapshot indicators (K-8, K-11) are read as of today rather than a day that has not happened yet.
 */
export function quickPeriods(today: IsoDate): QuickPeriod[] {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const quarterStart = Math.floor((month - 1) / 3) * 3;
  return [
    { key: "THIS_QUARTER", label: "This quarter so far", from: isoOf(year, quarterStart, 1), to: today },
    { key: "LAST_QUARTER", label: "Last quarter", from: isoOf(year, quarterStart - 3, 1), to: isoOf(year, quarterStart, 0) },
    // Twelve whole months ending today: the day after the same date a year ago (28 February when that year has no 29th).
    { key: "LAST_12_MONTHS", label: "Last 12 months", from: isoOf(year - 1, month - 1, Math.min(day, daysInMonth(year - 1, month - 1)) + 1), to: today },
  ];
}

/** Which quick choice a period is, if any, so the screen can say "Last quarter" rather than two dates. */
export function quickPeriodOf(view: Pick<IndicatorView, "from" | "to">, today: IsoDate): QuickPeriod | null {
  return quickPeriods(today).find((period) => period.from === view.from && period.to === view.to) ?? null;
}

/**
 * The view held in the address. Only dates, a team's opaque ID and a breakdown name go there, none of them
 * personal. Anything missing or malformed falls back to the last 12 months, every team, no breakdown.
 */
export function indicatorViewOf(params: URLSearchParams, today: IsoDate): IndicatorView {
  const fallback = quickPeriods(today).find((period) => period.key === "LAST_12_MONTHS") as QuickPeriod;
  const from = params.get("from");
  const to = params.get("to");
  const datesGiven = isIsoDate(from) && isIsoDate(to);
  const breakdown = BREAKDOWNS.find((choice) => choice.value === params.get("breakdown"))?.value ?? null;
  return { from: datesGiven ? from : fallback.from, to: datesGiven ? to : fallback.to, teamId: params.get("team") || null, breakdown };
}

/** The address query string for a view; the inverse of indicatorViewOf. */
export function paramsOf(view: IndicatorView): URLSearchParams {
  const params = new URLSearchParams({ from: view.from, to: view.to });
  if (view.teamId) params.set("team", view.teamId);
  if (view.breakdown) params.set("breakdown", view.breakdown);
  return params;
}

/**
 * Problems with a period typed into the filter, keyed by the API's field names so the messages sit beside the
 * same boxes the server's refusals would. Empty when the period can be asked for.
 */
export function periodProblems(from: string | null, to: string | null): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!from) problems["period.from"] = "Enter the first day of the period";
  else if (!isIsoDate(from)) problems["period.from"] = "The first day of the period must be a real date";
  if (!to) problems["period.to"] = "Enter the last day of the period";
  else if (!isIsoDate(to)) problems["period.to"] = "The last day of the period must be a real date";
  else if (isIsoDate(from) && to < from) problems["period.to"] = "The last day of the period must be the same as or after the first day";
  return problems;
}
