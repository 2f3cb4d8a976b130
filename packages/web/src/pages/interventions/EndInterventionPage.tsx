import { checkEndIntervention, violationsOf, type IsoDate } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Button } from "../../components/Button.js";
import { DateInput } from "../../components/DateInput.js";
import { EPISODE_HEADING_FIELDS, EpisodeFormHeading, personRecordPath, type EpisodeHeadingData } from "../../components/EpisodeFormHeading.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { displayDate } from "../../components/formatting.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { serviceToday } from "../../components/serviceToday.js";
import { SummaryList } from "../../components/SummaryList.js";
import { useLeaveAfterSave } from "../../components/useLeaveAfterSave.js";
import { savedBannerState } from "../person/savedBanner.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../graphql/userErrors.js";
import { INTERVENTION_RULE_FIELDS, interventionOf, type GraphQLIntervention } from "./episodeForRules.js";

type InterventionToEnd = GraphQLIntervention & { __typename: "Intervention"; episode: EpisodeHeadingData | null };

const INTERVENTION_TO_END = gql<{ node: InterventionToEnd | { __typename: string } | null }, { id: string }>`
  query InterventionToEnd($id: ID!) {
    node(id: $id) {
      __typename
      ... on Intervention {
        ${INTERVENTION_RULE_FIELDS}
        episode { ${EPISODE_HEADING_FIELDS} }
      }
    }
  }
`;

const END_INTERVENTION = gql<{ endIntervention: { intervention: { id: string } | null; userErrors: UserError[] } }, { input: { id: string; endDate: IsoDate; version: number } }>`
  mutation EndIntervention($input: EndInterventionInput!) {
    endIntervention(input: $input) {
      intervention { id endDate }
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "end-intervention";

/** The end date of one running intervention, checked with core's checkEndIntervention (R-DATE-1) before it is sent. */
function EndInterventionForm({ intervention, episode }: { intervention: GraphQLIntervention; episode: EpisodeHeadingData }) {
  const [endDate, setEndDate] = useState<IsoDate | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, end] = useMutation(END_INTERVENTION);
  const leave = useLeaveAfterSave(endDate !== null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (endDate === null) {
      setErrors({ endDate: "Enter the date it ended." });
      return;
    }
    const found = fieldErrorsOf(violationsOf(checkEndIntervention(interventionOf(intervention, episode.id), endDate, serviceToday())));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await end({ input: { id: intervention.id, endDate, version: intervention.version } });
    const payload = result.data?.endIntervention;
    if (!payload) return setErrors({ "": "The end date could not be saved. Check your connection and try again." });
    if (payload.userErrors.length > 0) return setErrors(fieldErrorsOf(payload.userErrors));
    leave(personRecordPath(episode.serviceUser), savedBannerState("Intervention ended", `${intervention.catalogueItem.label}, ended ${displayDate(endDate)}.`));
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <SummaryList
        rows={[
          { key: "Intervention", value: intervention.catalogueItem.label },
          { key: "Started", value: displayDate(intervention.startDate) },
          { key: "Planned end", value: intervention.plannedEndDate ? displayDate(intervention.plannedEndDate) : null },
        ]}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DateInput formId={FORM_ID} name="endDate" label="When did it end?" value={endDate} error={errors.endDate} onChange={setEndDate} />
        <Button type="submit" busy={fetching}>
          End intervention
        </Button>
      </form>
    </>
  );
}

/** /episodes/:episodeId/interventions/:interventionId/end — end a running intervention. */
export function EndInterventionPage() {
  const { episodeId = "", interventionId = "" } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: INTERVENTION_TO_END, variables: { id: interventionId }, requestPolicy: "network-only" });
  if (fetching && !data) return <LoadingRecord />;
  if (error && !data) return <RecordLoadFailed retry={() => reload()} />;
  const node = data?.node;
  // The episode in the address must be the intervention's own: a mismatched link is treated as no record at all.
  if (!node || node.__typename !== "Intervention" || !("episode" in node) || node.episode?.id !== episodeId) return <RecordNotFound what="intervention" />;
  return (
    <div className="record-form">
      <EpisodeFormHeading episode={node.episode} title="End an intervention" />
      {node.endDate !== null ? (
        <>
          <p className="inset">This intervention already ended on {displayDate(node.endDate)}.</p>
          <Link to={personRecordPath(node.episode.serviceUser)}>Back to the person's record</Link>
        </>
      ) : (
        <EndInterventionForm intervention={node} episode={node.episode} />
      )}
    </div>
  );
}
