import type { Role } from "@waymark/core";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { RoleEnum } from "../enums.js";
import { UserError } from "../userErrors.js";
import { StaffMember, Team } from "./organisation.js";

@InputType({ description: "A new team. Settings left out take the defaults: reviews every 12 weeks, a 21-day waiting-time target." })
export class CreateTeamInput {
  @Field(() => String, { description: "The team's name, unique within the provider (ignoring case)." })
  name!: string;

  @Field(() => Int, { nullable: true, description: "Youngest age served on the referral date, 0 to 120; leave out for no lower limit." })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Oldest age served on the referral date, 0 to 120 and not below minAge; leave out for no upper limit." })
  maxAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Weeks between recovery-plan reviews, 1 to 52 (default 12)." })
  reviewIntervalWeeks?: number | null;

  @Field(() => Int, { nullable: true, description: "Days from referral within which the first intervention should start, 1 to 365 (default 21)." })
  waitingTimeTargetDays?: number | null;
}

@InputType({ description: "Changes to a team. Fields left out stay as they are." })
export class UpdateTeamInput {
  @Field(() => ID, { description: "The team to change." })
  id!: string;

  @Field(() => Int, { nullable: true, description: "The version you read; when someone saved since, the change is refused with STALE_VERSION." })
  version?: number | null;

  @Field(() => String, { nullable: true, description: "New name, unique within the provider (ignoring case)." })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: "Youngest age served, 0 to 120; null removes the lower limit." })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Oldest age served, 0 to 120; null removes the upper limit." })
  maxAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Weeks between reviews, 1 to 52. Plans already agreed keep the interval they were made with." })
  reviewIntervalWeeks?: number | null;

  @Field(() => Int, { nullable: true, description: "Waiting-time target in days, 1 to 365." })
  waitingTimeTargetDays?: number | null;
}

@ObjectType({ description: "The result of creating a team." })
export class CreateTeamPayload {
  @Field(() => Team, { nullable: true, description: "The new team, or null when refused." })
  team!: Team | null;

  @Field(() => [UserError], { description: "Why the team was not created, if it was not." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of changing a team." })
export class UpdateTeamPayload {
  @Field(() => Team, { nullable: true, description: "The team as saved, or null when refused." })
  team!: Team | null;

  @Field(() => [UserError], { description: "Why the change was refused, if it was." })
  userErrors!: UserError[];
}

@InputType({ description: "A new staff account." })
export class CreateStaffMemberInput {
  @Field(() => String, { description: "Full name." })
  name!: string;

  @Field(() => String, { description: "Email address, used to sign in; unique (ignoring case)." })
  email!: string;

  @Field(() => [RoleEnum], { description: "Roles. Practitioners and team leads need at least one team." })
  roles!: Role[];

  @Field(() => [ID], { nullable: true, description: "The teams (Team IDs) the staff member works in." })
  teamIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "An initial password, 12 to 200 characters. Leave it out to have Waymark make one, returned once as oneTimePassword.",
  })
  password?: string | null;
}

@InputType({ description: "Changes to a staff account. Fields left out stay as they are." })
export class UpdateStaffMemberInput {
  @Field(() => ID, { description: "The staff member to change." })
  id!: string;

  @Field(() => Int, { nullable: true, description: "The version you read; when someone saved since, the change is refused with STALE_VERSION." })
  version?: number | null;

  @Field(() => String, { nullable: true, description: "New full name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "New email address, unique (ignoring case)." })
  email?: string | null;

  @Field(() => [RoleEnum], { nullable: true, description: "The new set of roles (replaces the old one), in force from the account's next request. The last active admin cannot lose the admin role." })
  roles?: Role[] | null;

  @Field(() => [ID], { nullable: true, description: "The new set of teams (Team IDs; replaces the old one)." })
  teamIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "False disables the account and ends all its sessions at once; its API tokens are refused while it stays disabled. The last active admin cannot be disabled.",
  })
  active?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True replaces the password with a new one, returned once as oneTimePassword; ends the account's sessions and lifts a sign-in lock.",
  })
  resetPassword?: boolean | null;
}

/** What the results of creating and of changing a staff account both carry besides their userErrors. */
@ObjectType()
abstract class StaffMemberResult {
  @Field(() => StaffMember, { nullable: true, description: "The account as saved, or null when refused." })
  staffMember!: StaffMember | null;

  @Field(() => String, {
    nullable: true,
    description: "A password Waymark made, shown this once and never again (only its hash is kept). Hand it to the staff member securely. Null when none was made.",
  })
  oneTimePassword!: string | null;
}

@ObjectType({ description: "The result of creating a staff account." })
export class CreateStaffMemberPayload extends StaffMemberResult {
  @Field(() => [UserError], { description: "Why the account was not created, if it was not." })
  userErrors!: UserError[];
}

@ObjectType({ description: "The result of changing a staff account." })
export class UpdateStaffMemberPayload extends StaffMemberResult {
  @Field(() => [UserError], { description: "Why the change was refused, if it was." })
  userErrors!: UserError[];
}
