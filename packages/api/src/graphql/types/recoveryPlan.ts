import type { GoalStatus, IsoDate, NeedDomain, PlanKind } from "@waymark/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import type { BudgetLineRow, GoalRow, PlanRow } from "../../db/mappers.js";
import { GoalStatusEnum, NeedDomainEnum, PlanKindEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, Node } from "../relay.js";
import { DateScalar } from "../scalars.js";
import { EnteredInError } from "./enteredInError.js";

@ObjectType({ description: "A goal of a recovery plan, in the person's words." })
export class Goal {
  localId!: string;

  @Field(() => ID, { description: "Global ID of the goal; name it in a review's goal progress." })
  id!: string;

  @Field(() => NeedDomainEnum, { description: "The life domain the goal is about." })
  domain!: NeedDomain;

  @Field(() => String, { description: "What the person wants to achieve." })
  description!: string;

  @Field(() => DateScalar, { nullable: true, description: "When the person hopes to achieve it." })
  targetDate!: IsoDate | null;

  @Field(() => GoalStatusEnum, { description: "Open, achieved or dropped; updated by reviews." })
  status!: GoalStatus;

  static of(row: GoalRow): Goal {
    return Object.assign(new Goal(), {
      id: toGlobalId("Goal", row.id),
      localId: row.id,
      domain: row.domain as NeedDomain,
      description: row.description,
      targetDate: row.targetDate,
      status: row.status as GoalStatus,
    });
  }
}

@ObjectType({ description: "One item a personal budget pays for." })
export class BudgetLine {
  @Field(() => String, { description: "What the money pays for." })
  item!: string;

  @Field(() => Int, { description: "Cost in pence." })
  costPence!: number;
}

@ObjectType({ description: "A personal budget allocated with a recovery plan; its lines may not add up to more than the allocation (R-PLAN-2)." })
export class PersonalBudget {
  @Field(() => Int, { description: "The amount allocated, in pence." })
  allocatedPence!: number;

  @Field(() => Int, { description: "The sum of the lines, in pence." })
  spentPence!: number;

  @Field(() => [BudgetLine], { description: "What the budget pays for." })
  lines!: BudgetLine[];

  static of(allocatedPence: number, rows: readonly BudgetLineRow[]): PersonalBudget {
    const lines = [...rows].sort((a, b) => a.position - b.position).map((row) => Object.assign(new BudgetLine(), { item: row.item, costPence: row.costPence }));
    return Object.assign(new PersonalBudget(), { allocatedPence, spentPence: lines.reduce((total, line) => total + line.costPence, 0), lines });
  }
}

@ObjectType({ implements: Node, description: "A recovery action plan: interim after triage, full after a comprehensive assessment (R-PLAN-1)." })
export class RecoveryPlan extends Node {
  localId!: string;
  episodeLocalId!: string;
  signedOffByLocalId!: string | null;
  budgetAllocatedPence!: number | null;

  @Field(() => PlanKindEnum, { description: "Interim or full." })
  kind!: PlanKind;

  @Field(() => DateScalar, { description: "The date the plan starts." })
  startDate!: IsoDate;

  @Field(() => Boolean, { description: "The person has agreed the plan." })
  agreedWithServiceUser!: boolean;

  @Field(() => DateScalar, { nullable: true, description: "The date the plan was signed off; reviews are scheduled from it (R-REV-1)." })
  signedOffDate!: IsoDate | null;

  @Field(() => Int, { description: "Weeks between reviews, copied from the team's setting when the plan was made." })
  reviewIntervalWeeks!: number;

  @Field(() => EnteredInError, { nullable: true, description: "Set when the plan was marked entered in error." })
  enteredInError!: EnteredInError | null;

  @Field(() => Int, { description: "Version of this record." })
  version!: number;

  static of(row: PlanRow): RecoveryPlan {
    return Object.assign(new RecoveryPlan(), {
      id: toGlobalId("RecoveryPlan", row.id),
      localId: row.id,
      episodeLocalId: row.episodeId,
      signedOffByLocalId: row.signedOffById,
      budgetAllocatedPence: row.budgetAllocatedPence,
      kind: row.kind as PlanKind,
      startDate: row.startDate,
      agreedWithServiceUser: row.agreedWithServiceUser,
      signedOffDate: row.signedOffDate,
      reviewIntervalWeeks: row.reviewIntervalWeeks,
      enteredInError: EnteredInError.of(row),
      version: row.version,
    });
  }
}

export const RecoveryPlanConnection = connectionType(RecoveryPlan, "RecoveryPlan", "A page of an episode's recovery plans, newest first.");
