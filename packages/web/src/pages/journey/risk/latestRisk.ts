import type { IsoDate, RiskAssessment } from "@waymark/core";
import type { PreviousRisk } from "./riskDraft.js";

/**
 * The most recent risk assessment among an episode's assessments and reviews, the one the suicide-risk flag
 * rests on (R-RISK-2); null when none has been made.
 */
export function latestRisk(records: readonly { readonly date: IsoDate; readonly risk: RiskAssessment | null }[]): PreviousRisk | null {
  let latest: PreviousRisk | null = null;
  for (const record of records) {
    if (record.risk && (!latest || record.date > latest.date)) latest = { date: record.date, risk: record.risk };
  }
  return latest;
}
