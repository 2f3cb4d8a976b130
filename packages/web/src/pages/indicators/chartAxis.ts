import type { IndicatorChart } from "./indicatorPanels.js";

/** Room for the value axis under the bars. */
export const AXIS_SPACE = 40;
/** Room for the group names beside the bars. */
export const LABEL_WIDTH = 200;

/** Room per bar: long group names wrap onto up to three lines beside their bar, so those rows need more height. */
export function rowHeight(labels: readonly string[]): number {
  const longest = Math.max(...labels.map((label) => label.length));
  return longest > 48 ? 56 : longest > 24 ? 44 : 32;
}

/** The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above a positive value; 0 for none. */
function roundUp(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? 10 * power);
}

/**
 * The value axis. Bars always grow from zero (an axis starting at the smallest value makes small differences
 * look large), shares run to 100%, and other axes end on a round number so the ticks read cleanly.
 */
export function valueDomain(chart: Pick<IndicatorChart, "kind" | "rows">): [number, number] {
  if (chart.kind === "SHARE") return [0, 100];
  const values = chart.rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  const smallest = Math.min(0, ...values);
  const lowest = smallest < 0 ? -roundUp(-smallest) : 0;
  const highest = roundUp(Math.max(0, ...values));
  return [lowest, highest === lowest ? lowest + 1 : highest];
}

/** How a tick on the value axis reads: a percentage for shares, otherwise the number to one decimal place. */
export const tickText = (kind: IndicatorChart["kind"]) => (tick: number) => (kind === "SHARE" ? `${tick}%` : tick.toLocaleString("en-GB", { maximumFractionDigits: 1 }));
