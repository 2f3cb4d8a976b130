import { ASSESSMENT_KINDS } from "@waymark/core";
import { displayDate } from "../../components/formatting.js";
import { Tag } from "../../components/Tag.js";
import type { EpisodeRecord, RiskAnswers } from "./episodeRecordQuery.js";
import { riskAnswers, SAFEGUARDING_REASON_LABELS, suicideFactorLabel } from "./riskWords.js";

/** The most recent risk assessment of the episode, from an assessment or a review (R-RISK-1, R-RISK-3). */
function latestRisk(episode: EpisodeRecord): { risk: RiskAnswers; date: string; source: string } | null {
  const candidates = [
    ...episode.assessments.edges.flatMap(({ node }) => (node.risk ? [{ risk: node.risk, date: node.date, source: ASSESSMENT_KINDS.labelOf(node.kind).toLowerCase() }] : [])),
    ...episode.reviews.edges.flatMap(({ node }) => (node.risk ? [{ risk: node.risk, date: node.completedDate, source: "plan review" }] : [])),
  ];
  return candidates.reduce<(typeof candidates)[number] | null>((latest, candidate) => (!latest || candidate.date > latest.date ? candidate : latest), null);
}

/**
 * Risk and safeguarding for the episode: the suicide-risk flag with the factors behind it (R-RISK-2), the
 * answers of the latest risk assessment, and the safeguarding flag with whether a home visit is recorded
 * (R-SAFE-1). Flags are stated in words, and their absence is stated too, so silence is never mistaken for safety.
 */
export function RiskAndSafeguarding({ episode }: { episode: EpisodeRecord }) {
  const latest = latestRisk(episode);
  const { suicideRisk, safeguarding } = episode;
  return (
    <section aria-labelledby="risk-heading" className="person__section">
      <h2 id="risk-heading">Risk and safeguarding</h2>
      <div className="risk-panel">
        <div className="risk-panel__part">
          <h3>Suicide risk</h3>
          {suicideRisk.flagged ? (
            <>
              <p>
                <Tag tone="red">Suicide risk</Tag>
              </p>
              <p>Factors present at the latest risk assessment{suicideRisk.assessedOn ? ` on ${displayDate(suicideRisk.assessedOn)}` : ""}:</p>
              <ul className="list">
                {suicideRisk.factors.map((factor) => (
                  <li key={factor}>{suicideFactorLabel(factor)}</li>
                ))}
              </ul>
            </>
          ) : suicideRisk.assessedOn ? (
            <p>No suicide-risk factor was recorded at the latest risk assessment on {displayDate(suicideRisk.assessedOn)}.</p>
          ) : (
            <p>No risk assessment has been recorded in this episode yet.</p>
          )}
        </div>
        <div className="risk-panel__part">
          <h3>Safeguarding</h3>
          {safeguarding.flagged ? (
            <>
              <p>
                <Tag tone="red">Safeguarding</Tag>
                {safeguarding.homeVisitDue && <Tag tone="orange">Home visit due</Tag>}
              </p>
              <ul className="list">
                {safeguarding.reasons.map((reason) => (
                  <li key={reason}>{SAFEGUARDING_REASON_LABELS[reason] ?? reason}</li>
                ))}
              </ul>
              <p>
                {safeguarding.homeVisitRecorded
                  ? "A home visit the person attended is recorded in this episode."
                  : "No home visit the person attended is recorded in this episode yet."}
              </p>
            </>
          ) : (
            <p>No safeguarding flag: the person is not recorded as pregnant or living with a child under 5.</p>
          )}
        </div>
      </div>
      {latest && (
        <table className="table risk-table">
          <caption>
            Latest risk assessment: {latest.source}, {displayDate(latest.date)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {riskAnswers(latest.risk).map((entry) => (
              <tr key={entry.question}>
                <th scope="row">{entry.question}</th>
                <td>
                  <Tag tone={entry.tone}>{entry.answer}</Tag>
                </td>
              </tr>
            ))}
            {latest.risk.notes && (
              <tr>
                <th scope="row">Notes on risk</th>
                <td>{latest.risk.notes}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
