import type { Role } from "@waymark/core";
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { queryCaseload } from "../../services/caseloadQuery.js";
import { MAX_CASELOAD_ORDERINGS } from "../../services/caseloadOrder.js";
import { loadServiceSettings } from "../../services/referenceData.js";
import type { RequestContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { requireViewer } from "../mutations.js";
import { pageSizeOf, type ConnectionShape } from "../relay.js";
import { CaseloadArgs, CaseloadEntry, CaseloadEntryConnection } from "../types/caseload.js";
import { StaffMember, Team } from "../types/organisation.js";
import { auditPeopleShown, keyworkerOf, localIdArgument, teamOf } from "./workingListFields.js";

@Resolver(() => CaseloadEntry)
export class CaseloadResolver {
  @Authorized<Role>("PRACTITIONER", "TEAM_LEAD")
  @Query(() => CaseloadEntryConnection, {
    description:
      "Open episodes on your caseload (MINE) or your team's (TEAM), with the flags each carries today and the next review due. " +
      "Filtered, searched, sorted and paged on the server.",
  })
  async caseload(@Args(() => CaseloadArgs) args: CaseloadArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<CaseloadEntry>> {
    const viewer = requireViewer(context);
    const first = pageSizeOf(args.first);
    const orderBy = args.orderBy ?? [];
    if (orderBy.length > MAX_CASELOAD_ORDERINGS) throw badUserInput("orderBy", `Sort by at most ${MAX_CASELOAD_ORDERINGS} orderings.`);
    const { read: db, tables: t } = context.database;
    const settings = await loadServiceSettings(db, t);
    const page = await queryCaseload(db, t, {
      viewer,
      now: context.clock.now(),
      today: context.today,
      settings,
      scope: args.scope,
      teamId: localIdArgument(args.teamId, "Team", "teamId"),
      filter: args.filter,
      search: args.search,
      orderBy,
      first,
      after: args.after,
    });
    auditPeopleShown(context, page.edges.map((edge) => edge.node.person.id));
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: CaseloadEntry.of(edge.node, context.today) })) };
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "The keyworker; null when none is allocated." })
  keyworker(@Root() entry: CaseloadEntry, @Ctx() context: RequestContext): Promise<StaffMember | null> {
    return keyworkerOf(entry.keyworkerLocalId, context);
  }

  @FieldResolver(() => Team, { description: "The team the episode belongs to." })
  team(@Root() entry: CaseloadEntry, @Ctx() context: RequestContext): Promise<Team> {
    return teamOf(entry.teamLocalId, context);
  }
}
