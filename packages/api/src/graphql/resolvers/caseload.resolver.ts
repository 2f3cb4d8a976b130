import type { Role } from "@waymark/core";
import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { queryCaseload } from "../../services/caseloadQuery.js";
import type { RowColumns } from "../../services/summaryColumns.js";
import { MAX_CASELOAD_ORDERINGS } from "../../services/caseloadOrder.js";
import { currentServiceSettings } from "../../services/referenceData.js";
import type { RequestContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { requireViewer } from "../mutations.js";
import { mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import { selectionOf, selectionsAt, selectionsOf } from "../requestedFields.js";
import { CaseloadArgs, CaseloadEntry, CaseloadEntryConnection } from "../types/caseload.js";
import { StaffMember, Team } from "../types/organisation.js";
import { keyworkerOf, readOwnersOf, teamOf } from "../episodeOwners.js";
import { auditPeopleShown, entryColumnsAsked, localIdArgument } from "./workingListFields.js";

/** What the document asks of each entry: whether a summary of the episode and person answers it, and whether it shows keyworkers or teams. */
function entriesAsked(info: GraphQLResolveInfo): { columns: RowColumns; owners: boolean } {
  const entries = selectionsAt(selectionOf(info), ["edges", "node"]);
  const owners = ["keyworker", "team"].some((field) => selectionsOf(entries, field).length > 0 || selectionsAt(entries, ["episode", field]).length > 0);
  return { columns: entryColumnsAsked(entries), owners };
}

@Resolver(() => CaseloadEntry)
export class CaseloadResolver {
  @Authorized<Role>("PRACTITIONER", "TEAM_LEAD")
  @Query(() => CaseloadEntryConnection, {
    description:
      "Open episodes on your caseload (MINE) or your team's (TEAM), with the flags each carries today and the next review due. " +
      "Filtered, searched, sorted and paged on the server.",
  })
  async caseload(@Args(() => CaseloadArgs) args: CaseloadArgs, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionShape<CaseloadEntry>> {
    const viewer = requireViewer(context);
    const first = pageSizeOf(args.first);
    const orderBy = args.orderBy ?? [];
    if (orderBy.length > MAX_CASELOAD_ORDERINGS) throw badUserInput("orderBy", `Sort by at most ${MAX_CASELOAD_ORDERINGS} orderings.`);
    const { read: db, tables: t } = context.database;
    const settings = await currentServiceSettings(context.database);
    const asked = entriesAsked(info);
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
      columns: asked.columns,
    });
    auditPeopleShown(context, page.edges.map((edge) => edge.node.person.id));
    const entries = mapNodes(page, (row) => CaseloadEntry.of(row, context.today));
    if (asked.owners) await readOwnersOf(context, entries.edges.map((edge) => edge.node));
    return entries;
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: "The keyworker; null when none is allocated." })
  keyworker(@Root() entry: CaseloadEntry, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return keyworkerOf(entry.keyworkerLocalId, context);
  }

  @FieldResolver(() => Team, { description: "The team the episode belongs to." })
  team(@Root() entry: CaseloadEntry, @Ctx() context: RequestContext): Team | Promise<Team> {
    return teamOf(entry.teamLocalId, context);
  }
}
