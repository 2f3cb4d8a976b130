import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { serviceToday } from "../../components/serviceToday.js";
import { hasRole, isClinician, useSession } from "../../session/SessionContext.js";
import { ScheduleFilters } from "./ScheduleFilters.js";
import { ScheduleResults } from "./ScheduleResults.js";
import { paramsOf, scheduleViewOf } from "./scheduleView.js";
import "../../components/lists.css";
import "./reviews.css";

/**
 * The review schedule (R-REV-2): which recovery-plan reviews are overdue, due this week and coming up, for a
 * keyworker or, for a team lead, a team and any of its keyworkers; each row leads to the review form.
 */
export function ReviewSchedulePage() {
  const { staff } = useSession();
  const isTeamLead = hasRole(staff, "TEAM_LEAD");
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => scheduleViewOf(params, isTeamLead), [params, isTeamLead]);
  const today = useMemo(() => serviceToday(), []);

  if (!staff || !isClinician(staff)) {
    return (
      <div className="narrow">
        <h1>Review schedule</h1>
        <p>The review schedule is for keyworkers and team leads. Your account does not have either role.</p>
      </div>
    );
  }
  return (
    <>
      <h1>Review schedule</h1>
      <ScheduleFilters view={view} staff={staff} isTeamLead={isTeamLead} onApply={(next) => setParams(paramsOf(next))} />
      <ScheduleResults key={paramsOf(view).toString()} view={view} today={today} />
    </>
  );
}
