import { daysBetween, defaultReviewWindow, openReviewStatus, type EpisodeStatus, type IsoDate, type OpenReviewStatus } from "@waymark/core";
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { CaseloadRow } from "../../services/caseloadQuery.js";
import { CASELOAD_FLAG_DEFINITIONS, CASELOAD_FLAGS, type CaseloadFlag } from "../../services/caseloadFlags.js";
import type { CaseloadOrderField } from "../../services/caseloadOrder.js";
import type { WorkingListScope } from "../../services/workingListScope.js";
import { EpisodeStatusEnum } from "../enums.js";
import { DateFilter, IdFilter, OrderDirection } from "../filters.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, PageArgs } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { Episode } from "./episode.js";
import { ServiceUser } from "./serviceUser.js";

export const WorkingListScopeEnum: Record<WorkingListScope, WorkingListScope> = { MINE: "MINE", TEAM: "TEAM" };

registerEnumType(WorkingListScopeEnum, {
  name: "CaseloadScope",
  description: "Whose open episodes a working list (caseload, review schedule) covers.",
  valuesConfig: {
    MINE: { description: "The episodes you are the keyworker for." },
    TEAM: { description: "The team's episodes: all of them for a team lead; for a practitioner, those their scope shows (their own and the team's unallocated referrals)." },
  },
});

const REVIEW_STATUSES: Record<OpenReviewStatus, string> = {
  OVERDUE: "The due date has passed and the review is not done (R-REV-2).",
  DUE: "Due today or within the next 7 days.",
  UPCOMING: "Due after that, within the window looked at (four weeks on the caseload).",
  LATER: "Due beyond the window looked at.",
};

export const ReviewStatusEnum = Object.fromEntries(Object.keys(REVIEW_STATUSES).map((status) => [status, status])) as Record<OpenReviewStatus, OpenReviewStatus>;

registerEnumType(ReviewStatusEnum, {
  name: "ReviewStatus",
  description: "Where a recovery-plan review that is not yet done falls around today (R-REV-2).",
  valuesConfig: Object.fromEntries(Object.entries(REVIEW_STATUSES).map(([status, description]) => [status, { description }])),
});

export const CaseloadFlagEnum = Object.fromEntries(CASELOAD_FLAGS.map((flag) => [flag, flag])) as Record<CaseloadFlag, CaseloadFlag>;

registerEnumType(CaseloadFlagEnum, {
  name: "CaseloadFlag",
  description: "Something about an open episode a keyworker must see on the caseload today (DOMAIN §4).",
  valuesConfig: Object.fromEntries(CASELOAD_FLAGS.map((flag) => [flag, { description: `${CASELOAD_FLAG_DEFINITIONS[flag].label}. ${CASELOAD_FLAG_DEFINITIONS[flag].description}` }])),
});

const CASELOAD_ORDER_FIELDS: Record<CaseloadOrderField, string> = {
  NEXT_REVIEW_DUE: "By the date the next plan review is due; episodes with no plan to review come last in ascending order.",
  LAST_NAME: "By the person's last name, then first name, ignoring case.",
  REFERRAL_DATE: "By the referral date.",
  DAYS_SINCE_LAST_ATTENDED_CONTACT: "By days since the last attended contact; someone not seen since referral counts as the longest.",
  STATUS: "By where the episode is on the journey, referral first.",
};

export const CaseloadOrderFieldEnum = Object.fromEntries(Object.keys(CASELOAD_ORDER_FIELDS).map((field) => [field, field])) as Record<CaseloadOrderField, CaseloadOrderField>;

registerEnumType(CaseloadOrderFieldEnum, {
  name: "CaseloadOrderField",
  description: "What a caseload can be sorted by.",
  valuesConfig: Object.fromEntries(Object.entries(CASELOAD_ORDER_FIELDS).map(([field, description]) => [field, { description }])),
});

@InputType({ description: "One ordering of the caseload; several are applied most significant first." })
export class CaseloadOrder {
  @Field(() => CaseloadOrderFieldEnum, { description: "What to sort by." })
  field!: CaseloadOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Which way (default ASC)." })
  direction!: OrderDirection;
}

@InputType({ description: "Conditions on the flags an entry carries today; all given must hold." })
export class CaseloadFlagFilter {
  @Field(() => [CaseloadFlagEnum], { nullable: true, description: "Carries at least one of these flags." })
  includesAny?: CaseloadFlag[] | null;

  @Field(() => [CaseloadFlagEnum], { nullable: true, description: "Carries every one of these flags." })
  includesAll?: CaseloadFlag[] | null;

  @Field(() => [CaseloadFlagEnum], { nullable: true, description: "Carries none of these flags." })
  excludes?: CaseloadFlag[] | null;
}

@InputType({ description: "Conditions on an episode's status." })
export class CaseloadStatusFilter {
  @Field(() => EpisodeStatusEnum, { nullable: true, description: "Exactly this status." })
  eq?: EpisodeStatus | null;

  @Field(() => [EpisodeStatusEnum], { nullable: true, description: "One of these statuses." })
  in?: EpisodeStatus[] | null;
}

@InputType({ description: "Which caseload entries to list. Conditions given together must all hold." })
export class CaseloadFilter {
  @Field(() => CaseloadFlagFilter, { nullable: true, description: "Conditions on today's flags." })
  flags?: CaseloadFlagFilter | null;

  @Field(() => CaseloadStatusFilter, { nullable: true, description: "Conditions on the episode's status." })
  status?: CaseloadStatusFilter | null;

  @Field(() => IdFilter, { nullable: true, description: "Conditions on the keyworker (StaffMember IDs); isNull: true lists unallocated episodes." })
  keyworker?: IdFilter | null;

  @Field(() => DateFilter, { nullable: true, description: "Conditions on the date the next plan review is due." })
  nextReviewDue?: DateFilter | null;

  @Field(() => [CaseloadFilter], { nullable: true, description: "All of these filters hold." })
  and?: CaseloadFilter[] | null;

  @Field(() => [CaseloadFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: CaseloadFilter[] | null;
}

@ArgsType()
export class CaseloadArgs extends PageArgs {
  @Field(() => WorkingListScopeEnum, { defaultValue: "MINE", description: "Your own caseload (MINE, the default) or your team's (TEAM)." })
  scope!: WorkingListScope;

  @Field(() => ID, { nullable: true, description: "Only this team's episodes. Without it, MINE covers all your episodes and TEAM all your teams." })
  teamId?: string | null;

  @Field(() => CaseloadFilter, { nullable: true, description: "Which entries to list." })
  filter?: CaseloadFilter | null;

  @Field(() => [CaseloadOrder], { nullable: true, description: "Sort order, most significant first (default: next review due, soonest first)." })
  orderBy?: CaseloadOrder[] | null;

  @Field(() => String, { nullable: true, description: "Words to find in the person's first, last or preferred name or local reference, ignoring case; every word must match." })
  search?: string | null;
}

@ObjectType({ description: "A flag with the words to show for it." })
export class CaseloadFlagDetail {
  @Field(() => CaseloadFlagEnum, { description: "The flag." })
  flag!: CaseloadFlag;

  @Field(() => String, { description: "Short text for the flag's tag." })
  label!: string;

  @Field(() => String, { description: "What the flag means and the rule behind it." })
  description!: string;

  /** A flag's detail is the same on every entry that carries it: one object per flag, shared and never changed. */
  private static readonly ofEachFlag = new Map<CaseloadFlag, CaseloadFlagDetail>();

  static of(flag: CaseloadFlag): CaseloadFlagDetail {
    let detail = CaseloadFlagDetail.ofEachFlag.get(flag);
    if (!detail) {
      const { label, description } = CASELOAD_FLAG_DEFINITIONS[flag];
      detail = Object.freeze(Object.assign(new CaseloadFlagDetail(), { flag, label, description }));
      CaseloadFlagDetail.ofEachFlag.set(flag, detail);
    }
    return detail;
  }
}

@ObjectType({ description: "One open episode on a caseload: the person, today's flags and what is due." })
export class CaseloadEntry {
  keyworkerLocalId!: string | null;
  teamLocalId!: string;

  @Field(() => ID, { description: "Stable ID of the entry; one entry per open episode." })
  id!: string;

  @Field(() => Episode, { description: "The open episode." })
  episode!: Episode;

  @Field(() => ServiceUser, { description: "The person." })
  serviceUser!: ServiceUser;

  @Field(() => EpisodeStatusEnum, { description: "Where the episode is on the journey." })
  status!: EpisodeStatus;

  @Field(() => [CaseloadFlagEnum], { description: "The flags the episode carries today, the most pressing first." })
  flags!: CaseloadFlag[];

  @Field(() => [CaseloadFlagDetail], { description: "The same flags with the words to show for each." })
  flagDetails!: CaseloadFlagDetail[];

  @Field(() => DateScalar, { nullable: true, description: "When the current plan's next review is due (R-REV-1); null without a signed-off plan." })
  nextReviewDue!: IsoDate | null;

  @Field(() => ReviewStatusEnum, { nullable: true, description: "Where that review falls today (R-REV-2): overdue, due within a week, upcoming within four weeks, or later." })
  reviewStatus!: OpenReviewStatus | null;

  @Field(() => DateScalar, { nullable: true, description: "The date of the last contact the person attended; null when none since referral." })
  lastAttendedContactDate!: IsoDate | null;

  @Field(() => Int, { nullable: true, description: "Days from the last attended contact to today; null when none since referral." })
  daysSinceLastAttendedContact!: number | null;

  static of(row: CaseloadRow, today: IsoDate): CaseloadEntry {
    const { episode } = row;
    return Object.assign(new CaseloadEntry(), {
      keyworkerLocalId: episode.keyworkerId,
      teamLocalId: episode.teamId,
      id: toGlobalId("CaseloadEntry", episode.id),
      episode: row.columns === "all" ? Episode.of(row.episode) : Episode.summaryOf(row.episode),
      serviceUser: row.columns === "all" ? ServiceUser.of(row.person) : ServiceUser.summaryOf(row.person),
      status: episode.status as EpisodeStatus,
      flags: [...row.flags],
      flagDetails: row.flags.map(CaseloadFlagDetail.of),
      nextReviewDue: episode.nextReviewDue,
      reviewStatus: episode.nextReviewDue === null ? null : openReviewStatus(episode.nextReviewDue, defaultReviewWindow(today)),
      lastAttendedContactDate: episode.lastAttendedContactDate,
      daysSinceLastAttendedContact: episode.lastAttendedContactDate === null ? null : daysBetween(episode.lastAttendedContactDate, today),
    });
  }
}

export const CaseloadEntryConnection = connectionType(CaseloadEntry, "CaseloadEntry", "A page of a caseload: open episodes with their flags.");
