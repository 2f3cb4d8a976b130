import { useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";
import { SuccessBanner } from "../../components/Banner.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { CurrentEpisode } from "./CurrentEpisode.js";
import { EarlierEpisodes } from "./EarlierEpisodes.js";
import { isOpenStatus } from "./episodeActions.js";
import { PersonDetailsSummary } from "./PersonDetailsSummary.js";
import { PersonHeader } from "./PersonHeader.js";
import { PERSON_RECORD_QUERY, type PersonEpisode } from "./personRecordQuery.js";
import { savedBannerOf } from "./savedBanner.js";
import "./person.css";

/**
 * The open episode if there is one, otherwise the latest; an episode entered in error is never current.
 * Episodes come oldest referral first.
 */
function currentEpisodeOf(episodes: readonly PersonEpisode[]): PersonEpisode | null {
  const inForce = episodes.filter((episode) => !episode.enteredInError);
  return inForce.find((episode) => isOpenStatus(episode.status)) ?? inForce[inForce.length - 1] ?? null;
}

/**
 * A person's record: who they are and the flags they carry, the current episode with what can be recorded on
 * it, risk and safeguarding, the episode's timeline, their details, and earlier episodes.
 */
export function PersonRecordPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  // The confirmation shows once: it is taken out of the history entry so a reload does not repeat it.
  const [banner] = useState(() => savedBannerOf(location.state));
  useEffect(() => {
    if (banner) navigate(".", { replace: true, state: null });
  }, [banner, navigate]);
  const [result, refetch] = useQuery({ query: PERSON_RECORD_QUERY, variables: { id } });
  const person = result.data?.serviceUser;

  if (!result.data && result.fetching) return <LoadingRecord />;
  if (result.error && !person) return <RecordLoadFailed retry={() => refetch({ requestPolicy: "network-only" })} />;
  if (!person) return <RecordNotFound what="person" />;

  const current = currentEpisodeOf(person.episodes);
  const open = current !== null && isOpenStatus(current.status);
  const earlier = person.episodes.filter((episode) => episode.id !== current?.id);
  return (
    <div className="person">
      {banner && <SuccessBanner title={banner.title}>{banner.body}</SuccessBanner>}
      <PersonHeader person={person} openEpisode={open ? current : null} />
      <nav aria-label="On this page" className="person__contents">
        <ul>
          <li>
            <a href="#episode-heading">{current ? (open ? "Current episode" : "Latest episode") : "Episode"}</a>
          </li>
          {current && (
            <>
              <li>
                <a href="#risk-heading">Risk and safeguarding</a>
              </li>
              <li>
                <a href="#timeline-heading">Timeline</a>
              </li>
            </>
          )}
          <li>
            <a href="#details-heading">Personal details</a>
          </li>
          <li>
            <a href="#earlier-heading">Earlier episodes</a>
          </li>
        </ul>
      </nav>
      {current ? (
        <CurrentEpisode key={current.id} personId={person.id} episode={current} />
      ) : (
        <section aria-labelledby="episode-heading" className="person__section">
          <h2 id="episode-heading">Episode</h2>
          <p>The person has not been referred yet. Record a referral to open an episode.</p>
          <Link to={`/people/${person.id}/referral`} className="button button--primary">
            Record a referral
          </Link>
        </section>
      )}
      <PersonDetailsSummary person={person} />
      <EarlierEpisodes episodes={earlier} />
    </div>
  );
}
