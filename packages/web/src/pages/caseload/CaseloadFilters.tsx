import { EPISODE_STATUSES, type EpisodeStatus } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Details } from "../../components/Details.js";
import { ChoiceGroup } from "../../components/Field.js";
import { CASELOAD_FLAGS, type CaseloadFlag } from "./caseloadFlags.js";

/** The caseload holds open episodes only, so only the open statuses can be filtered on. */
export const OPEN_STATUSES: readonly EpisodeStatus[] = ["REFERRED", "TRIAGED", "ASSESSED", "IN_TREATMENT"];

export interface CaseloadFilterChoice {
  readonly flags: readonly CaseloadFlag[];
  readonly statuses: readonly EpisodeStatus[];
}

/**
 * Filters on flags and status, applied with a button rather than on every tick, so a screen-reader user is
 * not interrupted by the table reloading while choosing. Disclosed in a details element to keep the table high.
 */
export function CaseloadFilters({ applied, onApply }: { applied: CaseloadFilterChoice; onApply: (choice: CaseloadFilterChoice) => void }) {
  const [flags, setFlags] = useState<readonly string[]>(applied.flags);
  const [statuses, setStatuses] = useState<readonly string[]>(applied.statuses);
  const appliedCount = applied.flags.length + applied.statuses.length;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ flags: flags as CaseloadFlag[], statuses: statuses as EpisodeStatus[] });
  };
  const clear = () => {
    setFlags([]);
    setStatuses([]);
    onApply({ flags: [], statuses: [] });
  };
  return (
    <Details summary={`Filter by flag or status${appliedCount > 0 ? ` (${appliedCount} applied)` : ""}`} open={appliedCount > 0}>
      <form onSubmit={apply} aria-label="Filter the caseload">
        <div className="caseload__filter-groups">
          <ChoiceGroup
            formId="caseload-filter"
            name="flags"
            label="Flags"
            hint="Show people with any of these flags."
            type="checkbox"
            options={CASELOAD_FLAGS.map((info) => ({ value: info.flag, label: info.label }))}
            selected={flags}
            onChange={setFlags}
          />
          <ChoiceGroup
            formId="caseload-filter"
            name="status"
            label="Status"
            hint="Show episodes at any of these stages."
            type="checkbox"
            options={OPEN_STATUSES.map((status) => ({ value: status, label: EPISODE_STATUSES.labelOf(status) }))}
            selected={statuses}
            onChange={setStatuses}
          />
        </div>
        <button type="submit" className="button button--secondary">
          Apply filters
        </button>
        {appliedCount > 0 && (
          <button type="button" className="button button--secondary" onClick={clear}>
            Clear filters
          </button>
        )}
      </form>
    </Details>
  );
}
