import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useQuery, type CombinedError, type UseQueryState } from "urql";
import { displayDate } from "../../components/formatting.js";
import { serviceToday } from "../../components/serviceToday.js";
import { hasRole, useSession } from "../../session/SessionContext.js";
import { IndicatorFilters } from "./IndicatorFilters.js";
import { IndicatorSection } from "./IndicatorSection.js";
import { IndicatorTiles } from "./IndicatorTiles.js";
import { indicatorPanels } from "./indicatorPanels.js";
import { BREAKDOWNS, indicatorViewOf, paramsOf, quickPeriodOf, type IndicatorView } from "./indicatorView.js";
import { KPIS, TEAMS, type KpiReport, type KpisVariables } from "./kpisQuery.js";
import "../../components/lists.css";
import "./indicators.css";

/** The roles the indicators are for (DOMAIN §1); the API refuses everyone else anyway. */
export const canSeeIndicators = (staff: Parameters<typeof hasRole>[0]) => hasRole(staff, "ANALYST") || hasRole(staff, "TEAM_LEAD");

/** The server's refusals of the filter, by the field it names, so they sit beside the box that caused them. */
function refusalsOf(error: CombinedError | undefined): Record<string, string> {
  const refusals: Record<string, string> = {};
  for (const problem of error?.graphQLErrors ?? []) {
    const field = problem.extensions.field;
    if (problem.extensions.code === "BAD_USER_INPUT" && typeof field === "string") refusals[field] ??= problem.message;
  }
  return refusals;
}

/** The figures for one view, with a loading state while they are worked out and a way to try again after a failure. */
function IndicatorResults({ view, teamName, result, retry }: { view: IndicatorView; teamName: string; result: UseQueryState<{ kpis: KpiReport }, KpisVariables>; retry: () => void }) {
  const breakdownLabel = BREAKDOWNS.find((choice) => choice.value === view.breakdown)?.label ?? null;
  const report = result.data?.kpis;
  const panels = useMemo(() => (report ? indicatorPanels(report, breakdownLabel) : []), [report, breakdownLabel]);
  // Figures from the previous choice are not left on screen while the new ones are worked out.
  if (result.fetching) return <p aria-live="polite">Loading the indicators…</p>;
  if (!report) {
    if (Object.keys(refusalsOf(result.error)).length > 0) return null;
    return (
      <div className="narrow" role="alert">
        <h2>Sorry, the indicators could not be worked out</h2>
        <p>Nothing has been changed. Try again, or choose a shorter period.</p>
        <button type="button" className="button button--secondary" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <>
      <div className="indicator-scope" aria-live="polite">
        <p>
          {displayDate(report.period.from)} to {displayDate(report.period.to)}, {teamName}. Counts at a point in time are as of {displayDate(report.asOf)}.
        </p>
        {report.suppressed && <p>To protect people&apos;s privacy, counts from 1 to 4 are shown as “&lt;5”, and figures that would reveal them as “SUPPRESSED”.</p>}
      </div>
      <IndicatorTiles panels={panels} />
      {panels.map((panel) => (
        <IndicatorSection key={panel.about.id} panel={panel} />
      ))}
    </>
  );
}

/**
 * The indicators dashboard (DOMAIN §7, K-1..K-14) for analysts (the whole provider, small counts hidden) and
 * team leads (their own teams in full): a period, team and breakdown chosen in the address, a tile per
 * indicator, and a chart with a table for each breakdown.
 */
export function IndicatorsPage() {
  const { staff } = useSession();
  const isAnalyst = hasRole(staff, "ANALYST");
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => serviceToday(), []);
  const view = useMemo(() => indicatorViewOf(params, today), [params, today]);
  const [teamsResult] = useQuery({ query: TEAMS, variables: {}, pause: !isAnalyst });
  const [result, reexecute] = useQuery({
    query: KPIS,
    variables: { period: { from: view.from, to: view.to }, breakdown: view.breakdown, filter: view.teamId ? { teamIds: [view.teamId] } : null },
    pause: !canSeeIndicators(staff),
  });

  if (!staff || !canSeeIndicators(staff)) {
    return (
      <div className="narrow">
        <h1>You do not have access to this page</h1>
        <p>The indicators are for analysts and team leads. Ask an admin if your role should include them.</p>
      </div>
    );
  }
  // Analysts see the whole provider; a team lead only their own teams, so only those are offered.
  const teams = isAnalyst ? (teamsResult.data?.teams ?? []) : staff.teams;
  const allTeamsLabel = isAnalyst ? "Every team" : "All my teams";
  const teamName = view.teamId ? (teams.find((team) => team.id === view.teamId)?.name ?? "the chosen team") : allTeamsLabel.toLowerCase();
  const period = quickPeriodOf(view, today);
  return (
    <>
      <h1>Indicators</h1>
      <p className="indicator-lede">{period ? `${period.label}: ` : ""}how the service is doing against the indicators everyone reports on.</p>
      <IndicatorFilters view={view} today={today} teams={teams} allTeamsLabel={allTeamsLabel} serverErrors={refusalsOf(result.error)} onApply={(next) => setParams(paramsOf(next))} />
      <IndicatorResults view={view} teamName={teamName} result={result} retry={() => reexecute({ requestPolicy: "network-only" })} />
    </>
  );
}
