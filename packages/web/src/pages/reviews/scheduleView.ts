import { addDays } from "@waymark/core";

/**
 * What the review schedule shows, kept in the address so the back button and a bookmark return to the same
 * view. It holds only opaque team and staff IDs and a number of weeks: nothing about any person.
 */
export interface ScheduleView {
  /** MINE: the reviews of the signed-in keyworker; TEAM: their teams' (team leads only). */
  readonly scope: "MINE" | "TEAM";
  readonly teamId: string | null;
  readonly keyworkerId: string | null;
  readonly weeksAhead: number;
}

/** How far ahead a person can look; four weeks is the API's own default window. */
export const WEEKS_AHEAD_CHOICES = [4, 8, 12, 26] as const;
const DEFAULT_WEEKS_AHEAD = 4;

/** Reads the view from the address; team leads start on their team's schedule, everyone else on their own. */
export function scheduleViewOf(params: URLSearchParams, isTeamLead: boolean): ScheduleView {
  const weeks = Number(params.get("weeks"));
  const scope = isTeamLead && params.get("scope") !== "mine" ? "TEAM" : "MINE";
  return {
    scope,
    teamId: scope === "TEAM" ? params.get("team") || null : null,
    keyworkerId: scope === "TEAM" ? params.get("keyworker") || null : null,
    weeksAhead: (WEEKS_AHEAD_CHOICES as readonly number[]).includes(weeks) ? weeks : DEFAULT_WEEKS_AHEAD,
  };
}

/** The address parameters for a view, leaving defaults out to keep the address short. */
export function paramsOf(view: ScheduleView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.scope === "MINE") params.set("scope", "mine");
  if (view.teamId) params.set("team", view.teamId);
  if (view.keyworkerId) params.set("keyworker", view.keyworkerId);
  if (view.weeksAhead !== DEFAULT_WEEKS_AHEAD) params.set("weeks", String(view.weeksAhead));
  return params;
}

/** The window's last day: the whole number of weeks chosen, counting today as the first day. */
export function windowEnd(view: ScheduleView, today: string): string {
  return addDays(today, view.weeksAhead * 7 - 1);
}
