import type { IsoDate } from "@waymark/core";
import { Field, ID, ObjectType } from "type-graphql";
import { toGlobalId } from "../globalId.js";
import { DateScalar } from "../scalars.js";

/** The columns every clinical table carries for the entered-in-error mark. */
interface ErrorMarkColumns {
  readonly enteredInErrorReason: string | null;
  readonly enteredInErrorById: string | null;
  readonly enteredInErrorOn: string | null;
}

@ObjectType({ description: "A clinical record marked as entered in error: kept for the audit trail, left out of every rule, schedule and indicator." })
export class EnteredInError {
  @Field(() => String, { description: "Why the record was marked entered in error." })
  reason!: string;

  @Field(() => ID, { nullable: true, description: "Global ID of the staff member who marked it." })
  markedById!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The date it was marked." })
  markedOn!: IsoDate | null;

  /** The mark on a row, or null for a record in force. */
  static of(row: ErrorMarkColumns): EnteredInError | null {
    if (!row.enteredInErrorReason) return null;
    const mark = new EnteredInError();
    mark.reason = row.enteredInErrorReason;
    mark.markedById = row.enteredInErrorById ? toGlobalId("StaffMember", row.enteredInErrorById) : null;
    mark.markedOn = row.enteredInErrorOn;
    return mark;
  }
}
