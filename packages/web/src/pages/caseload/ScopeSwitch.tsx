import { ChoiceGroup } from "../../components/Field.js";
import type { CaseloadScope } from "./caseloadQuery.js";

/** "My caseload" or "My team": whose open episodes the table lists. */
export function ScopeSwitch({ scope, teamLead, onChange }: { scope: CaseloadScope; teamLead: boolean; onChange: (scope: CaseloadScope) => void }) {
  return (
    <ChoiceGroup
      formId="caseload"
      name="scope"
      label="Whose caseload"
      hint={teamLead ? "My team lists every open episode in your teams." : "My team adds your teams' referrals that have no keyworker yet."}
      type="radio"
      inline
      options={[
        { value: "MINE", label: "My caseload" },
        { value: "TEAM", label: "My team" },
      ]}
      selected={[scope]}
      onChange={([value]) => onChange(value === "TEAM" ? "TEAM" : "MINE")}
    />
  );
}
