import type { Clock } from "../clock.js";
import type { Database } from "../db/database.js";

export const DEMO_PASSWORD = "waymark demo password";

export interface SeedResult {
  readonly skipped: boolean;
  readonly teams: number;
  readonly staff: number;
  readonly people: number;
  readonly emails: readonly string[];
}

export async function seedDemoProvider(_database: Database, _clock: Clock, _options: { ifEmpty: boolean }): Promise<SeedResult> {
  throw new Error("seedDemoProvider is being written");
}
