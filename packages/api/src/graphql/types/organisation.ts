import type { Role } from "@waymark/core";
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import type { StaffRow, TeamRow } from "../../db/mappers.js";
import { RoleEnum } from "../enums.js";
import { IdFilter, OrderDirection, StringFilter } from "../filters.js";
import { toGlobalId } from "../globalId.js";
import { connectionType, Node, PageArgs } from "../relay.js";

@ObjectType({ implements: Node, description: "A team (service) of the provider, with the settings its schedules run on." })
export class Team extends Node {
  /** The database id, for resolvers; not in the schema. */
  localId!: string;

  @Field(() => String, { description: "The team's name." })
  name!: string;

  @Field(() => Int, { nullable: true, description: "Youngest age the team serves on the referral date; null for no lower limit." })
  minAge!: number | null;

  @Field(() => Int, { nullable: true, description: "Oldest age the team serves on the referral date; null for no upper limit." })
  maxAge!: number | null;

  @Field(() => Int, { description: "Weeks between recovery-plan reviews for plans made in this team (default 12)." })
  reviewIntervalWeeks!: number;

  @Field(() => Int, { description: "Days from referral within which the first intervention should start (default 21)." })
  waitingTimeTargetDays!: number;

  @Field(() => Int, { description: "Version of this record; pass it back when updating so a stale edit is refused." })
  version!: number;

  static of(row: TeamRow): Team {
    return Object.assign(new Team(), {
      id: toGlobalId("Team", row.id),
      localId: row.id,
      name: row.name,
      minAge: row.minAge,
      maxAge: row.maxAge,
      reviewIntervalWeeks: row.reviewIntervalWeeks,
      waitingTimeTargetDays: row.waitingTimeTargetDays,
      version: row.version,
    });
  }
}

@ObjectType({ implements: Node, description: "A member of staff with a Waymark account." })
export class StaffMember extends Node {
  localId!: string;

  @Field(() => String, { description: "Full name." })
  name!: string;

  @Field(() => String, { description: "Email address, used to sign in." })
  email!: string;

  @Field(() => [RoleEnum], { description: "Roles, which decide what the staff member may see and do." })
  roles!: Role[];

  @Field(() => Boolean, { description: "False once the account is disabled; a disabled account cannot sign in." })
  active!: boolean;

  @Field(() => Int, { description: "Version of this record; pass it back when updating." })
  version!: number;

  static of(row: StaffRow): StaffMember {
    return Object.assign(new StaffMember(), {
      id: toGlobalId("StaffMember", row.id),
      localId: row.id,
      name: row.name,
      email: row.email,
      roles: row.roles as Role[],
      active: row.active,
      version: row.version,
    });
  }
}

export const StaffConnection = connectionType(StaffMember, "StaffMember", "A page of staff accounts.");

@InputType({ description: "Conditions on a staff member's roles." })
export class StaffRoleFilter {
  @Field(() => RoleEnum, { nullable: true, description: "Has this role." })
  eq?: Role | null;

  @Field(() => [RoleEnum], { nullable: true, description: "Has at least one of these roles." })
  in?: Role[] | null;
}

@InputType({ description: "Which staff accounts to list. All conditions given must hold; `and` and `or` combine further filters." })
export class StaffFilter {
  @Field(() => StringFilter, { nullable: true, description: "The full name." })
  name?: StringFilter | null;

  @Field(() => StringFilter, { nullable: true, description: "The email address (stored in lower case)." })
  email?: StringFilter | null;

  @Field(() => IdFilter, { nullable: true, description: "Membership of teams (Team IDs); isNull true lists accounts in no team." })
  teamId?: IdFilter | null;

  @Field(() => StaffRoleFilter, { nullable: true, description: "The roles." })
  role?: StaffRoleFilter | null;

  @Field(() => Boolean, { nullable: true, description: "true: only active accounts; false: only disabled ones." })
  active?: boolean | null;

  @Field(() => [StaffFilter], { nullable: true, description: "Every one of these filters holds." })
  and?: StaffFilter[] | null;

  @Field(() => [StaffFilter], { nullable: true, description: "At least one of these filters holds." })
  or?: StaffFilter[] | null;
}

export enum StaffOrderField {
  NAME = "NAME",
  EMAIL = "EMAIL",
}

registerEnumType(StaffOrderField, {
  name: "StaffOrderField",
  description: "What a list of staff can be sorted by.",
  valuesConfig: {
    NAME: { description: "Full name, ignoring case." },
    EMAIL: { description: "Email address." },
  },
});

@InputType({ description: "One sort key of a list of staff. Ties fall to the next key, and finally to the record's ID." })
export class StaffOrder {
  @Field(() => StaffOrderField, { description: "What to sort by." })
  field!: StaffOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Ascending (default) or descending." })
  direction!: OrderDirection;
}

@ArgsType()
export class StaffArgs extends PageArgs {
  @Field(() => StaffFilter, { nullable: true, description: "Which accounts to list." })
  filter?: StaffFilter | null;

  @Field(() => [StaffOrder], { nullable: true, description: "Sort order, most significant first (default: by name)." })
  orderBy?: StaffOrder[] | null;
}
