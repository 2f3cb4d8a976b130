import type { IsoDate, KpiBreakdown, KpiFilter, KpiPeriod } from "@waymark/core";

/** One run of the indicators as the data layer receives it: stored IDs, a checked period, the filter to apply. */
export interface KpiRequest {
  readonly period: KpiPeriod;
  /** Defaults to the period's last day. */
  readonly asOf?: IsoDate;
  readonly breakdown?: KpiBreakdown | null;
  /** Team and keyworker IDs are stored (local) IDs. A team lead's own teams are forced into `teamIds`. */
  readonly filter?: KpiFilter;
}
