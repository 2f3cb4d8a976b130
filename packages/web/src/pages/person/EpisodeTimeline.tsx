import { useState } from "react";
import { useClient } from "urql";
import { displayDate } from "../../components/formatting.js";
import { Tag } from "../../components/Tag.js";
import { LIST_PAGE_SIZE, MORE_OF_LIST_QUERIES, type EpisodeListName, type EpisodeLists, type EpisodeRecord, type Page } from "./episodeRecordQuery.js";
import { TIMELINE_KINDS, timelineEntries, type TimelineKind } from "./timelineEntries.js";

const LIST_WORDS: Record<EpisodeListName, string> = {
  assessments: "assessments",
  recoveryPlans: "recovery plans",
  reviews: "reviews",
  interventions: "interventions",
  outcomes: "TOPs",
  contacts: "contacts",
  harmReduction: "harm-reduction records",
};

/** A first page with the later pages fetched on request appended, each record once. */
function merged<T extends { id: string }>(first: Page<T>, later: Page<T> | undefined): Page<T> {
  if (!later) return first;
  const seen = new Set(first.edges.map((edge) => edge.node.id));
  return { totalCount: later.totalCount, pageInfo: later.pageInfo, edges: [...first.edges, ...later.edges.filter((edge) => !seen.has(edge.node.id))] };
}

/**
 * Everything recorded in an episode, in date order, filterable by kind of record. An episode with more than a
 * page of some kind of record (years of weekly contacts) says so and fetches the older ones on request, so
 * the timeline never silently leaves records out.
 */
export function EpisodeTimeline({ episode, idPrefix }: { episode: EpisodeRecord; idPrefix: string }) {
  const client = useClient();
  const [later, setLater] = useState<Partial<Record<EpisodeListName, Page<{ id: string }>>>>({});
  const [loadingList, setLoadingList] = useState<EpisodeListName | null>(null);
  const [loadProblem, setLoadProblem] = useState("");
  const [kind, setKind] = useState<TimelineKind | "all">("all");
  const [newestFirst, setNewestFirst] = useState(false);

  const lists = Object.fromEntries(
    (Object.keys(LIST_WORDS) as EpisodeListName[]).map((name) => [name, merged(episode[name] as Page<{ id: string }>, later[name])]),
  ) as unknown as EpisodeLists;
  const all = timelineEntries(episode, lists, newestFirst);
  const shown = kind === "all" ? all : all.filter((entry) => entry.kind === kind);
  const incomplete = (Object.keys(LIST_WORDS) as EpisodeListName[]).filter((name) => lists[name].pageInfo.hasNextPage);

  const loadMore = async (name: EpisodeListName) => {
    const after = lists[name].pageInfo.endCursor;
    if (!after) return;
    setLoadingList(name);
    setLoadProblem("");
    const result = await client.query(MORE_OF_LIST_QUERIES[name], { id: episode.id, after }, { requestPolicy: "network-only" }).toPromise();
    setLoadingList(null);
    const page = result.data?.episode?.[name] as Page<{ id: string }> | undefined;
    if (!page) {
      setLoadProblem(`The older ${LIST_WORDS[name]} could not be loaded. Try again.`);
      return;
    }
    setLater((current) => ({ ...current, [name]: merged(current[name] ?? { totalCount: 0, pageInfo: page.pageInfo, edges: [] }, page) }));
  };

  return (
    <>
      <div className="toolbar timeline__controls">
        <div className="form-group">
          <label className="label" htmlFor={`${idPrefix}-kind`}>
            Show
          </label>
          <select className="select" id={`${idPrefix}-kind`} value={kind} onChange={(event) => setKind(event.target.value as TimelineKind | "all")}>
            <option value="all">Everything</option>
            {TIMELINE_KINDS.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${idPrefix}-order`}>
            Order
          </label>
          <select className="select" id={`${idPrefix}-order`} value={newestFirst ? "newest" : "oldest"} onChange={(event) => setNewestFirst(event.target.value === "newest")}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
      </div>
      {incomplete.length > 0 && (
        <div className="inset">
          {incomplete.map((name) => (
            <p key={name}>
              Only the most recent {lists[name].edges.length.toLocaleString("en-GB")} of {lists[name].totalCount.toLocaleString("en-GB")} {LIST_WORDS[name]} are shown.{" "}
              <button type="button" className="link-button" disabled={loadingList !== null} onClick={() => void loadMore(name)}>
                {loadingList === name ? "Loading…" : `Show up to ${LIST_PAGE_SIZE[name]} older ${LIST_WORDS[name]}`}
              </button>
            </p>
          ))}
          {loadProblem && <p className="error-message">{loadProblem}</p>}
        </div>
      )}
      <p className="secondary" aria-live="polite">
        {shown.length === 1 ? "1 record" : `${shown.length.toLocaleString("en-GB")} records`}
        {kind === "all" ? "" : ` of this kind`}, {newestFirst ? "newest" : "oldest"} first.
      </p>
      {shown.length > 0 && (
        <ol className="timeline">
          {shown.map((entry) => (
            <li className={`timeline__entry timeline__entry--${entry.kind}`} key={entry.key}>
              <p className="timeline__date">
                <time dateTime={entry.date}>{displayDate(entry.date)}</time>
              </p>
              <div className="timeline__body">
                <p className="timeline__title">
                  <strong>{entry.title}</strong>
                  {entry.tags.map((tag) => (
                    <Tag key={tag.text} tone={tag.tone}>
                      {tag.text}
                    </Tag>
                  ))}
                </p>
                {entry.lines.length > 0 && (
                  <dl className="timeline__lines">
                    {entry.lines.map((line) => (
                      <div key={line.label} className="timeline__line">
                        <dt>{line.label}</dt>
                        <dd>{line.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
