import { INPUT_CODES, ROLES, type Role, type Violation } from "@waymark/core";
import { MIN_PASSWORD_LENGTH } from "../auth/secrets.js";
import { TEXT_LIMITS } from "../graphql/mutations.js";

export type { Role };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_PASSWORD_LENGTH = 200;
/** RFC 5321's limit on an address's length. */
export const MAX_EMAIL_LENGTH = 254;

/** Roles that hold a caseload, whose scope is their teams (DOMAIN §1). */
const CLINICAL_ROLES: readonly Role[] = ["PRACTITIONER", "TEAM_LEAD"];

/** A staff account's details as they will be saved. */
export interface StaffAccountDetails {
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly string[];
  /** The new password, or null when it is not being set. */
  readonly password: string | null;
}

/** The checks on a staff account's details before it is created or changed. */
export function checkStaffAccount(account: StaffAccountDetails, emailTaken: boolean): Violation[] {
  const found: Violation[] = [];
  const name = account.name.trim();
  if (!name) found.push({ code: INPUT_CODES.required, field: "name", message: "Enter the staff member's name." });
  else if (name.length > TEXT_LIMITS.short) found.push({ code: INPUT_CODES.tooLong, field: "name", message: `This is ${name.length} characters long; the most allowed is ${TEXT_LIMITS.short}.` });
  if (account.email.length > MAX_EMAIL_LENGTH) found.push({ code: INPUT_CODES.tooLong, field: "email", message: `This is ${account.email.length} characters long; the most allowed is ${MAX_EMAIL_LENGTH}.` });
  else if (!EMAIL.test(account.email)) found.push({ code: INPUT_CODES.invalidValue, field: "email", message: "Enter an email address like name@example.org." });
  else if (emailTaken) found.push({ code: INPUT_CODES.invalidValue, field: "email", message: "Another account already uses this email address." });
  if (account.roles.length === 0) found.push({ code: INPUT_CODES.required, field: "roles", message: "Give the staff member at least one role." });
  if (account.roles.some((role) => !ROLES.includes(role))) found.push({ code: INPUT_CODES.invalidValue, field: "roles", message: "Choose roles from the list." });
  // A practitioner or team lead sees the caseloads of their teams; with no team they could see nothing.
  if (account.roles.some((role) => CLINICAL_ROLES.includes(role)) && account.teamIds.length === 0) {
    found.push({ code: INPUT_CODES.required, field: "teamIds", message: "Practitioners and team leads need at least one team: their caseload comes from it." });
  }
  if (account.password !== null && (account.password.length < MIN_PASSWORD_LENGTH || account.password.length > MAX_PASSWORD_LENGTH)) {
    found.push({ code: INPUT_CODES.invalidValue, field: "password", message: `Passwords must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long. A few unrelated words make a good one.` });
  }
  return found;
}

/**
 * The provider must always keep an active admin, or nobody could manage accounts again without the
 * command line. Refuses a change that disables or demotes the last one.
 */
export function checkKeepsAnActiveAdmin(
  before: { readonly roles: readonly Role[]; readonly active: boolean },
  after: { readonly roles: readonly Role[]; readonly active: boolean },
  otherActiveAdmins: number,
): Violation[] {
  const wasActiveAdmin = before.active && before.roles.includes("ADMIN");
  const staysActiveAdmin = after.active && after.roles.includes("ADMIN");
  if (!wasActiveAdmin || staysActiveAdmin || otherActiveAdmins > 0) return [];
  const field = after.active ? "roles" : "active";
  return [{ code: INPUT_CODES.invalidValue, field, message: "This is the last active admin account. Give another account the admin role before removing it from this one." }];
}
