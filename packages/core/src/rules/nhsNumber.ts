import { INPUT_CODES } from "./ruleCodes.js";
import { resultOf, violation, type RuleResult } from "./violation.js";

/** An NHS number as stored: ten digits, no spaces. Accepts the usual 3-3-4 spacing or dashes on input. */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, "");
}

/**
 * True when `value` is a ten-digit NHS number whose last digit is the modulus-11 check digit of the first
 * nine (weights 10 down to 2; a check value of 11 means 0 and 10 means the number was never issued).
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = normaliseNhsNumber(value);
  if (!/^\d{10}$/.test(digits)) return false;
  let weightedSum = 0;
  for (let index = 0; index < 9; index += 1) {
    weightedSum += Number(digits[index]) * (10 - index);
  }
  const check = 11 - (weightedSum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Writes an NHS number in the 3-3-4 form people read it in. */
export function formatNhsNumber(value: string): string {
  const digits = normaliseNhsNumber(value);
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/** An NHS number is optional; one that is given must be valid. */
export function checkNhsNumber(value: string | null | undefined, field = "nhsNumber"): RuleResult {
  if (value == null || value.trim() === "") return resultOf([]);
  if (isValidNhsNumber(value)) return resultOf([]);
  return resultOf([
    violation(INPUT_CODES.invalidNhsNumber, field, "This is not a valid NHS number. It has 10 digits and the last one is a check digit: check it against the person's NHS letter or GP record."),
  ]);
}
