import { DEFAULT_WAITING_TIME_TARGET_DAYS, kpiRatio, type WaitingTimeKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { groupLabel, groupsOf, type GroupNames } from "./breakdownGroups.js";
import { countedCte, whole, type KpiQuery } from "./population.js";

interface Wait {
  readonly groupKey: string;
  readonly days: number;
  readonly withinTarget: boolean;
}

/** The median of waits already sorted by days, or null for none (the mean of the two middle ones for an even count). */
function medianOfSorted(waits: readonly Wait[]): number | null {
  if (waits.length === 0) return null;
  const middle = Math.floor(waits.length / 2);
  const upper = (waits[middle] as Wait).days;
  return waits.length % 2 === 1 ? upper : ((waits[middle - 1] as Wait).days + upper) / 2;
}

function summarise(waits: readonly Wait[]) {
  return { ...kpiRatio(waits.filter((wait) => wait.withinTarget).length, waits.length), medianWaitDays: medianOfSorted(waits) };
}

/**
 * K-2 Waiting time. One statement lists the waits of the first interventions in the period, in days from the
 * referral, against each episode's own team target, sorted by length (the episodes found by their first-intervention date); the ratio and the medians are read off
 * that sorted column.
 */
export async function waitingTime(query: KpiQuery, names: GroupNames): Promise<WaitingTimeKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ group_key: string; wait_days: unknown; target_days: unknown }>(sql`with ${countedCte(query, sql`e.first_intervention_date >= ${period.from} and e.first_intervention_date <= ${period.to}`)}
    select c.group_key, ${db.daysBetween(sql`c.referral_date`, sql`c.first_intervention_date`)} as wait_days,
      coalesce(t.waiting_time_target_days, ${DEFAULT_WAITING_TIME_TARGET_DAYS}) as target_days
    from counted c
    left join teams t on t.id = c.team_id
    order by wait_days`);
  const waits: Wait[] = rows.map((row) => ({ groupKey: String(row.group_key), days: whole(row.wait_days), withinTarget: whole(row.wait_days) <= whole(row.target_days) }));
  const byGroup = new Map<string, { denominator: number; waits: Wait[] }>();
  for (const wait of waits) {
    const group = byGroup.get(wait.groupKey) ?? { denominator: 0, waits: [] };
    group.waits.push(wait);
    group.denominator += 1;
    byGroup.set(wait.groupKey, group);
  }
  return {
    id: "K-2",
    target: null,
    ...summarise(waits),
    groups: groupsOf(byGroup, query.breakdown, (dimension, key, group) => ({ key, label: groupLabel(dimension, key, names), ...summarise(group.waits) })),
  };
}
