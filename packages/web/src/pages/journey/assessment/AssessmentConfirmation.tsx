import { ASSESSMENT_KINDS, NEED_DOMAINS, NEED_LEVELS } from "@waymark/core";
import { personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { displayDate } from "../../../components/formatting.js";
import { personName } from "../../../components/personName.js";
import { suicideRiskFactorsPresent } from "../risk/riskDraft.js";
import { SuicideRiskFlagSummary } from "../risk/SuicideRiskFlagSummary.js";
import { Confirmation } from "../shared/Confirmation.js";
import type { JourneyPerson } from "../shared/episodeContext.js";
import type { RecordedAssessment } from "./assessmentDocuments.js";

/** The assessment as saved; after a comprehensive assessment the next step is the full recovery plan. */
export function AssessmentConfirmation({ person, episodeId, assessment }: { person: JourneyPerson; episodeId: string; assessment: RecordedAssessment }) {
  const needs = assessment.needs.filter((need) => need.level !== "NONE");
  return (
    <Confirmation
      title={`${ASSESSMENT_KINDS.labelOf(assessment.kind)} recorded`}
      saved={[
        { key: "Date", value: displayDate(assessment.date) },
        { key: "Needs found", value: needs.length > 0 ? needs.map((need) => `${NEED_DOMAINS.labelOf(need.domain)}: ${NEED_LEVELS.labelOf(need.level).toLowerCase()}`).join("; ") : "None recorded" },
        { key: "Risk assessed", value: assessment.risk ? "Yes" : "No" },
        { key: "Suicide-risk flag", value: assessment.episode ? <SuicideRiskFlagSummary flag={assessment.episode.suicideRisk} recordedNone={assessment.risk !== null && suicideRiskFactorsPresent(assessment.risk).length === 0} /> : null },
        { key: "BARC-10 total", value: assessment.recoveryCapital ? `${assessment.recoveryCapital.total} out of 60` : "Not taken" },
      ]}
      nextSteps={[
        ...(assessment.kind === "COMPREHENSIVE" ? [{ to: `/episodes/${encodeURIComponent(episodeId)}/plan`, label: "Agree the full recovery plan" }] : []),
        { to: personRecordPath(person), label: `Go to ${personName(person)}’s record` },
      ]}
    />
  );
}
