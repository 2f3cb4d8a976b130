import { DISCHARGE_REASONS, isIsoDate, isOpen, type DischargeReason, type IsoDate } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { gql, useMutation } from "urql";
import { Button } from "../../components/Button.js";
import { DateInput } from "../../components/DateInput.js";
import { EpisodeFormHeading, personRecordPath } from "../../components/EpisodeFormHeading.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { displayDate } from "../../components/formatting.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { serviceToday } from "../../components/serviceToday.js";
import { useUnsavedChangesGuard } from "../../components/useUnsavedChangesGuard.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../graphql/userErrors.js";
import { useEpisodeForRules, type EpisodeForRules } from "../interventions/loadEpisodeForRules.js";
import { DischargeOutcome, type DischargeResult } from "./DischargeOutcome.js";
import { dischargeViolations, interventionsEndingAt, reasonWarnings } from "./dischargeRules.js";
import { ReasonChoice } from "./ReasonChoice.js";

const DISCHARGE_EPISODE = gql<{ dischargeEpisode: DischargeResult & { userErrors: UserError[] } }, { input: { episodeId: string; reason: DischargeReason; dischargeDate: IsoDate; version: number } }>`
  mutation DischargeEpisode($input: DischargeEpisodeInput!) {
    dischargeEpisode(input: $input) {
      episode { id status dischargeDate dischargeReason }
      closedInterventions { id catalogueItem { label } endDate }
      exitTopMissing
      exitTopDeadline
      exitTopWarning
      postTreatmentPhaseOpens
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "discharge";

/** The reason and date of a discharge, with what the rules say about them before it is sent. */
function DischargeForm({ records, onDischarged }: { records: EpisodeForRules; onDischarged: (result: DischargeResult) => void }) {
  const [reason, setReason] = useState<DischargeReason | null>(null);
  const [dischargeDate, setDischargeDate] = useState<IsoDate | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, discharge] = useMutation(DISCHARGE_EPISODE);
  useUnsavedChangesGuard(reason !== null || dischargeDate !== null);
  const today = serviceToday();
  // Until a date is typed, judge the reason as of today, so a refusal shows as soon as the reason is chosen.
  const warnings = reasonWarnings(records, reason, dischargeDate ?? today, today);
  const ending = dischargeDate !== null && isIsoDate(dischargeDate) ? interventionsEndingAt(records, dischargeDate) : [];
  const labelOf = (code: string) => records.catalogue.find(code)?.label ?? code;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = fieldErrorsOf([
      ...(dischargeDate === null ? [{ field: "dischargeDate", message: "Enter the discharge date." }] : []),
      ...dischargeViolations(records, reason, dischargeDate, today),
    ]);
    setErrors(found);
    if (Object.keys(found).length > 0 || reason === null || dischargeDate === null) return;
    const result = await discharge({ input: { episodeId: records.episode.id, reason, dischargeDate, version: records.source.version } });
    const payload = result.data?.dischargeEpisode;
    if (!payload) return setErrors({ "": "The discharge could not be saved. Check your connection and try again." });
    if (payload.userErrors.length > 0) return setErrors(fieldErrorsOf(payload.userErrors));
    onDischarged(payload);
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ReasonChoice formId={FORM_ID} selected={reason} onSelect={setReason} error={errors.reason} warnings={warnings} />
        <DateInput formId={FORM_ID} name="dischargeDate" label="Discharge date" value={dischargeDate} error={errors.dischargeDate} onChange={setDischargeDate} />
        {ending.length > 0 && dischargeDate !== null && (
          <div className="inset">
            <p>These interventions are still running and will end on {displayDate(dischargeDate)}:</p>
            <ul>
              {ending.map((intervention) => (
                <li key={intervention.id}>
                  {labelOf(intervention.catalogueItemCode)}, started {displayDate(intervention.startDate)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <Button type="submit" variant="warning" busy={fetching}>
          Discharge
        </Button>
      </form>
    </>
  );
}

/** /episodes/:episodeId/discharge — discharge an episode with a reason (R-DIS-1, R-DIS-2). */
export function DischargePage() {
  const { episodeId = "" } = useParams();
  const { loaded, reload } = useEpisodeForRules(episodeId, false);
  const [result, setResult] = useState<DischargeResult | null>(null);
  if (loaded.state === "loading") return <LoadingRecord />;
  if (loaded.state === "missing") return <RecordNotFound what="episode" />;
  if (loaded.state === "failed") return <RecordLoadFailed retry={reload} />;
  const records = loaded.value;
  const { episode } = records;
  return (
    <div className="record-form">
      <EpisodeFormHeading episode={records.source} title="Discharge" />
      {result ? (
        <DischargeOutcome episodeId={episode.id} result={result} person={records.source.serviceUser} />
      ) : isOpen(episode) && !episode.enteredInError ? (
        <DischargeForm records={records} onDischarged={setResult} />
      ) : (
        <>
          <p className="inset">
            {episode.enteredInError
              ? "This episode was marked as entered in error, so it cannot be discharged."
              : `This episode has already ended${episode.dischargeDate ? ` on ${displayDate(episode.dischargeDate)}` : ""}${episode.dischargeReason ? `: ${DISCHARGE_REASONS.labelOf(episode.dischargeReason)}` : ""}.`}
          </p>
          <Link to={personRecordPath(records.source.serviceUser)}>Back to the person's record</Link>
        </>
      )}
    </div>
  );
}

