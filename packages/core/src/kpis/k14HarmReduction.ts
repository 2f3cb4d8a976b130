import type { BbvStatus } from "../codes/clinical.js";
import { inForce } from "../records/common.js";
import type { HarmReductionRecord } from "../records/contact.js";
import { tallyRatio } from "./breakdown.js";
import { kpiContext, type KpiContext } from "./context.js";
import { episodesInTreatmentDuring } from "./population.js";
import type { KpiGroup, KpiOptions, KpiPeriod, KpiRatio, ProviderData } from "./types.js";

/** A status that shows the vaccination or test was offered: a decline is an offer that was refused. */
const OFFERED: readonly BbvStatus[] = ["OFFERED", "ACCEPTED", "DECLINED"];

/** The measures of K-14, each a share of the episodes in treatment. */
export const HARM_REDUCTION_MEASURES = [
  { key: "NALOXONE_ISSUED", label: "Naloxone issued", met: (record: HarmReductionRecord) => record.naloxoneIssuedTo !== null },
  {
    key: "HEPATITIS_B_VACCINATION_OFFERED",
    label: "Hepatitis B vaccination offered",
    met: (record: HarmReductionRecord) => record.hepatitisBVaccination !== null && OFFERED.includes(record.hepatitisBVaccination),
  },
  {
    key: "HEPATITIS_B_VACCINATION_ACCEPTED",
    label: "Hepatitis B vaccination accepted",
    met: (record: HarmReductionRecord) => record.hepatitisBVaccination === "ACCEPTED",
  },
  {
    key: "HEPATITIS_C_TEST_OFFERED",
    label: "Hepatitis C test offered",
    met: (record: HarmReductionRecord) => record.hepatitisCTest !== null && OFFERED.includes(record.hepatitisCTest),
  },
  {
    key: "HEPATITIS_C_TEST_ACCEPTED",
    label: "Hepatitis C test accepted",
    met: (record: HarmReductionRecord) => record.hepatitisCTest === "ACCEPTED",
  },
] as const;

export type HarmReductionMeasureKey = (typeof HARM_REDUCTION_MEASURES)[number]["key"];

export interface HarmReductionMeasure extends KpiRatio {
  readonly key: HarmReductionMeasureKey;
  readonly label: string;
  readonly groups: readonly KpiGroup[];
}

/** K-14: several shares over one denominator, so it carries a list of measures rather than one ratio. */
export interface HarmReductionKpi {
  readonly id: "K-14";
  /** Episodes in treatment in the period. */
  readonly denominator: number;
  readonly measures: readonly HarmReductionMeasure[];
}

/**
 * K-14 Harm reduction. The denominator is the episodes in treatment in the period (as K-1). For each measure
 * the numerator is those episodes with a harm-reduction record of the same episode, dated on or before the
 * last day of the period, that shows it: naloxone issued (to the person or to a family member or friend);
 * hepatitis B vaccination or hepatitis C test offered (recorded as offered, accepted or declined); or accepted.
 * Records from earlier in the episode count, because these are one-off offers: a person vaccinated last year
 * is still covered, and counting only this period's records would penalise services for people who stay.
 */
export function harmReductionKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): HarmReductionKpi {
  return harmReductionIn(kpiContext(data, period, options));
}

/** K-14 over a prepared context. */
export function harmReductionIn(context: KpiContext): HarmReductionKpi {
  const population = episodesInTreatmentDuring(context).map((facts) => ({
    facts,
    records: inForce(context.data.harmReduction).filter(
      (record) => record.episodeId === facts.episode.id && record.date <= context.period.to,
    ),
  }));
  return {
    id: "K-14",
    denominator: population.length,
    measures: HARM_REDUCTION_MEASURES.map((measure) => ({
      key: measure.key,
      label: measure.label,
      ...tallyRatio(
        population.map(({ facts, records }) => ({ facts, inNumerator: records.some(measure.met) })),
        context,
      ),
    })),
  };
}
