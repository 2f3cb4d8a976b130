import { isReviewOnTime, type GoalStatus, type IsoDate, type RiskAssessment as CoreRiskAssessment } from "@waymark/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { GoalProgressRow, ReviewRow } from "../../db/mappers.js";
import { GoalStatusEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";
import { RiskAssessment } from "./risk.js";

@ObjectType({ description: "Progress on one goal, recorded at a review." })
export class GoalProgress {
  goalLocalId!: string;
  planLocalId!: string;

  @Field(() => ID, { description: "Global ID of the goal." })
  goalId!: string;

  @Field(() => GoalStatusEnum, { description: "The goal's status as of the review." })
  status!: GoalStatus;

  @Field(() => String, { nullable: true, description: "Notes on progress." })
  note!: string | null;

  static of(row: GoalProgressRow, planLocalId: string): GoalProgress {
    const progress = new GoalProgress();
    progress.goalLocalId = row.goalId;
    progress.planLocalId = planLocalId;
    progress.goalId = toGlobalId("Goal", row.goalId);
    progress.status = row.status as GoalStatus;
    progress.note = row.note;
    return progress;
  }
}

@ObjectType({ implements: Node, description: "A completed review of a recovery plan, with progress on its goals and a fresh risk assessment (R-RISK-3)." })
export class Review extends Node {
  localId!: string;
  planLocalId!: string;
  episodeLocalId!: string;
  completedByLocalId!: string;

  @Field(() => DateScalar, { description: "The due date this review satisfied (R-REV-1)." })
  dueDate!: IsoDate;

  @Field(() => DateScalar, { description: "The date the review was completed." })
  completedDate!: IsoDate;

  @Field(() => Boolean, { description: "Completed on or before its due date (R-REV-2)." })
  onTime!: boolean;

  @Field(() => RiskAssessment, { nullable: true, description: "The risk re-assessment made at the review." })
  risk!: RiskAssessment | null;

  @Field(() => EnteredInError, { nullable: true, description: "Set when the review was marked entered in error." })
  enteredInError!: EnteredInError | null;

  @Field(() => Int, { description: "Version of this record." })
  version!: number;

  static of(row: ReviewRow): Review {
    const review = new Review();
    review.id = toGlobalId("Review", row.id);
    review.localId = row.id;
    review.planLocalId = row.planId;
    review.episodeLocalId = row.episodeId;
    review.completedByLocalId = row.completedById;
    review.dueDate = row.dueDate;
    review.completedDate = row.completedDate;
    review.onTime = isReviewOnTime(row.dueDate, row.completedDate);
    review.risk = RiskAssessment.of(row.risk as CoreRiskAssessment | null);
    review.enteredInError = EnteredInError.of(row);
    review.version = row.version;
    return review;
  }
}

export const ReviewConnection = connectionType(Review, "Review", "A page of reviews, newest first.");
