import { NO_SWITCHES, catalogueOf, type Catalogue, type CatalogueItem, type CatalogueRuleSwitches, type CatalogueSubType } from "./catalogueItem.js";

interface SeedItem extends Omit<CatalogueItem, "switches" | "subTypes" | "retired"> {
  readonly subTypes?: readonly CatalogueSubType[];
  readonly switches?: Partial<CatalogueRuleSwitches>;
}

/** Fills in what most items leave out: no sub-types, no switches on, not retired. */
function seed(item: SeedItem): CatalogueItem {
  return {
    code: item.code,
    label: item.label,
    definition: item.definition,
    modality: item.modality,
    phase: item.phase,
    subTypes: item.subTypes ?? [],
    switches: { ...NO_SWITCHES, ...item.switches },
    retired: false,
  };
}

/**
 * Recovery support (ROSC). The in-treatment items run alongside structured treatment (R-ROSC-1); aftercare
 * and relapse-prevention support only follow a planned completion (R-ROSC-4, R-ROSC-5).
 */
const RECOVERY_SUPPORT: readonly CatalogueItem[] = [
  seed({
    code: "ROSC_PEER_SUPPORT",
    label: "Peer support or mentoring",
    definition:
      "Support and guidance from someone with lived experience of drug or alcohol problems: a peer mentor recruited " +
      "as a volunteer or paid worker, or a less formal group where people draw on what they have been through " +
      "themselves. Staff tell the person what peer support exists locally and help them take it up when they are interested.",
    modality: "RECOVERY_SUPPORT",
    phase: "IN_TREATMENT",
    switches: { needsConcurrentModality: true },
  }),
  seed({
    code: "ROSC_FACILITATED_MUTUAL_AID",
    label: "Facilitated access to a mutual-aid group",
    definition:
      "Once the person has said they would like to go to a mutual-aid (self-help) group, staff help them make the " +
      "first link: passing on meeting details, getting in touch with the group, sorting out transport or going " +
      "along to the first meeting with them.",
    modality: "RECOVERY_SUPPORT",
    phase: "IN_TREATMENT",
    switches: { needsConcurrentModality: true, needsInterest: true },
  }),
  seed({
    code: "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT",
    label: "Social, financial and relationship support",
    definition:
      "Ongoing help with a family, parenting, money, housing or work-related need that the comprehensive " +
      "assessment or a later reassessment found, given by the service itself or through an active referral to a " +
      "specialist agency. Choose each kind of support given.",
    modality: "RECOVERY_SUPPORT",
    phase: "IN_TREATMENT",
    subTypes: [
      { code: "FAMILY", label: "Family support", needDomain: "FAMILY_RELATIONSHIPS" },
      { code: "PARENTING", label: "Parenting support", needDomain: "PARENTING" },
      { code: "FINANCIAL", label: "Financial support (benefits or debt advice)", needDomain: "FINANCE" },
      { code: "HOUSING", label: "Housing support (keeping a home or an urgent housing problem)", needDomain: "HOUSING" },
      { code: "EMPLOYMENT", label: "Employment support", needDomain: "EMPLOYMENT_EDUCATION" },
      { code: "EDUCATION_TRAINING", label: "Education and training support", needDomain: "EMPLOYMENT_EDUCATION" },
      { code: "SUPPORTED_WORK", label: "Supported work project", needDomain: "EMPLOYMENT_EDUCATION" },
    ],
    switches: { needsConcurrentModality: true, needsSubType: true, needsAssessedNeed: true },
  }),
  seed({
    code: "ROSC_AFTERCARE",
    label: "Aftercare support",
    definition:
      "Check-ins that the service arranges and starts after the person has finished structured treatment as " +
      "planned, agreed with them before they leave, to see how they are doing and step in early if things slip.",
    modality: "RECOVERY_SUPPORT",
    phase: "POST_TREATMENT",
    switches: { needsContactSchedule: true },
  }),
  seed({
    code: "ROSC_RELAPSE_PREVENTION",
    label: "Relapse-prevention support",
    definition:
      "Evidence-based psychosocial work after a planned completion that helps the person stay well: either " +
      "centred on substance use and given by the drug and alcohol service, or centred on mental health difficulties " +
      "such as low mood or anxiety that could otherwise lead back to use, which another service may give on our referral.",
    modality: "RECOVERY_SUPPORT",
    phase: "POST_TREATMENT",
    subTypes: [
      { code: "SUBSTANCE_FOCUSED", label: "Substance-focused psychosocial support", needDomain: null },
      { code: "MENTAL_HEALTH_FOCUSED", label: "Mental-health-focused psychosocial support", needDomain: null },
    ],
    switches: { needsSubType: true },
  }),
  seed({
    code: "ROSC_DIVERSIONARY_ACTIVITIES",
    label: "Diversionary activities",
    definition:
      "Regular planned activities, such as sport, creative arts or volunteering, that give the person something " +
      "to do in place of using and form part of their wider recovery plan. A single one-off session is not recorded here.",
    modality: "RECOVERY_SUPPORT",
    phase: "IN_TREATMENT",
    switches: { needsConcurrentModality: true, sustainedOnly: true },
  }),
];

/** Pharmacological items start structured treatment; the two opioid substitution items count for R-OST-1 and R-DIS-2. */
const PHARMACOLOGICAL: readonly CatalogueItem[] = [
  seed({
    code: "OST_METHADONE",
    label: "Opioid substitution: methadone",
    definition:
      "Methadone prescribed in place of illicit opioids, whether to stabilise the person, to maintain them or to " +
      "reduce the dose towards stopping.",
    modality: "PHARMACOLOGICAL",
    phase: "IN_TREATMENT",
    switches: { opioidSubstitution: true },
  }),
  seed({
    code: "OST_BUPRENORPHINE",
    label: "Opioid substitution: buprenorphine",
    definition:
      "Buprenorphine prescribed in place of illicit opioids, including combined buprenorphine and naloxone tablets " +
      "and long-acting injected (depot) forms.",
    modality: "PHARMACOLOGICAL",
    phase: "IN_TREATMENT",
    switches: { opioidSubstitution: true },
  }),
  seed({
    code: "OPIOID_WITHDRAWAL",
    label: "Opioid withdrawal (detox)",
    definition: "A planned, medically supervised reduction to come off opioids, in the community or in an inpatient unit.",
    modality: "PHARMACOLOGICAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "ALCOHOL_WITHDRAWAL",
    label: "Alcohol withdrawal (detox)",
    definition: "Medication to manage withdrawal symptoms safely while the person stops drinking, in the community or in an inpatient unit.",
    modality: "PHARMACOLOGICAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "RELAPSE_PREVENTION_MEDICATION",
    label: "Relapse-prevention medication",
    definition:
      "Medication that helps the person stay off alcohol or opioids once they have stopped, for example " +
      "naltrexone or acamprosate.",
    modality: "PHARMACOLOGICAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "STABILISATION",
    label: "Stabilisation",
    definition:
      "Prescribing to bring the person's use of a substance to a steady, safer level before further treatment, " +
      "for example a benzodiazepine. Stabilising on methadone or buprenorphine is recorded under opioid substitution.",
    modality: "PHARMACOLOGICAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "OTHER_PRESCRIBING",
    label: "Other prescribing",
    definition: "Prescribing for a drug or alcohol problem that no other pharmacological item describes.",
    modality: "PHARMACOLOGICAL",
    phase: "IN_TREATMENT",
  }),
];

/** Psychosocial items are structured: planned, with goals in the recovery plan, and they start treatment too. */
const PSYCHOSOCIAL: readonly CatalogueItem[] = [
  seed({
    code: "MOTIVATIONAL_INTERVENTIONS",
    label: "Motivational interventions",
    definition:
      "Planned sessions that help the person weigh up their mixed feelings about change and build commitment to " +
      "their own goals, such as motivational interviewing.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "CONTINGENCY_MANAGEMENT",
    label: "Contingency management",
    definition:
      "A structured programme that gives agreed rewards, such as vouchers or privileges, for agreed behaviour " +
      "such as a negative drug test or keeping appointments.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "FAMILY_SOCIAL_NETWORK_INTERVENTIONS",
    label: "Family and social network interventions",
    definition:
      "Work that brings in a partner, relatives or friends to support the person's recovery, such as behavioural " +
      "couples therapy or social network approaches.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "CBT_SUBSTANCE_USE",
    label: "Cognitive-behavioural therapy for substance use",
    definition:
      "Structured therapy on the thoughts, situations and habits that keep use going, building skills for coping " +
      "with cravings and high-risk situations.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "PSYCHODYNAMIC_THERAPY",
    label: "Psychodynamic therapy",
    definition: "Therapy that looks at how earlier experiences and relationships shape the person's feelings and substance use now.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "MENTAL_HEALTH_FOCUSED_THERAPY",
    label: "Mental-health-focused therapy",
    definition:
      "Evidence-based psychological therapy for a mental health problem that sits alongside the substance use, " +
      "such as depression or anxiety, given as part of treatment.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "COUNSELLING",
    label: "Counselling",
    definition: "A planned series of one-to-one sessions with a trained counsellor, working to goals agreed in the recovery plan.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "STRUCTURED_DAY_PROGRAMME",
    label: "Structured day programme",
    definition:
      "An intensive timetable of group and one-to-one work on several days a week over a fixed number of weeks.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
  seed({
    code: "OTHER_STRUCTURED_PSYCHOSOCIAL",
    label: "Other structured psychosocial intervention",
    definition: "Planned psychosocial work set out in the recovery plan that no other psychosocial item describes.",
    modality: "PSYCHOSOCIAL",
    phase: "IN_TREATMENT",
  }),
];

/**
 * Harm reduction keeps people safer whatever stage they are at, so these items may be recorded at any point of an
 * open episode and after a planned completion.
 */
const HARM_REDUCTION: readonly CatalogueItem[] = [
  seed({
    code: "NEEDLE_SYRINGE_PROGRAMME",
    label: "Needle and syringe programme",
    definition: "Sterile injecting equipment, a safe way to dispose of used equipment, and advice on safer injecting.",
    modality: "HARM_REDUCTION",
    phase: "ANY",
  }),
  seed({
    code: "NALOXONE_SUPPLY_TRAINING",
    label: "Naloxone supply and training",
    definition:
      "Take-home naloxone, the medicine that reverses an opioid overdose, with training for the person or someone " +
      "close to them on when and how to use it.",
    modality: "HARM_REDUCTION",
    phase: "ANY",
  }),
  seed({
    code: "BBV_VACCINATION_TESTING",
    label: "Blood-borne-virus vaccination and testing",
    definition:
      "Hepatitis B vaccination and tests for hepatitis B, hepatitis C and HIV, with a referral on for treatment " +
      "when a test is positive.",
    modality: "HARM_REDUCTION",
    phase: "ANY",
  }),
];

/**
 * The intervention catalogue a new installation starts with (DOMAIN §5). It is seed data: an admin may relabel,
 * add, retire and change switches (R-CAT-1), and the rules read only the switches, so the codes here carry no
 * behaviour of their own.
 */
export const DEFAULT_CATALOGUE: readonly CatalogueItem[] = [
  ...PHARMACOLOGICAL,
  ...PSYCHOSOCIAL,
  ...RECOVERY_SUPPORT,
  ...HARM_REDUCTION,
];

/** The default catalogue ready for look-ups, for a fresh installation and for tests. */
export function defaultCatalogue(): Catalogue {
  return catalogueOf(DEFAULT_CATALOGUE);
}
