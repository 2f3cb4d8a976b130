import { Link } from "react-router";
import type { EpisodeAction } from "./episodeActions.js";

/** The journey forms that can be used on the episode now, each with a line on what it records. */
export function EpisodeActionList({ actions }: { actions: readonly EpisodeAction[] }) {
  if (actions.length === 0) return <p className="secondary">Nothing more can be recorded on this episode.</p>;
  return (
    <ul className="action-list">
      {actions.map((action) => (
        <li key={action.to} className="action-list__item">
          <Link to={action.to} className="action-list__link">
            {action.label}
          </Link>
          <span className="action-list__hint">{action.hint}</span>
        </li>
      ))}
    </ul>
  );
}
