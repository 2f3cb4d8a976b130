import { useEffect, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { Button } from "../../components/Button.js";
import { Select } from "../../components/Field.js";
import { hasRole, isClinician, useSession } from "../../session/SessionContext.js";
import { EXCEPTION_GUIDES, sectionIdOf } from "./exceptionKinds.js";
import { ALIAS_OF, EXCEPTIONS_REPORT, LINES_PER_PAGE } from "./exceptionsQuery.js";
import { ExceptionSection } from "./ExceptionSection.js";
import "../../components/lists.css";

/** Chooses one of the person's teams, or all of them; shown only to people in more than one team. */
function TeamFilter({ teams, teamId, onApply }: { teams: readonly { id: string; name: string }[]; teamId: string | null; onApply: (teamId: string | null) => void }) {
  const [draft, setDraft] = useState(teamId ?? "");
  useEffect(() => setDraft(teamId ?? ""), [teamId]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft || null);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the exceptions">
      <div className="toolbar">
        <Select formId="exceptions-filter" name="team" label="Team" value={draft} placeholder="All my teams" options={teams.map((team) => ({ value: team.id, label: team.name }))} onChange={setDraft} />
        <Button type="submit" variant="secondary">
          Show exceptions
        </Button>
      </div>
    </form>
  );
}

/**
 * The exceptions report (R-EXC-1): everything in the episodes a person can see that breaks a schedule or needs
 * attention, grouped by kind with a count each, every line with a link to the form that puts it right.
 */
export function ExceptionsPage() {
  const { staff } = useSession();
  const [params, setParams] = useSearchParams();
  const teamId = params.get("team") || null;
  const [result] = useQuery({ query: EXCEPTIONS_REPORT, variables: { teamId, first: LINES_PER_PAGE }, pause: !isClinician(staff) });

  if (!staff || !isClinician(staff)) {
    return (
      <div className="narrow">
        <h1>Exceptions</h1>
        <p>The exceptions report is for keyworkers and team leads. Your account does not have either role.</p>
      </div>
    );
  }
  const report = result.data;
  const total = report ? EXCEPTION_GUIDES.reduce((sum, guide) => sum + (report[ALIAS_OF[guide.kind]]?.totalCount ?? 0), 0) : 0;
  return (
    <>
      <h1>Exceptions</h1>
      <p className="lead">Records that have missed a schedule or need someone to act, in the episodes you can see. Oldest first within each kind.</p>
      {staff.teams.length > 1 && <TeamFilter teams={staff.teams} teamId={teamId} onApply={(team) => setParams(team ? { team } : {})} />}
      {!report ? (
        result.error ? <p className="error-message">The exceptions report could not be loaded. Refresh the page to try again.</p> : <p aria-live="polite">Loading the exceptions report…</p>
      ) : (
        <>
          <p aria-live="polite">
            <strong>{total === 0 ? "Nothing needs attention." : `${total} ${total === 1 ? "line needs" : "lines need"} attention.`}</strong>
          </p>
          <nav aria-label="Exceptions by kind">
            <ul className="contents-list">
              {EXCEPTION_GUIDES.map((guide) => (
                <li key={guide.kind}>
                  <a href={`#${sectionIdOf(guide.kind)}`}>{guide.heading}</a>: {report[ALIAS_OF[guide.kind]]?.totalCount ?? 0}
                </li>
              ))}
            </ul>
          </nav>
          {EXCEPTION_GUIDES.map((guide) => {
            const firstPage = report[ALIAS_OF[guide.kind]];
            return firstPage ? <ExceptionSection key={`${guide.kind}-${teamId ?? "all"}`} guide={guide} firstPage={firstPage} teamId={teamId} isTeamLead={hasRole(staff, "TEAM_LEAD")} /> : null;
          })}
        </>
      )}
    </>
  );
}
