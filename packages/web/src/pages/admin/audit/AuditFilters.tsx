import { AUDIT_ACTIONS, isIsoDate, type AuditAction } from "@waymark/core";
import { useEffect, useState, type FormEvent } from "react";
import { useClient } from "urql";
import { Button } from "../../../components/Button.js";
import { DateInput } from "../../../components/DateInput.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Select } from "../../../components/Field.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { AUDITED_RECORD_TYPES } from "./auditQueries.js";

const FORM_ID = "audit-filter";
/** The actor choice for events with no known actor, such as a failed sign-in with an unknown email. */
export const UNKNOWN_ACTOR = "unknown";

export interface AuditFilterDraft {
  readonly actorId: string;
  readonly action: AuditAction | "";
  readonly recordType: string;
  readonly fromDate: string | null;
  readonly toDate: string | null;
}

export const NO_AUDIT_FILTER: AuditFilterDraft = { actorId: "", action: "", recordType: "", fromDate: null, toDate: null };

const ACTORS_QUERY = `query AuditActors($after: String) { staff(first: 100, after: $after, orderBy: [{ field: NAME }]) { pageInfo { hasNextPage endCursor } edges { node { id name active } } } }`;

interface ActorsPage {
  staff: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; name: string; active: boolean } }[] };
}

/** Every account for the "who" choice, disabled ones included since the trail outlives them, following every page. */
function useActors(): { value: string; label: string }[] {
  const client = useClient();
  const [actors, setActors] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const found: { value: string; label: string }[] = [];
      let after: string | null = null;
      for (;;) {
        const page: ActorsPage["staff"] | undefined = (await client.query<ActorsPage>(ACTORS_QUERY, { after }).toPromise()).data?.staff;
        if (!page) break;
        found.push(...page.edges.map(({ node }) => ({ value: node.id, label: node.active ? node.name : `${node.name} (disabled)` })));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      if (!cancelled) setActors(found);
    })();
    return () => {
      cancelled = true;
    };
  }, [client]);
  return actors;
}

/** The first moment of a UK calendar day, as the API's DateTime. */
export function startOfDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

/** Filters on the audit trail: who, what action, which kind of record, and a range of days (both days included). */
export function AuditFilters({ applied, onApply }: { applied: AuditFilterDraft; onApply: (filter: AuditFilterDraft) => void }) {
  const [draft, setDraft] = useState(applied);
  const [errors, setErrors] = useState<FieldErrors>({});
  const actors = useActors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (draft.fromDate !== null && !isIsoDate(draft.fromDate)) found.fromDate = "Enter the first day as a real date, for example 27 3 2025.";
    if (draft.toDate !== null && !isIsoDate(draft.toDate)) found.toDate = "Enter the last day as a real date, for example 27 3 2025.";
    if (!found.fromDate && !found.toDate && draft.fromDate && draft.toDate && draft.fromDate > draft.toDate) found.toDate = "The last day must be the same as or after the first day.";
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(draft);
  };

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the audit log" noValidate>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <div className="toolbar">
        <Select
          formId={FORM_ID}
          name="actor"
          label="Who"
          placeholder="Anyone"
          options={[...actors, { value: UNKNOWN_ACTOR, label: "Unknown (for example a failed sign-in)" }]}
          value={draft.actorId}
          onChange={(actorId) => setDraft({ ...draft, actorId })}
        />
        <Select
          formId={FORM_ID}
          name="action"
          label="Action"
          placeholder="Any action"
          options={AUDIT_ACTIONS.entries.map((entry) => ({ value: entry.code, label: entry.label }))}
          value={draft.action}
          onChange={(action) => setDraft({ ...draft, action: action as AuditAction | "" })}
        />
        <Select formId={FORM_ID} name="recordType" label="Record" placeholder="Any record" options={AUDITED_RECORD_TYPES} value={draft.recordType} onChange={(recordType) => setDraft({ ...draft, recordType })} />
      </div>
      <div className="toolbar">
        <DateInput formId={FORM_ID} name="fromDate" label="From" hint="The first day, for example 27 3 2025." value={draft.fromDate} error={errors.fromDate} onChange={(fromDate) => setDraft({ ...draft, fromDate })} />
        <DateInput formId={FORM_ID} name="toDate" label="To" hint="The last day, included." value={draft.toDate} error={errors.toDate} onChange={(toDate) => setDraft({ ...draft, toDate })} />
        <Button type="submit" variant="secondary">
          Filter events
        </Button>
      </div>
    </form>
  );
}
