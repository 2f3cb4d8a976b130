import { DISCHARGE_REASONS, exitCategoryOf, KPI_EXIT_CATEGORIES, type DischargeReason, type ExitsKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { countedCte, whole, type KpiQuery } from "./population.js";

/**
 * K-7 Exits. One statement counts the counted episodes discharged in the period (a reason recorded) per group
 * and reason; categories and the planned share are summed from those counts.
 */
export async function exits(query: KpiQuery, names: GroupNames): Promise<ExitsKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ group_key: string; discharge_reason: DischargeReason; exits: unknown }>(sql`with ${countedCte(query, sql`e.discharge_date >= ${period.from} and e.discharge_date <= ${period.to} and e.discharge_reason is not null`)}
    select c.group_key, c.discharge_reason, count(*) as exits
    from counted c
    group by c.group_key, c.discharge_reason`);
  const byReason = new Map<string, number>();
  const tally = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) {
    const count = whole(row.exits);
    byReason.set(row.discharge_reason, (byReason.get(row.discharge_reason) ?? 0) + count);
    addToTally(tally, String(row.group_key), exitCategoryOf(row.discharge_reason) === "PLANNED" ? count : 0, count);
  }
  return {
    id: "K-7",
    target: null,
    ...ratioWithGroups(tally, query.breakdown, names),
    byReason: DISCHARGE_REASONS.entries.map((entry) => ({ key: entry.code, label: entry.label, count: byReason.get(entry.code) ?? 0 })),
    byCategory: KPI_EXIT_CATEGORIES.map((category) => ({
      key: category.code,
      label: category.label,
      count: [...byReason.entries()].filter(([reason]) => exitCategoryOf(reason as DischargeReason) === category.code).reduce((sum, [, count]) => sum + count, 0),
    })),
  };
}
