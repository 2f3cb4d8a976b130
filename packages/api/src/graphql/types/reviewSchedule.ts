import type { EpisodeStatus, IsoDate } from "@waymark/core";
import { ArgsType, Field, ID, Int, ObjectType } from "type-graphql";
import type { KeyworkerReviewCounts, ReviewScheduleRequest, ReviewScheduleSummary, ScheduledReviewRow, ScheduledReviewStatus } from "../../services/reviewScheduleQuery.js";
import type { WorkingListScope } from "../../services/workingListScope.js";
import { toGlobalId } from "../globalId.js";
import { connectionType } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { ReviewStatusEnum, WorkingListScopeEnum } from "./caseload.js";
import { Episode } from "./episode.js";
import { ServiceUser } from "./serviceUser.js";

@ArgsType()
export class ReviewScheduleArgs {
  @Field(() => DateScalar, { nullable: true, description: "First day of the window (default today)." })
  from?: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the window (default four weeks from `from`: 27 days later). At most 366 days after `from`." })
  to?: IsoDate | null;

  @Field(() => WorkingListScopeEnum, { defaultValue: "MINE", description: "Your own reviews (MINE, the default) or your team's (TEAM)." })
  scope!: WorkingListScope;

  @Field(() => ID, { nullable: true, description: "Only this team's reviews. Without it, MINE covers all your episodes and TEAM all your teams." })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this keyworker's reviews (a StaffMember ID), for a team lead looking at one member of the team." })
  keyworkerId?: string | null;
}

@ObjectType({ description: "How many reviews fall due in one week of the window." })
export class ReviewWeek {
  @Field(() => DateScalar, { description: "The Monday the week starts on; the first and last weeks may be cut short by the window." })
  weekStarting!: IsoDate;

  @Field(() => Int, { description: "Reviews due that week, within the window." })
  count!: number;
}

@ObjectType({ description: "One keyworker's reviews on the schedule, by status." })
export class ReviewScheduleKeyworkerSummary {
  keyworkerLocalId!: string | null;
  teamLocalId!: string;

  @Field(() => Int, { description: "Reviews overdue." })
  overdue!: number;

  @Field(() => Int, { description: "Reviews due within the next 7 days." })
  due!: number;

  @Field(() => Int, { description: "Reviews coming up later in the window." })
  upcoming!: number;

  static of(counts: KeyworkerReviewCounts): ReviewScheduleKeyworkerSummary {
    return Object.assign(new ReviewScheduleKeyworkerSummary(), {
      keyworkerLocalId: counts.keyworkerId,
      teamLocalId: counts.teamId,
      overdue: counts.counts.OVERDUE,
      due: counts.counts.DUE,
      upcoming: counts.counts.UPCOMING,
    });
  }
}

@ObjectType({ description: "A recovery-plan review on the schedule: the current plan's next review of an open episode." })
export class ReviewScheduleEntry {
  keyworkerLocalId!: string | null;
  teamLocalId!: string;
  /** What the entry's plan is worked out from (planId): the episode's id, status and discharge date. */
  episodeForReviews!: { readonly id: string; readonly status: EpisodeStatus; readonly dischargeDate: IsoDate | null };

  @Field(() => ID, { description: "Stable ID of the entry; one per open episode with a plan under review." })
  id!: string;

  @Field(() => Episode, { description: "The open episode." })
  episode!: Episode;

  @Field(() => ServiceUser, { description: "The person." })
  serviceUser!: ServiceUser;

  @Field(() => DateScalar, { description: "When the review is due (R-REV-1)." })
  dueDate!: IsoDate;

  @Field(() => ReviewStatusEnum, { description: "Overdue, due within 7 days, or upcoming in the window." })
  status!: ScheduledReviewStatus;

  static of(row: ScheduledReviewRow, status: ScheduledReviewStatus): ReviewScheduleEntry {
    return Object.assign(new ReviewScheduleEntry(), {
      keyworkerLocalId: row.episode.keyworkerId,
      teamLocalId: row.episode.teamId,
      // Only open episodes are on the schedule, and an open episode has no discharge date: a summary row needs none.
      episodeForReviews: { id: row.episode.id, status: row.episode.status as EpisodeStatus, dischargeDate: row.columns === "all" ? row.episode.dischargeDate : null },
      id: toGlobalId("ReviewScheduleEntry", row.episode.id),
      episode: row.columns === "all" ? Episode.of(row.episode) : Episode.summaryOf(row.episode),
      serviceUser: row.columns === "all" ? ServiceUser.of(row.person) : ServiceUser.summaryOf(row.person),
      dueDate: row.dueDate,
      status,
    });
  }
}

export const ReviewScheduleEntryConnection = connectionType(ReviewScheduleEntry, "ReviewScheduleEntry", "A page of the reviews on a schedule, earliest due first.");

@ObjectType({ description: "The review schedule (R-REV-2) for a window: overdue reviews, reviews due and upcoming, per keyworker and week." })
export class ReviewSchedule {
  request!: ReviewScheduleRequest;

  @Field(() => DateScalar, { description: "First day of the window." })
  from!: IsoDate;

  @Field(() => DateScalar, { description: "Last day of the window." })
  to!: IsoDate;

  @Field(() => DateScalar, { description: "The day statuses are worked out for (today)." })
  asOf!: IsoDate;

  @Field(() => Int, { description: "Reviews overdue, however long ago they fell due." })
  overdue!: number;

  @Field(() => Int, { description: "Reviews due within the next 7 days." })
  due!: number;

  @Field(() => Int, { description: "Reviews coming up later in the window." })
  upcoming!: number;

  @Field(() => [ReviewWeek], { description: "Reviews due in each week of the window, Monday to Sunday." })
  weeks!: ReviewWeek[];

  @Field(() => [ReviewScheduleKeyworkerSummary], { description: "The counts per keyworker and team, most overdue first; an unallocated episode counts under no keyworker." })
  byKeyworker!: ReviewScheduleKeyworkerSummary[];

  static of(request: ReviewScheduleRequest, summary: ReviewScheduleSummary): ReviewSchedule {
    return Object.assign(new ReviewSchedule(), {
      request,
      from: request.from,
      to: request.to,
      asOf: request.today,
      overdue: summary.totals.OVERDUE,
      due: summary.totals.DUE,
      upcoming: summary.totals.UPCOMING,
      weeks: summary.weeks.map((week) => Object.assign(new ReviewWeek(), week)),
      byKeyworker: summary.byKeyworker.map(ReviewScheduleKeyworkerSummary.of),
    });
  }
}
