import type { Violation } from "@waymark/core";
import { Field, ObjectType } from "type-graphql";

/** A domain rule or input check refusing a mutation. Nothing is written when a payload carries any. */
@ObjectType({ description: "Why a mutation was refused: nothing was written." })
export class UserError {
  @Field(() => String, { description: "The rule's code from the domain specification, e.g. ROSC_REQUIRES_CONCURRENT_MODALITY." })
  code!: string;

  @Field(() => String, { description: "The input field the error is about, as a dotted path (e.g. goals.0.targetDate); empty when it is about the whole input." })
  field!: string;

  @Field(() => String, { description: "What is wrong and what to do, written for the person entering the record." })
  message!: string;
}

/** Input field paths in core are relative to the record; the mutation's input nests them under `input`. */
export function userErrorsOf(violations: readonly Violation[], prefix = ""): UserError[] {
  return violations.map((violation) =>
    Object.assign(new UserError(), {
      code: violation.code,
      field: prefix && violation.field ? `${prefix}.${violation.field}` : violation.field || prefix,
      message: violation.message,
    }),
  );
}

/** Thrown inside a write to abandon the transaction and answer with user errors instead. */
export class RefusedByRules extends Error {
  constructor(readonly violations: readonly Violation[]) {
    super("Refused by domain rules");
  }
}
