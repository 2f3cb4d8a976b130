/** The outward code: one or two letters, a digit, then an optional digit or letter (SO14, M1, EC1A, W1J). */
const OUTWARD_CODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
/** The inward code is always a digit and two letters (3JA). */
const INWARD_CODE = /^[0-9][A-Z]{2}$/;

/**
 * The postcode district of a UK postcode: its outward code, the part before the space ("SO14" from
 * "SO14 3JA"). Analysts may see the district but never the full postcode (DOMAIN §1). Spacing and case do
 * not matter ("so143ja" gives "SO14"); an outward code given on its own is returned as it is. Anything that is
 * not a UK postcode gives null, so a typo lands in "Not recorded" rather than in a made-up district.
 */
export function postcodeDistrictOf(postcode: string | null | undefined): string | null {
  if (postcode == null) return null;
  const compact = postcode.replace(/\s+/g, "").toUpperCase();
  if (OUTWARD_CODE.test(compact)) return compact;
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  return OUTWARD_CODE.test(outward) && INWARD_CODE.test(inward) ? outward : null;
}
