import { Details } from "../../components/Details.js";
import { IndicatorChartBlock } from "./IndicatorChartBlock.js";
import type { IndicatorPanel, TargetVerdict } from "./indicatorPanels.js";

const VERDICT_WORDS: Record<TargetVerdict, { text: string; tag: string }> = {
  MET: { text: "Target met", tag: "tag--green" },
  NOT_MET: { text: "Target not met", tag: "tag--red" },
  NOT_KNOWN: { text: "Target cannot be judged", tag: "tag--grey" },
};

/** The anchor of an indicator's section, from its ID ("K-1" → "indicator-k-1"). */
export const sectionId = (indicatorId: string) => `indicator-${indicatorId.toLowerCase()}`;

/** Met or not met, always in words; the colour only repeats it. */
export function TargetStatus({ target }: { target: NonNullable<IndicatorPanel["target"]> }) {
  const verdict = VERDICT_WORDS[target.verdict];
  return (
    <p className="indicator-target">
      <strong className={`tag ${verdict.tag}`}>{verdict.text}</strong> <span>{target.text}</span>
    </p>
  );
}

/** One indicator in full: its figures, how it is worked out, and a chart with a table for each breakdown. */
export function IndicatorSection({ panel }: { panel: IndicatorPanel }) {
  const { about } = panel;
  const headingId = `${sectionId(about.id)}-heading`;
  return (
    <section className="indicator-section" id={sectionId(about.id)} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <span className="indicator-id">{about.id}</span> {about.title}
      </h2>
      <p className="indicator-section__figure">
        <span className="indicator-section__headline">{panel.headline}</span> <span>{panel.headlineWords}</span>
      </p>
      {panel.target && <TargetStatus target={panel.target} />}
      {panel.facts.length > 0 && (
        <dl className="indicator-facts">
          {panel.facts.map((fact) => (
            <div className="indicator-facts__row" key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <Details summary="How this is worked out">
        <p>{about.definition}</p>
        <dl className="indicator-definition">
          <dt>{about.denominatorDefinition ? "Counted (numerator)" : "Counted"}</dt>
          <dd>{about.numeratorDefinition}</dd>
          {about.denominatorDefinition && (
            <>
              <dt>Out of (denominator)</dt>
              <dd>{about.denominatorDefinition}</dd>
            </>
          )}
          {about.target && (
            <>
              <dt>Target</dt>
              <dd>{about.target.text}</dd>
            </>
          )}
        </dl>
      </Details>
      {panel.charts.map((chart) => (
        <IndicatorChartBlock key={chart.key} chart={chart} indicatorId={about.id} indicatorTitle={about.title} />
      ))}
    </section>
  );
}
