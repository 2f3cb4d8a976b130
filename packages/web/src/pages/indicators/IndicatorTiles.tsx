import { sectionId, TargetStatus } from "./IndicatorSection.js";
import type { IndicatorPanel } from "./indicatorPanels.js";

/** The headline figure of every indicator at a glance, each leading to its section below. */
export function IndicatorTiles({ panels }: { panels: readonly IndicatorPanel[] }) {
  return (
    <ul className="indicator-tiles" aria-label="Indicators at a glance">
      {panels.map((panel) => (
        <li className="indicator-tile" key={panel.about.id}>
          <a className="indicator-tile__name" href={`#${sectionId(panel.about.id)}`}>
            <span className="indicator-id">{panel.about.id}</span> {panel.about.title}
          </a>
          <span className={`indicator-tile__value${panel.headline.length > 7 ? " indicator-tile__value--words" : ""}`}>{panel.headline}</span>
          <span className="indicator-tile__words">{panel.headlineWords}</span>
          {panel.target && <TargetStatus target={panel.target} />}
        </li>
      ))}
    </ul>
  );
}
