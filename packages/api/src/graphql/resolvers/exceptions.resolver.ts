import { addDays, EXCEPTION_KINDS, type Role } from "@waymark/core";
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { DEFAULT_DISCHARGE_LOOKBACK_DAYS, exceptionReportPage } from "../../services/exceptionsReport.js";
import { loadCatalogue, loadServiceSettings } from "../../services/referenceData.js";
import type { RequestContext } from "../context.js";
import { requireViewer } from "../mutations.js";
import { mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import { ExceptionReportEntry, ExceptionReportEntryConnection, ExceptionsArgs } from "../types/exceptions.js";
import { StaffMember, Team } from "../types/organisation.js";
import { keyworkerOf, teamOf } from "../episodeOwners.js";
import { auditPeopleShown, localIdArgument } from "./workingListFields.js";

@Resolver(() => ExceptionReportEntry)
export class ExceptionsResolver {
  @Authorized<Role>("PRACTITIONER", "TEAM_LEAD")
  @Query(() => ExceptionReportEntryConnection, {
    description:
      "The exceptions report (R-EXC-1) for the episodes in your scope: overdue reviews, missing TOPs, safeguarding without a home visit, " +
      "DNA follow-ups not done, disengaging episodes and open episodes with no keyworker. Ordered by kind, then oldest first.",
  })
  async exceptions(@Args(() => ExceptionsArgs) args: ExceptionsArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<ExceptionReportEntry>> {
    const viewer = requireViewer(context);
    const first = pageSizeOf(args.first);
    const { read: db, tables: t } = context.database;
    const [catalogue, settings] = await Promise.all([loadCatalogue(db, t), loadServiceSettings(db, t)]);
    const page = await exceptionReportPage(
      db,
      t,
      {
        viewer,
        now: context.clock.now(),
        today: context.today,
        teamId: localIdArgument(args.teamId, "Team", "teamId"),
        kinds: args.kinds ?? EXCEPTION_KINDS,
        dischargedSince: args.dischargedSince ?? addDays(context.today, -DEFAULT_DISCHARGE_LOOKBACK_DAYS),
        catalogue,
        settings,
      },
      first,
      args.after,
    );
    auditPeopleShown(context, page.edges.map((edge) => edge.node.personRow.id));
    return mapNodes(page, (row) => ExceptionReportEntry.of(row));
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "The episode's keyworker; null when none is allocated." })
  keyworker(@Root() entry: ExceptionReportEntry, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return keyworkerOf(entry.keyworkerLocalId, context);
  }

  @FieldResolver(() => Team, { description: "The team the episode belongs to." })
  team(@Root() entry: ExceptionReportEntry, @Ctx() context: RequestContext): Team | Promise<Team> {
    return teamOf(entry.teamLocalId, context);
  }
}
