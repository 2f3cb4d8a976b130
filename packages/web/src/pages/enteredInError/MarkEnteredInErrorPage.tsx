import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { SuccessBanner, WarningText } from "../../components/Banner.js";
import { Button } from "../../components/Button.js";
import { EpisodeFormHeading, personRecordPath, type EpisodeHeadingData } from "../../components/EpisodeFormHeading.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { ChoiceGroup, TextArea } from "../../components/Field.js";
import { displayDate } from "../../components/formatting.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { SummaryList } from "../../components/SummaryList.js";
import { useUnsavedChangesGuard } from "../../components/useUnsavedChangesGuard.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../graphql/userErrors.js";
import { describeRecord, episodeOfRecord, isMarkable, RECORD_TO_MARK, type MarkableRecord } from "./recordDescription.js";

const MARK_ENTERED_IN_ERROR = gql<{ markEnteredInError: { record: { id: string } | null; userErrors: UserError[] } }, { input: { id: string; reason: string; version: number } }>`
  mutation MarkEnteredInError($input: MarkEnteredInErrorInput!) {
    markEnteredInError(input: $input) {
      record { id }
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "entered-in-error";
const REASON_LIMIT = 2000;
const CONFIRMED = "confirmed";

/**
 * The reason and an explicit confirmation. Nothing is deleted: the record stays readable and in the audit
 * trail, but no rule, schedule, flag or count uses it again, which is why the keyworker confirms it knowingly.
 */
function MarkForm({ record, onMarked }: { record: MarkableRecord; onMarked: () => void }) {
  const [reason, setReason] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, mark] = useMutation(MARK_ENTERED_IN_ERROR);
  useUnsavedChangesGuard(reason.trim() !== "" || confirmed);
  const wholeEpisode = record.__typename === "Episode";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (reason.trim() === "") found.reason = "Enter why the record is wrong, for example 'recorded on the wrong person'.";
    else if (reason.trim().length > REASON_LIMIT) found.reason = `The reason must be ${REASON_LIMIT} characters or fewer.`;
    if (!confirmed) found.confirmed = "Confirm that this record was entered in error.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await mark({ input: { id: record.id, reason: reason.trim(), version: record.version } });
    const payload = result.data?.markEnteredInError;
    if (!payload) return setErrors({ "": "The record could not be marked. Check your connection and try again." });
    if (payload.userErrors.length > 0) return setErrors(fieldErrorsOf(payload.userErrors));
    onMarked();
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <WarningText>
        {wholeEpisode
          ? "Marking the episode marks everything in it. Nothing is deleted, but no rule, schedule, flag or count will use any of it again."
          : "Nothing is deleted: the record stays in the person's history and the audit trail, but no rule, schedule, flag or count will use it again."}
      </WarningText>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextArea
          formId={FORM_ID}
          name="reason"
          label="Why is this record wrong?"
          hint={`For example, 'recorded on the wrong person' or 'entered twice'. Up to ${REASON_LIMIT} characters; kept in the audit trail.`}
          value={reason}
          error={errors.reason}
          onChange={setReason}
        />
        <ChoiceGroup
          formId={FORM_ID}
          name="confirmed"
          type="checkbox"
          label="Confirm"
          options={[{ value: CONFIRMED, label: "I confirm this record was entered in error" }]}
          selected={confirmed ? [CONFIRMED] : []}
          error={errors.confirmed}
          onChange={(selected) => setConfirmed(selected.includes(CONFIRMED))}
        />
        <Button type="submit" variant="warning" busy={fetching}>
          Mark as entered in error
        </Button>
      </form>
    </>
  );
}

/** /records/:recordId/entered-in-error — mark any clinical record, or a whole episode, as entered in error. */
export function MarkEnteredInErrorPage() {
  const { recordId = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: RECORD_TO_MARK, variables: { id: recordId }, requestPolicy: "network-only" });
  const [marked, setMarked] = useState(false);
  if (fetching && !data) return <LoadingRecord />;
  if (error && !data) return <RecordLoadFailed retry={() => reload()} />;
  const record = data?.node;
  if (!isMarkable(record)) return <RecordNotFound what="record" />;
  const episode: EpisodeHeadingData | null = episodeOfRecord(record);
  if (!episode) return <RecordNotFound what="record" />;
  const back = <Link to={personRecordPath(episode.serviceUser)}>Back to the person's record</Link>;
  return (
    <div className="record-form">
      <EpisodeFormHeading episode={episode} title="Mark a record as entered in error" />
      <SummaryList rows={[{ key: "Record", value: describeRecord(record) }]} />
      {marked ? (
        <>
          <SuccessBanner title="Record marked as entered in error">It is kept for the audit trail and left out of every rule, schedule and count.</SuccessBanner>
          <p>{back}</p>
        </>
      ) : record.enteredInError ? (
        <>
          <p className="inset">
            This record was already marked as entered in error{record.enteredInError.markedOn ? ` on ${displayDate(record.enteredInError.markedOn)}` : ""}: {record.enteredInError.reason}
          </p>
          <p>{back}</p>
        </>
      ) : (
        <MarkForm record={record} onMarked={() => setMarked(true)} />
      )}
    </div>
  );
}
