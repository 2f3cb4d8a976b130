import type { SafeguardingReason, SafeguardingStatus } from "@waymark/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";

const SAFEGUARDING_REASONS: Record<SafeguardingReason, string> = {
  PREGNANT: "The person is pregnant.",
  CHILD_UNDER_5: "A child under 5 lives in the person's household.",
};

export const SafeguardingReasonEnum = Object.fromEntries(Object.keys(SAFEGUARDING_REASONS).map((code) => [code, code])) as Record<SafeguardingReason, SafeguardingReason>;

registerEnumType(SafeguardingReasonEnum, {
  name: "SafeguardingReason",
  description: "Why a person carries the safeguarding flag (R-SAFE-1).",
  valuesConfig: Object.fromEntries(Object.entries(SAFEGUARDING_REASONS).map(([code, description]) => [code, { description }])),
});

@ObjectType({ description: "The safeguarding flag (R-SAFE-1): a person who is pregnant or lives with a child under 5, and whether a home visit is still due." })
export class SafeguardingFlag {
  @Field(() => Boolean, { description: "True when the person is pregnant or lives with a child under 5." })
  flagged!: boolean;

  @Field(() => [SafeguardingReasonEnum], { description: "Why the flag is raised." })
  reasons!: SafeguardingReason[];

  @Field(() => Boolean, { description: "A home visit the person attended is recorded in the open episode." })
  homeVisitRecorded!: boolean;

  @Field(() => Boolean, { description: "The flag is raised, the episode is open, and no attended home visit is recorded in it yet." })
  homeVisitDue!: boolean;

  /**
   * From core's status. A home visit is owed only while the episode is open: after discharge there is no
   * visit left to make.
   */
  static of(status: SafeguardingStatus, episodeOpen: boolean): SafeguardingFlag {
    const flag = new SafeguardingFlag();
    flag.flagged = status.flagged;
    flag.reasons = [...status.reasons];
    flag.homeVisitRecorded = status.homeVisitRecorded;
    flag.homeVisitDue = status.homeVisitDue && episodeOpen;
    return flag;
  }
}
