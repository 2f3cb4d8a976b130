import type { IsoDate, KpiBreakdown, Role } from "@waymark/core";
import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { hasRole, isTeamLead } from "../../auth/viewer.js";
import { checkedKpiFilter, checkedKpiPeriod } from "../../kpis/kpiInputs.js";
import { kpiReport } from "../../kpis/kpiReport.js";
import { kpiReportView } from "../../kpis/reportView.js";
import type { RequestContext } from "../context.js";
import { requireViewer } from "../mutations.js";
import { DateScalar } from "../scalars.js";
import { KpiBreakdownEnum, KpiFilterInput, KpiPeriodInput, KpiReport } from "../types/kpis.js";

@Resolver(() => KpiReport)
export class KpiResolver {
  @Authorized<Role>("ANALYST", "TEAM_LEAD")
  @Query(() => KpiReport, {
    description:
      "The performance indicators K-1..K-14 (DOMAIN §7) for a period, optionally broken down and filtered. Analysts see the whole provider with " +
      'small counts hidden ("<5"); team leads see their own teams in full. Other roles are refused (FORBIDDEN).',
  })
  async kpis(
    @Arg("period", () => KpiPeriodInput, { description: "The period reported on, both days included; at most five years." }) period: KpiPeriodInput,
    @Arg("breakdown", () => KpiBreakdownEnum, { nullable: true, description: "Split every indicator's `groups` by this dimension." })
    breakdown: KpiBreakdown | null | undefined,
    @Arg("filter", () => KpiFilterInput, { nullable: true, description: "Count only the episodes that match." }) filter: KpiFilterInput | null | undefined,
    @Arg("asOf", () => DateScalar, {
      nullable: true,
      description: "The day the schedule-based and snapshot indicators are read as of (default the period's last day); not before the period starts.",
    })
    asOf: IsoDate | null | undefined,
    @Ctx() context: RequestContext,
  ): Promise<KpiReport> {
    const viewer = requireViewer(context);
    // An analyst's view is the whole provider, suppressed; a team lead's is their own teams, in full.
    const asAnalyst = hasRole(viewer, "ANALYST");
    const limitToOwnTeams = !asAnalyst && isTeamLead(viewer);
    const checked = checkedKpiPeriod(period, asOf);
    const { read: db, tables: t } = context.database;
    const checkedFilter = await checkedKpiFilter(db, t, filter, viewer, limitToOwnTeams);
    const report = await kpiReport(context.database, { ...checked, breakdown: breakdown ?? null, filter: checkedFilter });
    return kpiReportView(report, { suppress: asAnalyst, teamIds: limitToOwnTeams ? (checkedFilter.teamIds ?? []) : null });
  }
}
