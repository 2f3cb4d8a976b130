import { useEffect, useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { Button } from "../../components/Button.js";
import { ChoiceGroup, Select } from "../../components/Field.js";
import type { SignedInStaff } from "../../session/SessionContext.js";
import { TEAM_KEYWORKERS } from "./reviewScheduleQuery.js";
import { WEEKS_AHEAD_CHOICES, type ScheduleView } from "./scheduleView.js";

const FORM_ID = "schedule-filters";

/**
 * Chooses whose reviews the schedule shows and how far ahead. Team leads pick their own or a team's, then a
 * team and a keyworker; practitioners only choose the window. Nothing changes until "Show reviews" is pressed,
 * so a screen-reader user moving through the choices is not surprised by the page reloading under them.
 */
export function ScheduleFilters({ view, staff, isTeamLead, onApply }: { view: ScheduleView; staff: SignedInStaff; isTeamLead: boolean; onApply: (view: ScheduleView) => void }) {
  const [draft, setDraft] = useState(view);
  useEffect(() => setDraft(view), [view]);
  const teamIds = draft.teamId ? [draft.teamId] : staff.teams.map((team) => team.id);
  const [keyworkers] = useQuery({ query: TEAM_KEYWORKERS, variables: { teamIds }, pause: !isTeamLead || draft.scope !== "TEAM" });
  const keyworkerOptions = (keyworkers.data?.staff.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const keyworkerStillListed = draft.keyworkerId === null || keyworkerOptions.some((option) => option.value === draft.keyworkerId);
    onApply(draft.scope === "MINE" ? { ...draft, teamId: null, keyworkerId: null } : { ...draft, keyworkerId: keyworkerStillListed ? draft.keyworkerId : null });
  };

  return (
    <form className="filters" onSubmit={submit} aria-label="Choose which reviews to show">
      <div className="toolbar">
        {isTeamLead && (
          <ChoiceGroup
            formId={FORM_ID}
            name="scope"
            label="Whose reviews"
            type="radio"
            inline
            options={[
              { value: "TEAM", label: "My teams'" },
              { value: "MINE", label: "My own" },
            ]}
            selected={[draft.scope]}
            onChange={([scope]) => setDraft({ ...draft, scope: scope === "MINE" ? "MINE" : "TEAM" })}
          />
        )}
        {isTeamLead && draft.scope === "TEAM" && staff.teams.length > 1 && (
          <Select
            formId={FORM_ID}
            name="team"
            label="Team"
            value={draft.teamId ?? ""}
            placeholder="All my teams"
            options={staff.teams.map((team) => ({ value: team.id, label: team.name }))}
            onChange={(teamId) => setDraft({ ...draft, teamId: teamId || null, keyworkerId: null })}
          />
        )}
        {isTeamLead && draft.scope === "TEAM" && (
          <Select
            formId={FORM_ID}
            name="keyworker"
            label="Keyworker"
            value={draft.keyworkerId ?? ""}
            placeholder="Every keyworker"
            options={keyworkerOptions}
            onChange={(keyworkerId) => setDraft({ ...draft, keyworkerId: keyworkerId || null })}
          />
        )}
        <ChoiceGroup
          formId={FORM_ID}
          name="weeks"
          label="Look ahead"
          type="radio"
          inline
          options={WEEKS_AHEAD_CHOICES.map((weeks) => ({ value: String(weeks), label: `${weeks} weeks` }))}
          selected={[String(draft.weeksAhead)]}
          onChange={([weeks]) => setDraft({ ...draft, weeksAhead: Number(weeks) || draft.weeksAhead })}
        />
        <Button type="submit" variant="secondary">
          Show reviews
        </Button>
      </div>
    </form>
  );
}
