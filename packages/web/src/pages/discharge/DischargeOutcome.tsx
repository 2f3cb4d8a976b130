import { DISCHARGE_REASONS, type DischargeReason, type EpisodeStatus, type IsoDate } from "@waymark/core";
import { Link } from "react-router";
import { SuccessBanner, WarningText } from "../../components/Banner.js";
import { personRecordPath } from "../../components/EpisodeFormHeading.js";
import { displayDate } from "../../components/formatting.js";

/** What the server answered to an accepted discharge. */
export interface DischargeResult {
  readonly episode: { id: string; status: EpisodeStatus; dischargeDate: IsoDate | null; dischargeReason: DischargeReason | null } | null;
  readonly closedInterventions: readonly { id: string; catalogueItem: { label: string }; endDate: IsoDate | null }[];
  readonly exitTopMissing: boolean;
  readonly exitTopDeadline: IsoDate | null;
  readonly exitTopWarning: string | null;
  readonly postTreatmentPhaseOpens: boolean;
}

/**
 * The discharge as saved, and what it leaves to do: the EXIT TOP the server says is missing (a planned
 * completion is allowed without one, R-DIS-1, but the exceptions report lists it), and for a planned completion
 * the post-treatment support that can now be recorded.
 */
export function DischargeOutcome({ episodeId, result, person }: { episodeId: string; result: DischargeResult; person: { id: string } }) {
  const reason = result.episode?.dischargeReason;
  const date = result.episode?.dischargeDate;
  return (
    <>
      <SuccessBanner title="Episode discharged">{`${reason ? DISCHARGE_REASONS.labelOf(reason) : "Discharged"}${date ? `, on ${displayDate(date)}` : ""}.`}</SuccessBanner>
      {result.exitTopWarning && (
        <>
          <WarningText>{result.exitTopWarning}</WarningText>
          <p>
            <Link to={`/episodes/${episodeId}/outcome`}>Record the exit TOP</Link>
          </p>
        </>
      )}
      {result.closedInterventions.length > 0 && (
        <>
          <h2>Interventions ended</h2>
          <ul>
            {result.closedInterventions.map((intervention) => (
              <li key={intervention.id}>
                {intervention.catalogueItem.label}, ended {displayDate(intervention.endDate)}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.postTreatmentPhaseOpens && (
        <p>
          This was a planned completion, so aftercare and relapse-prevention support can now be recorded.{" "}
          <Link to={`/episodes/${episodeId}/intervention`}>Record post-treatment support</Link>
        </p>
      )}
      <p>
        <Link to={personRecordPath(person)}>Back to the person's record</Link>
      </p>
    </>
  );
}
