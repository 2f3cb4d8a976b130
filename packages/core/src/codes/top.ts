import { defineCodeList, type CodeOf } from "./codeList.js";
import type { Substance } from "./substance.js";

/** The substances the Treatment Outcomes Profile asks about, each with days used in the past 28. */
export const TOP_SUBSTANCES = defineCodeList([
  { code: "ALCOHOL", label: "Alcohol" },
  { code: "OPIATES", label: "Opiates (illicit)" },
  { code: "CRACK", label: "Crack" },
  { code: "COCAINE", label: "Cocaine" },
  { code: "AMPHETAMINES", label: "Amphetamines" },
  { code: "CANNABIS", label: "Cannabis" },
  { code: "OTHER", label: "Other problem substance" },
  { code: "TOBACCO", label: "Tobacco" },
]);
export type TopSubstance = CodeOf<typeof TOP_SUBSTANCES>;

/** Which TOP line records use of a problem substance; used to judge abstinence from the main substance (K-12). */
export function topSubstanceFor(substance: Substance): TopSubstance {
  switch (substance) {
    case "HEROIN":
    case "METHADONE_ILLICIT":
    case "BUPRENORPHINE_ILLICIT":
    case "OTHER_OPIATES":
      return "OPIATES";
    case "CRACK":
      return "CRACK";
    case "COCAINE_POWDER":
      return "COCAINE";
    case "AMPHETAMINES":
      return "AMPHETAMINES";
    case "CANNABIS":
      return "CANNABIS";
    case "ALCOHOL":
      return "ALCOHOL";
    default:
      return "OTHER";
  }
}

/** The ten areas of the alcohol Outcome Star, each scored 1..10. */
export const OUTCOME_STAR_AREAS = defineCodeList([
  { code: "DRUG_USE", label: "Drug use" },
  { code: "ALCOHOL_USE", label: "Alcohol use" },
  { code: "PHYSICAL_HEALTH", label: "Physical health" },
  { code: "MEANINGFUL_USE_OF_TIME", label: "Meaningful use of time" },
  { code: "COMMUNITY", label: "Community" },
  { code: "EMOTIONAL_HEALTH", label: "Emotional health" },
  { code: "ACCOMMODATION", label: "Accommodation" },
  { code: "MONEY", label: "Money" },
  { code: "OFFENDING", label: "Offending" },
  { code: "FAMILY_AND_FRIENDS", label: "Family and friends" },
]);
export type OutcomeStarArea = CodeOf<typeof OUTCOME_STAR_AREAS>;
