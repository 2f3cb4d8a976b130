import { INPUT_CODES, type Violation } from "@waymark/core";
import type { Db } from "../db/database.js";
import type { RequestContext } from "./context.js";
import { unauthenticated } from "./errors.js";
import { RefusedByRules, userErrorsOf, type UserError } from "./userErrors.js";
import type { Viewer } from "../auth/viewer.js";

/** The signed-in viewer, or UNAUTHENTICATED. */
export function requireViewer(context: RequestContext): Viewer {
  if (!context.viewer) throw unauthenticated();
  return context.viewer;
}

/**
 * Runs a mutation's work in one write transaction. A rule refusing the input (RefusedByRules) rolls the
 * whole transaction back and comes back as userErrors, so nothing is written; any other error propagates.
 */
export async function runMutation<T>(context: RequestContext, work: (tx: Db) => Promise<T>): Promise<{ result: T | null; userErrors: UserError[] }> {
  try {
    return { result: await context.database.write(work), userErrors: [] };
  } catch (error) {
    if (error instanceof RefusedByRules) return { result: null, userErrors: userErrorsOf(error.violations) };
    throw error;
  }
}

/** Refuses (rolls back) when any violation is given. */
export function refuseIfAny(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new RefusedByRules(violations);
}

/**
 * Optimistic concurrency: an update names the version it was based on; if someone saved in between, it is
 * refused rather than silently overwriting their work.
 */
export function checkVersion(currentVersion: number, expectedVersion: number | null | undefined, what = "record"): void {
  if (expectedVersion == null || expectedVersion === currentVersion) return;
  throw new RefusedByRules([
    { code: INPUT_CODES.staleVersion, field: "version", message: `Someone else changed this ${what} while you were editing it. Reload it to see their changes, then make yours again.` },
  ]);
}

/** Length limits on free text, so a pasted document cannot bloat a record. */
export const TEXT_LIMITS = { short: 200, medium: 2_000, long: 20_000 } as const;

/** TOO_LONG violations for each string over its limit. */
export function tooLong(fields: Record<string, [value: string | null | undefined, max: number]>): Violation[] {
  return Object.entries(fields).flatMap(([field, [value, max]]) =>
    value != null && value.length > max ? [{ code: INPUT_CODES.tooLong, field, message: `This is ${value.length} characters long; the most allowed is ${max}.` }] : [],
  );
}
