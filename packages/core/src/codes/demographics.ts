import { defineCodeList, type CodeOf } from "./codeList.js";

export const SEXES = defineCodeList([
  { code: "MALE", label: "Male" },
  { code: "FEMALE", label: "Female" },
  { code: "NOT_KNOWN", label: "Not known" },
  { code: "NOT_STATED", label: "Not stated" },
]);
export type Sex = CodeOf<typeof SEXES>;

/** Ethnic groups as asked in the 2021 census of England and Wales, with "not stated". */
export const ETHNICITIES = defineCodeList([
  { code: "ASIAN_BANGLADESHI", label: "Asian or Asian British: Bangladeshi" },
  { code: "ASIAN_CHINESE", label: "Asian or Asian British: Chinese" },
  { code: "ASIAN_INDIAN", label: "Asian or Asian British: Indian" },
  { code: "ASIAN_PAKISTANI", label: "Asian or Asian British: Pakistani" },
  { code: "ASIAN_OTHER", label: "Asian or Asian British: any other Asian background" },
  { code: "BLACK_AFRICAN", label: "Black, Black British, Caribbean or African: African" },
  { code: "BLACK_CARIBBEAN", label: "Black, Black British, Caribbean or African: Caribbean" },
  { code: "BLACK_OTHER", label: "Black, Black British, Caribbean or African: any other Black background" },
  { code: "MIXED_WHITE_AND_ASIAN", label: "Mixed or multiple: White and Asian" },
  { code: "MIXED_WHITE_AND_BLACK_AFRICAN", label: "Mixed or multiple: White and Black African" },
  { code: "MIXED_WHITE_AND_BLACK_CARIBBEAN", label: "Mixed or multiple: White and Black Caribbean" },
  { code: "MIXED_OTHER", label: "Mixed or multiple: any other mixed background" },
  { code: "WHITE_BRITISH", label: "White: English, Welsh, Scottish, Northern Irish or British" },
  { code: "WHITE_IRISH", label: "White: Irish" },
  { code: "WHITE_GYPSY_OR_IRISH_TRAVELLER", label: "White: Gypsy or Irish Traveller" },
  { code: "WHITE_ROMA", label: "White: Roma" },
  { code: "WHITE_OTHER", label: "White: any other White background" },
  { code: "OTHER_ARAB", label: "Other ethnic group: Arab" },
  { code: "OTHER_ANY", label: "Any other ethnic group" },
  { code: "NOT_STATED", label: "Not stated" },
]);
export type Ethnicity = CodeOf<typeof ETHNICITIES>;

/** A three-way answer for consents, where "not asked yet" must stay distinct from "no". */
export const CONSENT_ANSWERS = defineCodeList([
  { code: "YES", label: "Yes" },
  { code: "NO", label: "No" },
  { code: "NOT_ASKED", label: "Not asked" },
]);
export type ConsentAnswer = CodeOf<typeof CONSENT_ANSWERS>;

export const ACCOMMODATION_NEEDS = defineCodeList([
  { code: "NO_PROBLEM", label: "No housing problem" },
  { code: "HOUSING_PROBLEM", label: "Housing problem" },
  { code: "URGENT_HOUSING_PROBLEM", label: "Urgent housing problem (e.g. no fixed abode)" },
  { code: "NOT_KNOWN", label: "Not known" },
]);
export type AccommodationNeed = CodeOf<typeof ACCOMMODATION_NEEDS>;

/**
 * Age bands used for pseudonymised reporting in place of a date of birth. Bands follow the ones
 * commissioners usually ask for; 18 splits young people from adults.
 */
export const AGE_BANDS = defineCodeList([
  { code: "UNDER_18", label: "Under 18" },
  { code: "AGE_18_24", label: "18 to 24" },
  { code: "AGE_25_29", label: "25 to 29" },
  { code: "AGE_30_34", label: "30 to 34" },
  { code: "AGE_35_39", label: "35 to 39" },
  { code: "AGE_40_44", label: "40 to 44" },
  { code: "AGE_45_49", label: "45 to 49" },
  { code: "AGE_50_54", label: "50 to 54" },
  { code: "AGE_55_64", label: "55 to 64" },
  { code: "AGE_65_PLUS", label: "65 and over" },
]);
export type AgeBand = CodeOf<typeof AGE_BANDS>;

const AGE_BAND_LOWER_BOUNDS: readonly [number, AgeBand][] = [
  [65, "AGE_65_PLUS"],
  [55, "AGE_55_64"],
  [50, "AGE_50_54"],
  [45, "AGE_45_49"],
  [40, "AGE_40_44"],
  [35, "AGE_35_39"],
  [30, "AGE_30_34"],
  [25, "AGE_25_29"],
  [18, "AGE_18_24"],
];

export function ageBandOf(ageInYears: number): AgeBand {
  for (const [lowerBound, band] of AGE_BAND_LOWER_BOUNDS) {
    if (ageInYears >= lowerBound) return band;
  }
  return "UNDER_18";
}
