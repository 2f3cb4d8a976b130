import { INPUT_CODES, isIsoDate, type ServiceSettings, type Violation } from "@waymark/core";

/**
 * The ranges each service setting may take: wide enough for any commissioner's contract, narrow enough
 * that a typo cannot switch a schedule off (R-DNA-1, R-DNA-2, R-TOP-2, R-ROSC-4).
 */
export const SERVICE_SETTING_RANGES = {
  dnaFollowUpWorkingDays: { min: 1, max: 10, what: "Working days to follow up a missed appointment" },
  disengagementConsecutiveDnas: { min: 1, max: 10, what: "Missed appointments in a row before an episode counts as disengaging" },
  disengagementDaysWithoutContact: { min: 7, max: 180, what: "Days without an attended contact before an episode counts as disengaging" },
  topReviewIntervalMonths: { min: 1, max: 12, what: "Months between review TOPs" },
  aftercareMonths: { min: 3, max: 6, what: "Months of aftercare check-ups after a planned completion" },
} as const;

/** Enough for decades of bank holidays; bounded so the list stays a setting, not a data store. */
export const MAX_BANK_HOLIDAYS = 500;

type NumericSetting = keyof typeof SERVICE_SETTING_RANGES;

/** The checks on service settings as they will be saved. */
export function checkServiceSettings(settings: ServiceSettings): Violation[] {
  const found: Violation[] = [];
  for (const [key, range] of Object.entries(SERVICE_SETTING_RANGES) as [NumericSetting, (typeof SERVICE_SETTING_RANGES)[NumericSetting]][]) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      found.push({ code: INPUT_CODES.invalidValue, field: key, message: `${range.what} must be a whole number from ${range.min} to ${range.max}.` });
    }
  }
  settings.bankHolidays.forEach((date, index) => {
    if (!isIsoDate(date)) found.push({ code: INPUT_CODES.invalidValue, field: `bankHolidays.${index}`, message: `"${String(date)}" is not a real calendar date written YYYY-MM-DD.` });
  });
  if (settings.bankHolidays.length > MAX_BANK_HOLIDAYS) {
    found.push({ code: INPUT_CODES.invalidValue, field: "bankHolidays", message: `List at most ${MAX_BANK_HOLIDAYS} bank holidays; remove ones long past.` });
  }
  return found;
}
