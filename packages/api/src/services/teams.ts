import { DEFAULT_REVIEW_INTERVAL_WEEKS, DEFAULT_WAITING_TIME_TARGET_DAYS } from "@waymark/core";
import { and, eq, ne, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db, Tables } from "../db/database.js";
import type { TeamRow } from "../db/mappers.js";
import { checkVersion, refuseIfAny } from "../graphql/mutations.js";
import { checkTeam, type TeamDetails } from "./teamRules.js";

export interface NewTeam {
  readonly name: string;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly reviewIntervalWeeks: number | null;
  readonly waitingTimeTargetDays: number | null;
  /** A generated provider names its own IDs so the same seed gives the same records; otherwise a random one. */
  readonly id?: string;
}

/** A change to a team: `undefined` leaves a field as it is; null clears an age limit. */
export interface TeamChange {
  readonly version: number | null;
  readonly name?: string | null;
  readonly minAge?: number | null;
  readonly maxAge?: number | null;
  readonly reviewIntervalWeeks?: number | null;
  readonly waitingTimeTargetDays?: number | null;
}

async function nameTaken(tx: Db, t: Tables, name: string, exceptTeamId: string | null): Promise<boolean> {
  const sameName = sql`lower(${t.teams.name}) = ${name.trim().toLowerCase()}`;
  const [row] = await tx.select({ id: t.teams.id }).from(t.teams).where(exceptTeamId ? and(sameName, ne(t.teams.id, exceptTeamId)) : sameName);
  return row !== undefined;
}

/**
 * Creates a team, with DOMAIN's defaults (12-week reviews, 21-day waiting-time target) for settings not
 * given. Throws RefusedByRules (nothing written) when a check fails.
 */
export async function createTeam(tx: Db, t: Tables, team: NewTeam, now: Date): Promise<TeamRow> {
  const details: TeamDetails = {
    name: team.name.trim(),
    minAge: team.minAge,
    maxAge: team.maxAge,
    reviewIntervalWeeks: team.reviewIntervalWeeks ?? DEFAULT_REVIEW_INTERVAL_WEEKS,
    waitingTimeTargetDays: team.waitingTimeTargetDays ?? DEFAULT_WAITING_TIME_TARGET_DAYS,
  };
  refuseIfAny(checkTeam(details, await nameTaken(tx, t, details.name, null)));
  const [row] = await tx.insert(t.teams).values({ id: team.id ?? randomUUID(), ...details, createdAt: now, updatedAt: now }).returning();
  if (!row) throw new Error("Inserting a team returned no row");
  return row;
}

/**
 * Changes a team. Plans already agreed keep the review interval they were made with (the plan carries its
 * own), so a changed setting applies to new plans; nothing else derived from the team needs recomputing.
 * Returns the saved row and the names of the fields that changed, for the audit trail.
 */
export async function updateTeam(tx: Db, t: Tables, current: TeamRow, change: TeamChange, now: Date): Promise<{ row: TeamRow; changed: string[] }> {
  checkVersion(current.version, change.version, "team");
  const details: TeamDetails = {
    name: change.name != null ? change.name.trim() : current.name,
    minAge: change.minAge !== undefined ? change.minAge : current.minAge,
    maxAge: change.maxAge !== undefined ? change.maxAge : current.maxAge,
    reviewIntervalWeeks: change.reviewIntervalWeeks ?? current.reviewIntervalWeeks,
    waitingTimeTargetDays: change.waitingTimeTargetDays ?? current.waitingTimeTargetDays,
  };
  refuseIfAny(checkTeam(details, await nameTaken(tx, t, details.name, current.id)));
  const changed = (Object.keys(details) as (keyof TeamDetails)[]).filter((field) => details[field] !== current[field]);
  if (changed.length === 0) return { row: current, changed };
  const [row] = await tx
    .update(t.teams)
    .set({ ...details, updatedAt: now, version: current.version + 1 })
    .where(and(eq(t.teams.id, current.id), eq(t.teams.version, current.version)))
    .returning();
  if (!row) throw new Error("Updating a team matched no row");
  return { row, changed };
}
