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
    const goal = new Goal();
    goal.id = toGlobalId("Goal", row.id);
    goal.localId = row.id;
    goal.domain = row.domain as NeedDomain;
    goal.description = row.description;
    goal.targetDate = row.targetDate;
    goal.status = row.status as GoalStatus;
    return goal;
  }
}

@ObjectType({ description: "One item a personal budget pays for." })
export class BudgetLine {
  @Field(() => String, { description: "What the money pays for." })
  item!: string;

  @Field(() => Int, { description: "Cost in pence." })
  costPence!: number;

  static of(row: BudgetLineRow): BudgetLine {
    const line = new BudgetLine();
    line.item = row.item;
    line.costPence = row.costPence;
    return line;
  }
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
    const lines = [...rows].sort((a, b) => a.position - b.position).map((row) => BudgetLine.of(row));
    const budget = new PersonalBudget();
    budget.allocatedPence = allocatedPence;
    budget.spentPence = lines.reduce((total, line) => total + line.costPence, 0);
    budget.lines = lines;
    return budget;
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
    const plan = new RecoveryPlan();
    plan.id = toGlobalId("RecoveryPlan", row.id);
    plan.localId = row.id;
    plan.episodeLocalId = row.episodeId;
    plan.signedOffByLocalId = row.signedOffById;
    plan.budgetAllocatedPence = row.budgetAllocatedPence;
    plan.kind = row.kind as PlanKind;
    plan.startDate = row.startDate;
    plan.agreedWithServiceUser = row.agreedWithServiceUser;
    plan.signedOffDate = row.signedOffDate;
    plan.reviewIntervalWeeks = row.reviewIntervalWeeks;
    plan.enteredInError = EnteredInError.of(row);
    plan.version = row.version;
    return plan;
  }
}

export const RecoveryPlanConnection = connectionType(RecoveryPlan, "RecoveryPlan", "A page of an episode's recovery plans, newest first.");
