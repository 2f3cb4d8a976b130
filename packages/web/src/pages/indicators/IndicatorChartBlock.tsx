import { lazy, Suspense } from "react";
import { AXIS_SPACE, rowHeight } from "./chartAxis.js";
import type { IndicatorChart } from "./indicatorPanels.js";

const IndicatorBars = lazy(() => import("./IndicatorBars.js").then((module) => ({ default: module.IndicatorBars })));

/**
 * One breakdown of an indicator, drawn as horizontal bars with the same numbers written in a table beside it.
 * The drawing is hidden from assistive technology (the table carries everything, with a caption and headed
 * rows and columns), and each bar is labelled with the figure as the API prints it, so "<5" reads "<5".
 */
export function IndicatorChartBlock({ chart, indicatorId, indicatorTitle }: { chart: IndicatorChart; indicatorId: string; indicatorTitle: string }) {
  const caption = `${indicatorId} ${indicatorTitle}: ${chart.title.charAt(0).toLowerCase()}${chart.title.slice(1)}`;
  // The space the bars will take is kept while they load, so the tables do not jump.
  const height = chart.rows.length * rowHeight(chart.rows.map((row) => row.label)) + AXIS_SPACE;
  const drawable = chart.rows.some((row) => row.value !== null && row.value !== 0);
  return (
    <div className="indicator-chart">
      <h3 className="indicator-chart__title">{chart.title}</h3>
      {chart.rows.length === 0 ? (
        <p className="indicator-chart__empty">No one was counted in this period.</p>
      ) : (
        // Tables of many columns need the full width, so their chart sits above them rather than beside.
        <div className={`indicator-chart__body${chart.moreHeadings.length >= 3 ? " indicator-chart__body--stacked" : ""}`}>
          <div className="indicator-chart__drawing" aria-hidden="true">
            {drawable ? (
              <Suspense fallback={<div style={{ height }} />}>
                <IndicatorBars chart={chart} height={height} />
              </Suspense>
            ) : (
              <p className="indicator-chart__empty">Every figure here is zero or hidden, so there is nothing to draw.</p>
            )}
          </div>
          <table className="table indicator-chart__table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{chart.groupHeading}</th>
                <th scope="col" className="table__numeric">
                  {chart.figureHeading}
                </th>
                {chart.moreHeadings.map((heading) => (
                  <th scope="col" className="table__numeric" key={heading}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="table__numeric">{row.shown}</td>
                  {row.more.map((text, index) => (
                    <td className="table__numeric" key={chart.moreHeadings[index] ?? index}>
                      {text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
