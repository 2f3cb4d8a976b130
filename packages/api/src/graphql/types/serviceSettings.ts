import type { IsoDate, ServiceSettings as CoreServiceSettings } from "@waymark/core";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar, DateTimeScalar } from "../scalars.js";
import { UserError } from "../userErrors.js";

@ObjectType({ description: "Provider-wide settings the schedules run on. Settings never changed hold the defaults." })
export class ServiceSettings {
  @Field(() => Int, { description: "R-DNA-1: working days after a missed appointment within which a follow-up attempt is due (1 to 10; default 2)." })
  dnaFollowUpWorkingDays!: number;

  @Field(() => Int, { description: "R-DNA-2: missed appointments in a row that make an episode disengaging (1 to 10; default 3)." })
  disengagementConsecutiveDnas!: number;

  @Field(() => Int, { description: "R-DNA-2: days without an attended contact that make an episode disengaging (7 to 180; default 28)." })
  disengagementDaysWithoutContact!: number;

  @Field(() => Int, { description: "R-TOP-2: months between review TOPs while in treatment (1 to 12; default 6)." })
  topReviewIntervalMonths!: number;

  @Field(() => Boolean, { description: "R-TOP-2: when true, a review TOP is due with each plan review instead of on the monthly interval." })
  alignTopReviewsWithPlanReviews!: boolean;

  @Field(() => Int, { description: "R-ROSC-4: months after a planned completion that aftercare check-ups span (3 to 6; default 6)." })
  aftercareMonths!: number;

  @Field(() => [DateScalar], { description: "Bank holidays, in date order: they are not working days when follow-ups fall due." })
  bankHolidays!: IsoDate[];

  @Field(() => DateTimeScalar, { nullable: true, description: "When a setting was last changed; null while every setting holds its default." })
  updatedAt!: Date | null;

  @Field(() => Int, { description: "How many changes have been saved (0 while every setting holds its default); send it back with a change so a stale one is refused." })
  version!: number;

  static of(settings: CoreServiceSettings, updatedAt: Date | null, version: number): ServiceSettings {
    return Object.assign(new ServiceSettings(), { ...settings, bankHolidays: [...settings.bankHolidays], updatedAt, version });
  }
}

@InputType({ description: "Changes to the service settings. Settings left out stay as they are." })
export class UpdateServiceSettingsInput {
  @Field(() => Int, { nullable: true, description: "Working days to follow up a missed appointment, 1 to 10." })
  dnaFollowUpWorkingDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Missed appointments in a row that make an episode disengaging, 1 to 10." })
  disengagementConsecutiveDnas?: number | null;

  @Field(() => Int, { nullable: true, description: "Days without an attended contact that make an episode disengaging, 7 to 180." })
  disengagementDaysWithoutContact?: number | null;

  @Field(() => Int, { nullable: true, description: "Months between review TOPs, 1 to 12." })
  topReviewIntervalMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Align review TOPs with plan reviews." })
  alignTopReviewsWithPlanReviews?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Months of aftercare check-ups after a planned completion, 3 to 6." })
  aftercareMonths?: number | null;

  @Field(() => [DateScalar], { nullable: true, description: "The full list of bank holidays (replaces the old list; repeats are dropped)." })
  bankHolidays?: IsoDate[] | null;

  @Field(() => Int, { nullable: true, description: "The settings' version you read; when another admin saved a change since, this one is refused with STALE_VERSION." })
  version?: number | null;
}

@ObjectType({ description: "The result of changing the service settings." })
export class UpdateServiceSettingsPayload {
  @Field(() => ServiceSettings, { nullable: true, description: "The settings as saved, or null when refused." })
  serviceSettings!: ServiceSettings | null;

  @Field(() => [UserError], { description: "Why the change was refused, if it was." })
  userErrors!: UserError[];
}
