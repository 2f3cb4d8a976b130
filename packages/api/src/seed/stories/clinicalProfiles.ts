import { OUTCOME_STAR_AREAS, type InjectingStatus, type NeedDomain, type NeedLevel, type OutcomeStarArea, type ReferralSource, type Route, type Substance, type TopSubstance } from "@waymark/core";
import type { Random } from "../random.js";
import type { DemoProblemSubstance, DemoRisk, DemoTop } from "./story.js";

/**
 * What a person uses and how the service treats it. Each profile keeps a story clinically coherent: an opiate
 * client is offered opioid substitution and naloxone, an alcohol client a detox and relapse-prevention
 * medication, a young person cannabis-focused psychosocial work.
 */
export type ClinicalProfile = "OPIATE" | "OPIATE_AND_CRACK" | "ALCOHOL" | "COCAINE_AND_ALCOHOL" | "CANNABIS" | "YOUNG_PERSON_MIXED";

export interface ProfileDetails {
  readonly substances: readonly DemoProblemSubstance[];
  readonly injectingStatus: InjectingStatus;
  /** The first structured intervention, which starts treatment. */
  readonly firstIntervention: { readonly code: string; readonly setting: "COMMUNITY" | "PRIMARY_CARE" };
  /** Psychosocial work alongside, when the profile has any. */
  readonly psychosocial: string | null;
  readonly opioidSubstitution: boolean;
}

const route = (substance: Substance, injects: boolean): Route => {
  if (substance === "ALCOHOL" || substance === "BENZODIAZEPINES" || substance === "PRESCRIPTION_ONLY_MEDICINES") return "ORAL";
  if (substance === "COCAINE_POWDER" || substance === "KETAMINE") return "SNIFF";
  if (substance === "HEROIN" || substance === "CRACK") return injects ? "INJECT" : "SMOKE";
  return "SMOKE";
};

function ranked(random: Random, age: number, substances: readonly Substance[], injecting: InjectingStatus): DemoProblemSubstance[] {
  return substances.map((substance, index) => ({
    rank: (index + 1) as 1 | 2 | 3,
    substance,
    ageOfFirstUse: Math.min(age, random.int(Math.min(age, 13), Math.min(age, substance === "HEROIN" || substance === "CRACK" ? 26 : 18))),
    route: route(substance, injecting === "CURRENTLY" && index === 0),
  }));
}

export function profileDetails(profile: ClinicalProfile, random: Random, age: number): ProfileDetails {
  switch (profile) {
    case "OPIATE":
    case "OPIATE_AND_CRACK": {
      const injecting = random.weighted<InjectingStatus>([["CURRENTLY", 3], ["PREVIOUSLY", 4], ["NEVER", 3]]);
      const extra: Substance[] = profile === "OPIATE_AND_CRACK" ? ["CRACK"] : random.chance(0.3) ? ["BENZODIAZEPINES"] : [];
      const ost = random.chance(0.6) ? "OST_METHADONE" : "OST_BUPRENORPHINE";
      return {
        substances: ranked(random, age, ["HEROIN", ...extra], injecting),
        injectingStatus: injecting,
        firstIntervention: { code: ost, setting: random.chance(0.4) ? "PRIMARY_CARE" : "COMMUNITY" },
        psychosocial: random.chance(0.5) ? random.pick(["MOTIVATIONAL_INTERVENTIONS", "CONTINGENCY_MANAGEMENT", "CBT_SUBSTANCE_USE"]) : null,
        opioidSubstitution: true,
      };
    }
    case "ALCOHOL":
      return {
        substances: ranked(random, age, random.chance(0.2) ? ["ALCOHOL", "BENZODIAZEPINES"] : ["ALCOHOL"], "NEVER"),
        injectingStatus: "NEVER",
        firstIntervention: random.chance(0.6) ? { code: "ALCOHOL_WITHDRAWAL", setting: "COMMUNITY" } : { code: "CBT_SUBSTANCE_USE", setting: "COMMUNITY" },
        psychosocial: random.pick(["COUNSELLING", "CBT_SUBSTANCE_USE", "STRUCTURED_DAY_PROGRAMME", "MENTAL_HEALTH_FOCUSED_THERAPY"]),
        opioidSubstitution: false,
      };
    case "COCAINE_AND_ALCOHOL":
      return {
        substances: ranked(random, age, random.chance(0.5) ? ["COCAINE_POWDER", "ALCOHOL"] : ["ALCOHOL", "COCAINE_POWDER", "CANNABIS"], "NEVER"),
        injectingStatus: random.chance(0.9) ? "NEVER" : "DECLINED_TO_SAY",
        firstIntervention: { code: random.pick(["CBT_SUBSTANCE_USE", "CONTINGENCY_MANAGEMENT", "STRUCTURED_DAY_PROGRAMME"]), setting: "COMMUNITY" },
        psychosocial: null,
        opioidSubstitution: false,
      };
    case "CANNABIS":
      return {
        substances: ranked(random, age, random.chance(0.4) ? ["CANNABIS", "ALCOHOL"] : ["CANNABIS"], "NEVER"),
        injectingStatus: "NEVER",
        firstIntervention: { code: random.pick(["MOTIVATIONAL_INTERVENTIONS", "CBT_SUBSTANCE_USE"]), setting: "COMMUNITY" },
        psychosocial: random.chance(0.4) ? "FAMILY_SOCIAL_NETWORK_INTERVENTIONS" : null,
        opioidSubstitution: false,
      };
    case "YOUNG_PERSON_MIXED":
      return {
        substances: ranked(random, age, random.pick<Substance[]>([["CANNABIS", "KETAMINE"], ["COCAINE_POWDER", "ALCOHOL", "CANNABIS"], ["ALCOHOL", "CANNABIS"], ["ECSTASY", "KETAMINE", "ALCOHOL"]]), "NEVER"),
        injectingStatus: "NEVER",
        firstIntervention: { code: random.pick(["MOTIVATIONAL_INTERVENTIONS", "FAMILY_SOCIAL_NETWORK_INTERVENTIONS", "CBT_SUBSTANCE_USE"]), setting: "COMMUNITY" },
        psychosocial: null,
        opioidSubstitution: false,
      };
  }
}

/** The substance ranked first. */
export function mainSubstance(substances: readonly DemoProblemSubstance[]): Substance {
  const main = substances.find((entry) => entry.rank === 1);
  if (!main) throw new Error("A demo profile has no main substance");
  return main.substance;
}

/** Which TOP line each problem substance is counted on. */
const TOP_LINE: Partial<Record<Substance, TopSubstance>> = {
  HEROIN: "OPIATES",
  CRACK: "CRACK",
  COCAINE_POWDER: "COCAINE",
  AMPHETAMINES: "AMPHETAMINES",
  CANNABIS: "CANNABIS",
  ALCOHOL: "ALCOHOL",
};

const TYPICAL_AMOUNT: Partial<Record<TopSubstance, string>> = {
  ALCOHOL: "about 30 units a day",
  OPIATES: "£20 bags, two a day",
  CRACK: "£10 rocks, three a day",
  COCAINE: "about 1 gram",
  CANNABIS: "£10 a day",
  TOBACCO: "20 a day",
};

/**
 * A TOP for someone at `progress` through treatment (0 at the start, 1 at a good exit). Use falls and the
 * three wellbeing scores rise as progress does; `abstinent` takes use of every problem substance to zero.
 */
export function topAt(random: Random, substances: readonly DemoProblemSubstance[], injecting: InjectingStatus, progress: number, abstinent: boolean): DemoTop {
  const used = new Set(substances.map((entry) => TOP_LINE[entry.substance] ?? "OTHER"));
  const days = (line: TopSubstance, main: boolean): number => {
    if (!used.has(line)) return 0;
    if (abstinent) return 0;
    const start = main ? random.int(18, 28) : random.int(4, 14);
    return Math.max(0, Math.round(start * (1 - progress * random.int(50, 95) / 100)));
  };
  const main = TOP_LINE[mainSubstance(substances)] ?? "OTHER";
  const substanceDays: Record<TopSubstance, number | null> = {
    ALCOHOL: days("ALCOHOL", main === "ALCOHOL"),
    OPIATES: days("OPIATES", main === "OPIATES"),
    CRACK: days("CRACK", main === "CRACK"),
    COCAINE: days("COCAINE", main === "COCAINE"),
    AMPHETAMINES: days("AMPHETAMINES", main === "AMPHETAMINES"),
    CANNABIS: days("CANNABIS", main === "CANNABIS"),
    OTHER: days("OTHER", main === "OTHER"),
    TOBACCO: random.chance(0.8) ? random.int(20, 28) : 0,
  };
  // A few people decline to say how much they drink at the start; "not disclosed" is a real answer.
  if (progress === 0 && random.chance(0.08)) substanceDays.ALCOHOL = null;
  const typicalAmounts: Partial<Record<TopSubstance, string>> = {};
  for (const [line, value] of Object.entries(substanceDays) as [TopSubstance, number | null][]) {
    const amount = TYPICAL_AMOUNT[line];
    if (value !== null && value > 0 && amount) typicalAmounts[line] = amount;
  }
  const injectingNow = injecting === "CURRENTLY" && !abstinent;
  const score = (low: number, high: number) => Math.min(20, Math.round(random.int(low, high) + progress * random.int(4, 8)));
  const crime = (probability: number) => (!abstinent && random.chance(probability * (1 - progress)) ? random.int(1, 12) : 0);
  return {
    substanceDays,
    typicalAmounts,
    injectingDays: injectingNow ? Math.round(random.int(10, 28) * (1 - progress * 0.8)) : 0,
    sharedNeedles: injectingNow ? random.chance(0.15) : false,
    sharedOtherEquipment: injectingNow ? (random.chance(0.1) ? null : random.chance(0.3)) : false,
    shoplifting: crime(main === "OPIATES" || main === "CRACK" ? 0.5 : 0.05),
    drugSelling: crime(0.1),
    otherTheft: crime(0.1),
    assaultViolence: crime(0.05),
    psychologicalHealth: score(4, 11),
    physicalHealth: score(5, 12),
    qualityOfLife: score(3, 10),
    paidWorkDays: progress > 0.5 && random.chance(0.4) ? random.int(8, 20) : random.chance(0.15) ? random.int(4, 20) : 0,
    educationDays: 0,
    acuteHousingProblem: random.chance(0.15 * (1 - progress)),
    atRiskOfEviction: random.chance(0.1 * (1 - progress)),
    outcomeStar: main === "ALCOHOL" && random.chance(0.5) ? outcomeStarAt(random, progress) : null,
  };
}

/** An alcohol Outcome Star: each of the ten areas 1..10, higher as treatment goes on. */
function outcomeStarAt(random: Random, progress: number): Partial<Record<OutcomeStarArea, number>> {
  return Object.fromEntries(OUTCOME_STAR_AREAS.codes.map((area) => [area, Math.min(10, random.int(2, 5) + Math.round(progress * random.int(2, 5)))]));
}

/** A risk assessment; `suicideFactors` lists the R-RISK-2 factors present. */
export function riskAssessment(
  random: Random,
  options: { opiate: boolean; suicideFactors: readonly (keyof DemoRisk["suicideFactors"])[]; children: boolean; domesticAbuse: boolean },
): DemoRisk {
  const factors = new Set(options.suicideFactors);
  const level = (high: number, medium: number) => random.weighted([["HIGH", high], ["MEDIUM", medium], ["LOW", Math.max(0, 100 - high - medium)]] as const);
  return {
    selfHarmOrSuicide: factors.size > 0 ? level(30, 50) : level(2, 15),
    overdose: options.opiate ? level(25, 45) : level(2, 10),
    toOthers: level(3, 12),
    fromOthers: options.domesticAbuse ? level(40, 50) : level(5, 20),
    domesticAbuse: options.domesticAbuse,
    toChildren: options.children ? level(10, 40) : "LOW",
    suicideFactors: {
      bereavement: factors.has("bereavement"),
      relationshipBreakdown: factors.has("relationshipBreakdown"),
      domesticOrSexualAbuseHistory: factors.has("domesticOrSexualAbuseHistory"),
      isCarer: factors.has("isCarer"),
    },
    notes: [...factors].map((factor) => SUICIDE_RISK_NOTES[factor])[0] ?? null,
  };
}

const SUICIDE_RISK_NOTES: Record<keyof DemoRisk["suicideFactors"], string> = {
  bereavement: "Brother died last year; finds anniversaries hard. Safety plan agreed and crisis line numbers given.",
  relationshipBreakdown: "Partner left recently and has moved out. Low mood; agreed to see GP this week.",
  domesticOrSexualAbuseHistory: "Disclosed past abuse by an ex-partner. Referred to the local domestic abuse service with consent.",
  isCarer: "Sole carer for a parent with dementia; feels trapped and exhausted. Carers' assessment requested.",
};

/** Needs by domain for a comprehensive assessment, shaped by the profile and the person's circumstances. */
export function assessedNeeds(
  random: Random,
  circumstances: { housingProblem: boolean; parent: boolean; criminalJustice: boolean; youngPerson: boolean },
): Partial<Record<NeedDomain, NeedLevel>> {
  const some = (probability: number): NeedLevel => (random.chance(probability) ? (random.chance(0.35) ? "HIGH" : "SOME") : "NONE");
  return {
    SUBSTANCE_USE: random.chance(0.6) ? "HIGH" : "SOME",
    PHYSICAL_HEALTH: some(0.5),
    MENTAL_HEALTH: some(0.6),
    HOUSING: circumstances.housingProblem ? (random.chance(0.5) ? "HIGH" : "SOME") : some(0.1),
    FINANCE: some(0.55),
    EMPLOYMENT_EDUCATION: some(circumstances.youngPerson ? 0.7 : 0.6),
    FAMILY_RELATIONSHIPS: some(0.5),
    PARENTING: circumstances.parent ? (random.chance(0.5) ? "SOME" : "HIGH") : "NONE",
    CRIMINAL_JUSTICE: circumstances.criminalJustice ? "SOME" : some(0.1),
  };
}

/** Referral sources with their usual share, adults and young people apart. */
export const ADULT_REFERRAL_SOURCES: readonly (readonly [ReferralSource, number])[] = [
  ["SELF", 35],
  ["GP", 18],
  ["HOSPITAL", 8],
  ["PROBATION", 10],
  ["POLICE_ARREST_REFERRAL", 4],
  ["MENTAL_HEALTH_SERVICE", 5],
  ["FAMILY_OR_CONCERNED_OTHER", 5],
  ["SOCIAL_SERVICES", 5],
  ["HOUSING_SERVICE", 5],
  ["PRISON", 3],
  ["OTHER_DRUG_ALCOHOL_SERVICE", 2],
];

export const YOUNG_PEOPLE_REFERRAL_SOURCES: readonly (readonly [ReferralSource, number])[] = [
  ["EDUCATION", 30],
  ["SOCIAL_SERVICES", 20],
  ["SELF", 15],
  ["FAMILY_OR_CONCERNED_OTHER", 12],
  ["POLICE_ARREST_REFERRAL", 8],
  ["HOSPITAL", 8],
  ["MENTAL_HEALTH_SERVICE", 7],
];

export const REFERRERS: Partial<Record<ReferralSource, readonly string[]>> = {
  GP: ["Practice GP, by letter", "Practice nurse after a health check"],
  HOSPITAL: ["Alcohol liaison nurse, general hospital", "Emergency department after an overdose"],
  PROBATION: ["Probation practitioner, Southampton office", "Probation: drug rehabilitation requirement"],
  POLICE_ARREST_REFERRAL: ["Custody suite arrest referral worker"],
  MENTAL_HEALTH_SERVICE: ["Community mental health team", "Talking therapies service"],
  SOCIAL_SERVICES: ["Children's services social worker", "Adult social care"],
  HOUSING_SERVICE: ["Hostel support worker", "Council housing options team"],
  EDUCATION: ["School safeguarding lead", "College student support"],
  PRISON: ["Prison substance misuse team, on release"],
  FAMILY_OR_CONCERNED_OTHER: ["Mother, by phone", "Partner, by phone"],
  OTHER_DRUG_ALCOHOL_SERVICE: ["Transfer from a neighbouring treatment service"],
};
