import { ChronoUnit, DayOfWeek, LocalDate } from "@js-joda/core";

/**
 * A calendar date with no time and no time zone, written YYYY-MM-DD. Clinical dates are calendar dates
 * (DOMAIN §3): a review done on the 3rd was done on the 3rd wherever the server's clock is. Strings in this
 * form also sort in date order, which the schedules rely on.
 */
export type IsoDate = string;

const DASH = 45;
const ZERO = 48;

/** The number written by `count` ASCII digits from `start`, or -1 if any of them is not a digit. */
function digitsAt(value: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = value.charCodeAt(index) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    number = number * 10 + digit;
  }
  return number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * True when `value` is a real calendar date written YYYY-MM-DD (2023-02-29 is not). Checked with the
 * proleptic Gregorian calendar's arithmetic rather than by parsing: every date in every answer passes through
 * here, thousands per page, and the date library's parser took a tenth of a page's time (isoDate.test.ts
 * holds this to the library's verdict).
 */
export function isIsoDate(value: unknown): value is IsoDate {
  // Read digit by digit: no pattern match and no slices, which allocated three strings for every date.
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/**
 * Reads a date already known to be YYYY-MM-DD. Building it from its parts is several times faster than
 * LocalDate.parse's general formatter, and the schedules and indicators call this millions of times; an
 * impossible date still throws.
 */
function parse(date: IsoDate): LocalDate {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    return LocalDate.of(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  }
  return LocalDate.parse(date);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return parse(date).plusDays(days).toString();
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return parse(date).plusWeeks(weeks).toString();
}

/** Adds calendar months; a month end that does not exist clamps (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return parse(date).plusMonths(months).toString();
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return parse(date).plusYears(years).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return parse(from).until(parse(to), ChronoUnit.DAYS);
}

/** Age in completed years on `onDate`; someone born on 29 February turns a year older on 1 March. */
export function ageOn(dateOfBirth: IsoDate, onDate: IsoDate): number {
  return parse(dateOfBirth).until(parse(onDate), ChronoUnit.YEARS);
}

export function isWorkingDay(date: IsoDate, bankHolidays: ReadonlySet<IsoDate> = new Set()): boolean {
  const day = parse(date).dayOfWeek();
  return day !== DayOfWeek.SATURDAY && day !== DayOfWeek.SUNDAY && !bankHolidays.has(date);
}

/** The date `workingDays` working days after `date`, skipping weekends and the given bank holidays. */
export function addWorkingDays(date: IsoDate, workingDays: number, bankHolidays: ReadonlySet<IsoDate> = new Set()): IsoDate {
  let current = date;
  let remaining = workingDays;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, bankHolidays)) remaining -= 1;
  }
  return current;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** True when [aStart, aEnd] and [bStart, bEnd] share at least one day; an open end runs on for ever. */
export function periodsOverlap(
  aStart: IsoDate,
  aEnd: IsoDate | null | undefined,
  bStart: IsoDate,
  bEnd: IsoDate | null | undefined,
): boolean {
  return (aEnd == null || bStart <= aEnd) && (bEnd == null || aStart <= bEnd);
}

/** True when `date` falls in [from, to], both ends included. */
export function isWithin(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return from <= date && date <= to;
}
