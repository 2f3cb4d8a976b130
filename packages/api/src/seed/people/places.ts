import type { Random } from "../random.js";

/**
 * Addresses and practices around Southampton, where the demo provider is set. Postcodes are made from real
 * outward codes (districts) and random inward codes, so they have the right shape and area but point at no
 * one's home.
 */
const DISTRICTS: readonly (readonly [string, number])[] = [
  ["SO14", 16],
  ["SO15", 14],
  ["SO16", 12],
  ["SO17", 8],
  ["SO18", 12],
  ["SO19", 14],
  ["SO30", 4],
  ["SO40", 4],
  ["SO50", 6],
];

/** Royal Mail never uses C, I, K, M, O or V in the last two letters of a postcode. */
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

export function postcode(random: Random): string {
  const district = random.weighted(DISTRICTS);
  return `${district} ${random.int(0, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
}

/** Made-up GP practices named after local places. */
export const GP_PRACTICES: readonly string[] = [
  "Itchen Riverside Surgery",
  "Portswood Health Centre",
  "Shirley Road Medical Practice",
  "Bitterne Village Surgery",
  "Woolston Quay Practice",
  "Millbrook Family Practice",
  "Freemantle Common Surgery",
  "Sholing Green Medical Centre",
  "Bassett Avenue Practice",
  "Eastleigh Station Surgery",
];

/** Ofcom keeps 07700 900000 to 07700 900999 for drama and examples: these numbers reach nobody. */
export function mobileNumber(random: Random): string {
  return `07700 900${String(random.int(0, 999)).padStart(3, "0")}`;
}
