import { defineCodeList, type CodeListEntry, type CodeOf } from "./codeList.js";

interface SubstanceEntry extends CodeListEntry {
  readonly opiate: boolean;
}

/** Problem substances (DOMAIN §6). The first four are opiates, which decide the OPIATE cohort (R-COH-1). */
export const SUBSTANCES = defineCodeList([
  { code: "HEROIN", label: "Heroin", opiate: true },
  { code: "METHADONE_ILLICIT", label: "Methadone (illicit)", opiate: true },
  { code: "BUPRENORPHINE_ILLICIT", label: "Buprenorphine (illicit)", opiate: true },
  { code: "OTHER_OPIATES", label: "Other opiates", opiate: true },
  { code: "CRACK", label: "Crack cocaine", opiate: false },
  { code: "COCAINE_POWDER", label: "Cocaine powder", opiate: false },
  { code: "AMPHETAMINES", label: "Amphetamines", opiate: false },
  { code: "BENZODIAZEPINES", label: "Benzodiazepines", opiate: false },
  { code: "CANNABIS", label: "Cannabis", opiate: false },
  { code: "ECSTASY", label: "Ecstasy", opiate: false },
  { code: "NEW_PSYCHOACTIVE_SUBSTANCES", label: "New psychoactive substances", opiate: false },
  { code: "PRESCRIPTION_ONLY_MEDICINES", label: "Prescription-only medicines", opiate: false },
  { code: "OVER_THE_COUNTER_MEDICINES", label: "Over-the-counter medicines", opiate: false },
  { code: "GABAPENTINOIDS", label: "Gabapentinoids", opiate: false },
  { code: "KETAMINE", label: "Ketamine", opiate: false },
  { code: "ALCOHOL", label: "Alcohol", opiate: false },
  { code: "OTHER", label: "Other substance", opiate: false },
] as const satisfies readonly SubstanceEntry[]);
export type Substance = CodeOf<typeof SUBSTANCES>;

export function isOpiate(substance: Substance): boolean {
  return SUBSTANCES.entryOf(substance).opiate;
}

/** How a substance is taken. */
export const ROUTES = defineCodeList([
  { code: "INJECT", label: "Injects" },
  { code: "SNIFF", label: "Sniffs" },
  { code: "SMOKE", label: "Smokes" },
  { code: "ORAL", label: "Oral" },
  { code: "OTHER", label: "Other route" },
]);
export type Route = CodeOf<typeof ROUTES>;

export const INJECTING_STATUSES = defineCodeList([
  { code: "CURRENTLY", label: "Currently injecting" },
  { code: "PREVIOUSLY", label: "Previously injected" },
  { code: "NEVER", label: "Never injected" },
  { code: "DECLINED_TO_SAY", label: "Declined to say" },
]);
export type InjectingStatus = CodeOf<typeof INJECTING_STATUSES>;

/** R-COH-1: the treatment population a person is counted in. */
export const COHORTS = defineCodeList([
  { code: "OPIATE", label: "Opiate" },
  { code: "NON_OPIATE_AND_ALCOHOL", label: "Non-opiate and alcohol" },
  { code: "NON_OPIATE_ONLY", label: "Non-opiate only" },
  { code: "ALCOHOL_ONLY", label: "Alcohol only" },
]);
export type Cohort = CodeOf<typeof COHORTS>;
