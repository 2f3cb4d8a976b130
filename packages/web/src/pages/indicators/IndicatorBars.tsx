import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { LABEL_WIDTH, tickText, valueDomain } from "./chartAxis.js";
import type { IndicatorChart } from "./indicatorPanels.js";

/**
 * The bars of one chart. Kept in its own module so the chart library is loaded only when the indicators are
 * opened, not by every keyworker's first page.
 */
export function IndicatorBars({ chart, height }: { chart: IndicatorChart; height: number }) {
  // A hidden figure is drawn as an empty bar so its "<5" or "SUPPRESSED" label still sits on its row.
  const data = chart.rows.map((row) => ({ label: row.label, value: row.value ?? 0, shown: row.shown }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#d8dadb" />
        <XAxis
          type="number"
          domain={valueDomain(chart)}
          tickCount={6}
          tickFormatter={tickText(chart.kind)}
          allowDecimals={chart.kind !== "COUNT"}
          tick={{ fill: "#0b0c0c", fontSize: 14 }}
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} interval={0} tick={{ fill: "#0b0c0c", fontSize: 14 }} />
        <Bar dataKey="value" fill="#005eb8" isAnimationActive={false} barSize={18} minPointSize={2}>
          <LabelList dataKey="shown" position="right" fill="#0b0c0c" fontSize={14} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
