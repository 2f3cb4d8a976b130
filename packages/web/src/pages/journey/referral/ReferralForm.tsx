import {
  checkReferral,
  INPUT_CODES,
  REFERRAL_SOURCES,
  REFERRAL_URGENCIES,
  RULE_CODES,
  violationsOf,
  type ReferralSource,
  type ReferralUrgency,
  type Role,
  type Violation,
} from "@waymark/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Button } from "../../../components/Button.js";
import { DateInput } from "../../../components/DateInput.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { ChoiceGroup, Select, TextArea, TextInput } from "../../../components/Field.js";
import { useUnsavedChangesGuard } from "../../../components/useUnsavedChangesGuard.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { hasRole, useSession } from "../../../session/SessionContext.js";
import { personName } from "../../../components/personName.js";
import type { JourneyPerson } from "../shared/episodeContext.js";
import { placeErrors } from "../shared/placeErrors.js";
import { saveFailureMessage } from "../shared/saveFailure.js";
import { serviceToday } from "../../../components/serviceToday.js";
import { useDraft } from "../shared/useDraft.js";
import { useTeamClinicians } from "../shared/useTeamClinicians.js";
import { ageOutsideBand } from "./ageBand.js";
import { AgeBandOverrideFields } from "./AgeBandOverrideFields.js";
import { RECEIVE_REFERRAL, type ReceivedReferral, type ReceiveReferralInput, type ReceiveReferralResult, type ReferralTeam } from "./referralDocuments.js";

const FORM_ID = "referral";

interface ReferralDraft {
  readonly teamId: string;
  readonly receivedDate: string | null;
  readonly source: ReferralSource | "";
  readonly referrer: string;
  readonly reason: string;
  readonly urgency: ReferralUrgency;
  readonly keyworkerId: string;
  readonly overriding: boolean;
  readonly overrideReason: string;
}

/**
 * Receives a referral for a person, opening their episode (receiveReferral). Core's checkReferral runs first
 * so a missing source or reason, or an impossible date, is named before anything is sent. Whether the team
 * serves the person's age (R-ELIG-1) is left to the server, which knows who may override it: the form only
 * warns early and, for a team lead of that team, offers the override with its reason.
 */
export function ReferralForm({ person, teams, onSaved }: { person: JourneyPerson; teams: readonly ReferralTeam[]; onSaved: (episode: ReceivedReferral | null) => void }) {
  const { staff } = useSession();
  const myTeams = staff?.teams ?? [];
  const { draft, update, dirty } = useDraft<ReferralDraft>(() => ({
    teamId: myTeams.length === 1 ? (myTeams[0]?.id ?? "") : "",
    receivedDate: serviceToday(),
    source: "",
    referrer: "",
    reason: "",
    urgency: "ROUTINE",
    keyworkerId: "",
    overriding: false,
    overrideReason: "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, receiveReferral] = useMutation<ReceiveReferralResult, { input: ReceiveReferralInput }>(RECEIVE_REFERRAL);
  useUnsavedChangesGuard(dirty);

  const team = teams.find((candidate) => candidate.id === draft.teamId);
  const inMyTeam = myTeams.some((mine) => mine.id === draft.teamId);
  const { clinicians } = useTeamClinicians(inMyTeam ? draft.teamId : null);
  const canOverride = inMyTeam && hasRole(staff, "TEAM_LEAD");
  const outsideAge = ageOutsideBand(team, person.dateOfBirth, draft.receivedDate);
  const overriding = canOverride && outsideAge !== null && draft.overriding;
  const name = personName(person);

  const clientViolations = (): Violation[] => {
    const found: Violation[] = team ? [] : [{ code: INPUT_CODES.required, field: "teamId", message: "Choose the team the referral is for." }];
    const referral = { receivedDate: draft.receivedDate ?? "", source: draft.source as ReferralSource, referrer: draft.referrer.trim() || null, reason: draft.reason, urgency: draft.urgency };
    const checked = checkReferral(referral, {
      team: team ?? { name: "", minAge: null, maxAge: null },
      dateOfBirth: person.dateOfBirth,
      episodesOfPerson: [],
      ageBandOverride: overriding ? { reason: draft.overrideReason, requestedByRoles: (staff?.roles ?? []) as readonly Role[] } : null,
      today: serviceToday(),
    });
    // The age band itself is the server's to judge (R-ELIG-1): it shows its own explanation on the team.
    return [...found, ...violationsOf(checked).filter((violation) => !(violation.code === RULE_CODES["R-ELIG-1"] && violation.field === "teamId"))];
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = clientViolations();
    if (found.length > 0) {
      setErrors(placeErrors(FORM_ID, found));
      return;
    }
    const result = await receiveReferral({
      input: {
        serviceUserId: person.id,
        teamId: draft.teamId,
        keyworkerId: draft.keyworkerId || null,
        referral: { receivedDate: draft.receivedDate ?? "", source: draft.source as ReferralSource, referrer: draft.referrer.trim() || null, reason: draft.reason.trim(), urgency: draft.urgency },
        ageBandOverride: overriding ? { reason: draft.overrideReason.trim() } : null,
      },
    });
    const payload = result.data?.receiveReferral;
    if (result.error || !payload) {
      setErrors({ "": result.error ? saveFailureMessage(result.error) : "Nothing was saved. Try again." });
      return;
    }
    if (payload.userErrors.length > 0) {
      setErrors(placeErrors(FORM_ID, payload.userErrors));
      return;
    }
    onSaved(payload.episode);
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate className="narrow">
        <Select
          formId={FORM_ID}
          name="teamId"
          label="Team"
          hint="The team (service) that will work with the person. Each team serves an age band."
          error={errors.teamId}
          value={draft.teamId}
          options={teams.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          onChange={(teamId) => update((current) => ({ ...current, teamId, keyworkerId: "", overriding: false }))}
        />
        {team && outsideAge !== null && (
          <AgeBandOverrideFields
            formId={FORM_ID}
            personName={name}
            age={outsideAge}
            team={team}
            canOverride={canOverride}
            overriding={draft.overriding}
            reason={draft.overrideReason}
            onOverridingChange={(accept) => update((current) => ({ ...current, overriding: accept }))}
            onReasonChange={(overrideReason) => update((current) => ({ ...current, overrideReason }))}
            errors={errors}
          />
        )}
        <DateInput
          formId={FORM_ID}
          name="referral.receivedDate"
          label="Date the referral was received"
          error={errors["referral.receivedDate"]}
          value={draft.receivedDate}
          onChange={(receivedDate) => update((current) => ({ ...current, receivedDate }))}
        />
        <Select
          formId={FORM_ID}
          name="referral.source"
          label="Where the referral came from"
          error={errors["referral.source"]}
          value={draft.source}
          options={REFERRAL_SOURCES.entries.map((entry) => ({ value: entry.code, label: entry.label }))}
          onChange={(source) => update((current) => ({ ...current, source: source as ReferralSource | "" }))}
        />
        <TextInput
          formId={FORM_ID}
          name="referral.referrer"
          label="Who made the referral (optional)"
          hint="Their name and organisation, for example Dr Patel, Shirley Health Centre."
          error={errors["referral.referrer"]}
          value={draft.referrer}
          onChange={(referrer) => update((current) => ({ ...current, referrer }))}
        />
        <TextArea
          formId={FORM_ID}
          name="referral.reason"
          label="Reason for the referral"
          error={errors["referral.reason"]}
          value={draft.reason}
          onChange={(reason) => update((current) => ({ ...current, reason }))}
        />
        <ChoiceGroup
          formId={FORM_ID}
          name="referral.urgency"
          label="How urgently does the referral need a response?"
          error={errors["referral.urgency"]}
          type="radio"
          inline
          options={REFERRAL_URGENCIES.entries.map((entry) => ({ value: entry.code, label: entry.label }))}
          selected={[draft.urgency]}
          onChange={([urgency]) => update((current) => ({ ...current, urgency: (urgency as ReferralUrgency | undefined) ?? "ROUTINE" }))}
        />
        <Select
          formId={FORM_ID}
          name="keyworkerId"
          label="Keyworker (optional)"
          hint={inMyTeam || !team ? "Leave as not allocated for a team lead to allocate later." : `You can allocate only within your own teams. A team lead of ${team.name} will allocate a keyworker.`}
          error={errors.keyworkerId}
          value={draft.keyworkerId}
          placeholder="Not allocated yet"
          options={clinicians.map((clinician) => ({ value: clinician.id, label: clinician.id === staff?.id ? `${clinician.name} (you)` : clinician.name }))}
          onChange={(keyworkerId) => update((current) => ({ ...current, keyworkerId }))}
        />
        <div className="form-actions">
          <Button type="submit" busy={fetching}>
            Save referral
          </Button>
        </div>
      </form>
    </>
  );
}
