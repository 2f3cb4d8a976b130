import { INPUT_CODES, ROLES, type Role, type Violation } from "@waymark/core";
import { MIN_PASSWORD_LENGTH } from "../auth/secrets.js";

export type { Role };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_PASSWORD_LENGTH = 200;

/** The checks on a staff account's details before it is created or changed. */
export function checkStaffAccount(
  account: { readonly name: string; readonly email: string; readonly roles: readonly Role[]; readonly password: string | null },
  emailTaken: boolean,
): Violation[] {
  const found: Violation[] = [];
  if (!account.name.trim()) found.push({ code: INPUT_CODES.required, field: "name", message: "Enter the staff member's name." });
  if (!EMAIL.test(account.email)) found.push({ code: INPUT_CODES.invalidValue, field: "email", message: "Enter an email address like name@example.org." });
  else if (emailTaken) found.push({ code: INPUT_CODES.invalidValue, field: "email", message: "Another account already uses this email address." });
  if (account.roles.length === 0) found.push({ code: INPUT_CODES.required, field: "roles", message: "Give the staff member at least one role." });
  if (account.roles.some((role) => !ROLES.includes(role))) found.push({ code: INPUT_CODES.invalidValue, field: "roles", message: "Choose roles from the list." });
  if (account.password !== null && (account.password.length < MIN_PASSWORD_LENGTH || account.password.length > MAX_PASSWORD_LENGTH)) {
    found.push({ code: INPUT_CODES.invalidValue, field: "password", message: `Passwords must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long. A few unrelated words make a good one.` });
  }
  return found;
}
