import { isValidNhsNumber } from "@waymark/core";
import type { Random } from "../random.js";

/**
 * The modulus-11 check digit for nine digits (weights 10 down to 2), or null when the digits can never form
 * a valid NHS number (a check value of 10).
 */
export function nhsCheckDigit(firstNine: string): number | null {
  let weightedSum = 0;
  for (let index = 0; index < 9; index += 1) weightedSum += Number(firstNine[index]) * (10 - index);
  const check = 11 - (weightedSum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/**
 * A valid NHS number from the 999 range, which NHS England keeps for testing and never issues to a patient,
 * so no demo record can be matched to a real person.
 */
export function testNhsNumber(random: Random, taken: Set<string>): string {
  for (;;) {
    const firstNine = `999${String(random.int(0, 999_999)).padStart(6, "0")}`;
    const check = nhsCheckDigit(firstNine);
    if (check === null) continue;
    const number = `${firstNine}${check}`;
    if (taken.has(number) || !isValidNhsNumber(number)) continue;
    taken.add(number);
    return number;
  }
}
