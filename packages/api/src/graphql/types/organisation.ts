import type { Role } from "@waymark/core";
import { Field, Int, ObjectType } from "type-graphql";
import type { StaffRow, TeamRow } from "../../db/mappers.js";
import { RoleEnum } from "../enums.js";
import { toGlobalId } from "../globalId.js";
import { Node } from "../relay.js";

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
