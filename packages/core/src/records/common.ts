import type { IsoDate } from "../dates/isoDate.js";

/**
 * Clinical records are never deleted by a user. One entered in error carries this mark, stays in the audit
 * trail and is left out of every rule, schedule and indicator.
 */
export interface EnteredInError {
  readonly reason: string;
  readonly markedById: string;
  readonly markedOn: IsoDate;
}

export interface ClinicalRecord {
  readonly id: string;
  readonly enteredInError?: EnteredInError | null;
}

/** The records a rule may count: those not marked entered in error. */
export function inForce<T extends ClinicalRecord>(records: readonly T[]): T[] {
  return records.filter((record) => !record.enteredInError);
}
