import { addDays, daysBetween, type IsoDate, type Role } from "@waymark/core";
import type { GraphQLResolveInfo } from "graphql";
import { Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { toRecoveryPlan, toReview } from "../../db/mappers.js";
import {
  DEFAULT_SCHEDULE_DAYS,
  MAX_SCHEDULE_DAYS,
  openReviewPlanId,
  reviewScheduleSummary,
  scheduledReviewsPage,
  scheduledReviewStatus,
  type ReviewScheduleRequest,
} from "../../services/reviewScheduleQuery.js";
import type { RequestContext } from "../context.js";
import { badUserInput } from "../errors.js";
import { toGlobalId } from "../globalId.js";
import { requireViewer } from "../mutations.js";
import { PageArgs, mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import { selectionOf, selectionsAt } from "../requestedFields.js";
import { StaffMember, Team } from "../types/organisation.js";
import { ReviewSchedule, ReviewScheduleArgs, ReviewScheduleEntry, ReviewScheduleEntryConnection, ReviewScheduleKeyworkerSummary } from "../types/reviewSchedule.js";
import { keyworkerOf, teamOf } from "../episodeOwners.js";
import { auditPeopleShown, entryColumnsAsked, localIdArgument } from "./workingListFields.js";

/** The window asked for, with its defaults, refused when it runs backwards or is longer than a year. */
function windowOf(args: ReviewScheduleArgs, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = args.from ?? today;
  const to = args.to ?? addDays(from, DEFAULT_SCHEDULE_DAYS);
  if (to < from) throw badUserInput("to", "The window must end on or after the day it starts.");
  if (daysBetween(from, to) > MAX_SCHEDULE_DAYS) throw badUserInput("to", `The window can be at most ${MAX_SCHEDULE_DAYS} days long.`);
  return { from, to };
}

@Resolver(() => ReviewSchedule)
export class ReviewScheduleResolver {
  @Authorized<Role>("PRACTITIONER", "TEAM_LEAD")
  @Query(() => ReviewSchedule, {
    description: "The recovery-plan review schedule (R-REV-2) for a window: reviews overdue, due within a week and upcoming, for you or your team, per keyworker and week.",
  })
  async reviewSchedule(@Args(() => ReviewScheduleArgs) args: ReviewScheduleArgs, @Ctx() context: RequestContext): Promise<ReviewSchedule> {
    const viewer = requireViewer(context);
    const request: ReviewScheduleRequest = {
      viewer,
      now: context.clock.now(),
      today: context.today,
      ...windowOf(args, context.today),
      scope: args.scope,
      teamId: localIdArgument(args.teamId, "Team", "teamId"),
      keyworkerId: localIdArgument(args.keyworkerId, "StaffMember", "keyworkerId"),
    };
    const summary = await reviewScheduleSummary(context.database.read, context.database.tables, request);
    return ReviewSchedule.of(request, summary);
  }

  @FieldResolver(() => ReviewScheduleEntryConnection, { description: "The reviews on the schedule, earliest due first: overdue ones, then the window's." })
  async entries(
    @Root() schedule: ReviewSchedule,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<ReviewScheduleEntry>> {
    const totalCount = schedule.overdue + schedule.due + schedule.upcoming;
    const { request } = schedule;
    const columns = entryColumnsAsked(selectionsAt(selectionOf(info), ["edges", "node"]));
    const rows = await scheduledReviewsPage(context.database.read, context.database.tables, request, { first: pageSizeOf(page.first), after: page.after, totalCount, columns });
    auditPeopleShown(context, rows.edges.map((edge) => edge.node.person.id));
    return mapNodes(rows, (row) => ReviewScheduleEntry.of(row, scheduledReviewStatus(row.dueDate, request.today, request.to)));
  }
}

@Resolver(() => ReviewScheduleEntry)
export class ReviewScheduleEntryResolver {
  @FieldResolver(() => StaffMember, { nullable: true, description: "The keyworker; null when none is allocated." })
  keyworker(@Root() entry: ReviewScheduleEntry, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return keyworkerOf(entry.keyworkerLocalId, context);
  }

  @FieldResolver(() => Team, { description: "The team the episode belongs to." })
  team(@Root() entry: ReviewScheduleEntry, @Ctx() context: RequestContext): Team | Promise<Team> {
    return teamOf(entry.teamLocalId, context);
  }

  @FieldResolver(() => ID, { nullable: true, description: "The RecoveryPlan under review: the episode's current signed-off plan." })
  async planId(@Root() entry: ReviewScheduleEntry, @Ctx() context: RequestContext): Promise<string | null> {
    const episode = entry.episodeForReviews;
    const [plans, reviews] = await Promise.all([context.loaders.plansByEpisode.load(episode.id), context.loaders.reviewsByEpisode.load(episode.id)]);
    const planId = openReviewPlanId(
      plans.map((plan) => toRecoveryPlan(plan, [], [])),
      reviews.map((review) => toReview(review, [])),
      episode,
      context.today,
    );
    return planId === null ? null : toGlobalId("RecoveryPlan", planId);
  }
}

@Resolver(() => ReviewScheduleKeyworkerSummary)
export class ReviewScheduleKeyworkerSummaryResolver {
  @FieldResolver(() => StaffMember, { nullable: true, description: "The keyworker; null for the team's unallocated episodes." })
  keyworker(@Root() summary: ReviewScheduleKeyworkerSummary, @Ctx() context: RequestContext): StaffMember | null | Promise<StaffMember | null> {
    return keyworkerOf(summary.keyworkerLocalId, context);
  }

  @FieldResolver(() => Team, { description: "The team." })
  team(@Root() summary: ReviewScheduleKeyworkerSummary, @Ctx() context: RequestContext): Team | Promise<Team> {
    return teamOf(summary.teamLocalId, context);
  }
}

/** The resolver classes of the review schedule, for the schema's list. */
export const REVIEW_SCHEDULE_RESOLVERS = [ReviewScheduleResolver, ReviewScheduleEntryResolver, ReviewScheduleKeyworkerSummaryResolver] as const;
