import type { Role } from "@waymark/core";
import type { GraphQLResult } from "../graphqlClient.js";
import type { MatrixRecords, RecordBuilder } from "./matrixRecords.js";

/** Who makes a call: no one (no session), or a signed-in member of staff holding one role. */
export type Caller = "anonymous" | Role;

/** The callers of the matrix, in the order its columns are written. */
export const CALLERS: readonly Caller[] = ["anonymous", "PRACTITIONER", "TEAM_LEAD", "ADMIN", "ANALYST"];

/**
 * What a caller may do with an operation (DOMAIN §1):
 * - ALLOWED: the operation is open to the caller as such;
 * - SCOPED: open, but only over the records within the caller's scope (anything else is "not found" or null);
 * - FORBIDDEN: the role may not do this at all (`FORBIDDEN`);
 * - UNAUTHENTICATED: not without signing in (`UNAUTHENTICATED`).
 */
export type Access = "ALLOWED" | "SCOPED" | "FORBIDDEN" | "UNAUTHENTICATED";

/**
 * What another practitioner gets when they aim the operation at the keyworker's records (object-level access):
 * - NOT_FOUND: the write is refused as if the record did not exist;
 * - NULL: the read answers null;
 * - COVER: a colleague in the same team gets through (covering, audited), anyone else gets NOT_FOUND;
 * - LISTED: a list, whose contents the list tests check;
 * - NO_TARGET: the operation names no existing record.
 */
export type OthersRecords = "NOT_FOUND" | "NULL" | "COVER" | "LISTED" | "NO_TARGET";

/** One row of the access table: the decision per caller and how to make a meaningful request. */
export interface OperationRule {
  readonly access: Readonly<Record<Caller, Access>>;
  /** For operations on people's records: what another practitioner gets for the keyworker's records. */
  readonly othersRecords?: OthersRecords;
  /** Builds the records the call acts on, fresh for each call, so one caller's change never decides another's answer. */
  readonly records?: (build: RecordBuilder) => Promise<Partial<MatrixRecords>>;
  /** Argument values a generic generator cannot know; for mutations, fields merged into the generated `input`. */
  readonly values?: (records: MatrixRecords) => Record<string, unknown>;
  /** The call changes the session it runs in (sign-in, sign-out), so it gets a session of its own. */
  readonly ownSession?: boolean;
}

/** The access table: every Query and Mutation field, each with its decision per caller. */
export interface AccessTable {
  readonly query: Readonly<Record<string, OperationRule>>;
  readonly mutation: Readonly<Record<string, OperationRule>>;
}

/** A row's decisions, in the column order of {@link CALLERS}. */
export function decide(anonymous: Access, practitioner: Access, teamLead: Access, admin: Access, analyst: Access): Record<Caller, Access> {
  return { anonymous, PRACTITIONER: practitioner, TEAM_LEAD: teamLead, ADMIN: admin, ANALYST: analyst };
}

/** How a call came back, reduced to what access decisions are about. */
export type OutcomeKind = "ANSWERED" | "REFUSED" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "FAILED";

export interface Outcome {
  readonly kind: OutcomeKind;
  /** The field's data when answered; the errors or userErrors otherwise, for failure messages. */
  readonly data: unknown;
  readonly detail: string;
}

const ACCESS_CODES: readonly string[] = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"];

/**
 * Classifies the answer to a call of `field`: an access code from `errors[].extensions.code`, a rule refusal
 * (`userErrors`), a plain answer, or FAILED for anything else (a malformed request, a server error), which
 * no expectation accepts.
 */
export function outcomeOf(result: GraphQLResult<unknown>, field: string): Outcome {
  const errors = result.errors ?? [];
  if (errors.length > 0) {
    const codes = [...new Set(errors.map((error) => error.extensions?.code))];
    const [code] = codes;
    const kind = codes.length === 1 && typeof code === "string" && ACCESS_CODES.includes(code) ? (code as OutcomeKind) : "FAILED";
    return { kind, data: null, detail: JSON.stringify(errors) };
  }
  const data = (result.data as Record<string, unknown> | null)?.[field];
  const userErrors = (data as { userErrors?: unknown[] } | null)?.userErrors ?? [];
  if (userErrors.length > 0) return { kind: "REFUSED", data, detail: JSON.stringify(userErrors) };
  return { kind: "ANSWERED", data, detail: JSON.stringify(data) };
}

/**
 * The outcome a decision calls for. The matrix's records are fresh and in the caller's scope, so an allowed
 * caller's request must go through outright: a refusal would mean the generated request proves nothing.
 */
export function expectedOutcome(access: Access): OutcomeKind {
  return access === "ALLOWED" || access === "SCOPED" ? "ANSWERED" : access;
}
