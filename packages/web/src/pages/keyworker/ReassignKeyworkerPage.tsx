import { isOpen } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { gql, useMutation, useQuery } from "urql";
import { Button } from "../../components/Button.js";
import { EPISODE_HEADING_FIELDS, EpisodeFormHeading, personRecordPath, type EpisodeHeadingData } from "../../components/EpisodeFormHeading.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { Select } from "../../components/Field.js";
import { LoadingRecord, RecordLoadFailed, RecordNotFound } from "../../components/RecordPageStates.js";
import { useLeaveAfterSave } from "../../components/useLeaveAfterSave.js";
import { savedBannerState } from "../person/savedBanner.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../graphql/userErrors.js";
import { hasRole, useSession } from "../../session/SessionContext.js";

type EpisodeForKeyworker = EpisodeHeadingData & { readonly keyworker: { readonly id: string; readonly name: string } | null };

const EPISODE_FOR_KEYWORKER = gql<{ episode: EpisodeForKeyworker | null }, { id: string }>`
  query EpisodeForKeyworker($id: ID!) {
    episode(id: $id) {
      ${EPISODE_HEADING_FIELDS}
      keyworker { id name }
    }
  }
`;

/** Who may hold the episode: the team's active practitioners and team leads (the API refuses anyone else). */
const TEAM_CLINICIANS = gql<{ staff: { edges: { node: { id: string; name: string; roles: string[] } }[] } }, { teamId: string }>`
  query TeamCliniciansForKeyworker($teamId: ID!) {
    staff(first: 100, filter: { teamId: { eq: $teamId }, active: true, role: { in: [PRACTITIONER, TEAM_LEAD] } }) {
      edges { node { id name roles } }
    }
  }
`;

const REASSIGN_KEYWORKER = gql<{ reassignKeyworker: { episode: { id: string } | null; userErrors: UserError[] } }, { input: { episodeId: string; keyworkerId: string | null; version: number } }>`
  mutation ReassignKeyworker($input: ReassignKeyworkerInput!) {
    reassignKeyworker(input: $input) {
      episode { id keyworker { id name } }
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "keyworker";
/** The option for leaving the episode with no keyworker; the API takes it as a null keyworkerId. */
const UNALLOCATED = "UNALLOCATED";

function KeyworkerForm({ episode }: { episode: EpisodeForKeyworker }) {
  const current = episode.keyworker?.id ?? UNALLOCATED;
  const [choice, setChoice] = useState(current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [staff] = useQuery({ query: TEAM_CLINICIANS, variables: { teamId: episode.team.id } });
  const [{ fetching }, reassign] = useMutation(REASSIGN_KEYWORKER);
  const leave = useLeaveAfterSave(choice !== current);

  if (staff.fetching && !staff.data) return <LoadingRecord />;
  if (staff.error && !staff.data) return <p className="inset">The team's staff could not be loaded. Reload the page to try again.</p>;
  const options = [
    ...(staff.data?.staff.edges.map(({ node }) => ({ value: node.id, label: node.roles.includes("TEAM_LEAD") ? `${node.name} (team lead)` : node.name })) ?? []),
    { value: UNALLOCATED, label: "No keyworker: leave unallocated" },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choice === "") return setErrors({ keyworkerId: "Choose a keyworker, or choose to leave the episode unallocated." });
    if (choice === current) return setErrors({ keyworkerId: "This is already the episode's keyworker. Choose someone else, or go back." });
    setErrors({});
    const result = await reassign({ input: { episodeId: episode.id, keyworkerId: choice === UNALLOCATED ? null : choice, version: episode.version } });
    const payload = result.data?.reassignKeyworker;
    if (!payload) return setErrors({ "": "The keyworker could not be changed. Check your connection and try again." });
    if (payload.userErrors.length > 0) return setErrors(fieldErrorsOf(payload.userErrors));
    const chosen = options.find((option) => option.value === choice);
    leave(personRecordPath(episode.serviceUser), savedBannerState("Keyworker changed", choice === UNALLOCATED ? "The episode has no keyworker now." : `${chosen?.label ?? "The chosen member of staff"} is now the keyworker.`));
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <p>Keyworker now: {episode.keyworker ? episode.keyworker.name : "none (unallocated)"}.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Select
          formId={FORM_ID}
          name="keyworkerId"
          label="New keyworker"
          hint={`Active practitioners and team leads of ${episode.team.name}.`}
          options={options}
          value={choice}
          error={errors.keyworkerId}
          onChange={setChoice}
        />
        <Button type="submit" busy={fetching}>
          Save keyworker
        </Button>
      </form>
    </>
  );
}

/** /episodes/:episodeId/keyworker — a team lead allocates the episode to a keyworker of its team. */
export function ReassignKeyworkerPage() {
  const { episodeId = "" } = useParams();
  const { staff } = useSession();
  const teamLead = hasRole(staff, "TEAM_LEAD");
  const [{ data, fetching, error }, reload] = useQuery({ query: EPISODE_FOR_KEYWORKER, variables: { id: episodeId }, requestPolicy: "network-only" });
  if (fetching && !data) return <LoadingRecord />;
  if (error && !data) return <RecordLoadFailed retry={() => reload()} />;
  const episode = data?.episode;
  if (!episode) return <RecordNotFound what="episode" />;
  return (
    <div className="record-form">
      <EpisodeFormHeading episode={episode} title="Change keyworker" />
      {!isOpen(episode) ? (
        <>
          <p className="inset">This episode has ended, so its keyworker can no longer be changed.</p>
          <Link to={personRecordPath(episode.serviceUser)}>Back to the person's record</Link>
        </>
      ) : teamLead ? (
        <KeyworkerForm episode={episode} />
      ) : (
        <>
          <p className="inset">Only a team lead can allocate a keyworker. Ask your team lead to change it.</p>
          <Link to={personRecordPath(episode.serviceUser)}>Back to the person's record</Link>
        </>
      )}
    </div>
  );
}
