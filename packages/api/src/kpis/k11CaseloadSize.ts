import { kpiRatio, type CaseloadSizeKpi, type KeyworkerCaseload } from "@waymark/core";
import { sql } from "drizzle-orm";
import { groupLabel, groupsOf, type GroupNames } from "./breakdownGroups.js";
import { countedCte, openAtEndOfScope, whole, type KpiQuery } from "./population.js";

/**
 * K-11 Caseload size, a snapshot at the end of `asOf`. One statement counts the counted episodes open then
 * (referred on or before `asOf`, not discharged on or before it) per group and keyworker; the caseloads, the
 * distinct keyworkers and the means are summed from those counts.
 */
export async function caseloadSize(query: KpiQuery, names: GroupNames): Promise<CaseloadSizeKpi> {
  const { db, asOf } = query;
  const rows = await db.rows<{ group_key: string; keyworker_id: string | null; open_episodes: unknown }>(sql`with ${countedCte(query, openAtEndOfScope(asOf))}
    select c.group_key, c.keyworker_id, count(*) as open_episodes
    from counted c
    group by c.group_key, c.keyworker_id`);
  let openEpisodes = 0;
  const perKeyworker = new Map<string, number>();
  const perGroup = new Map<string, { numerator: number; holders: Set<string>; denominator: number }>();
  for (const row of rows) {
    const count = whole(row.open_episodes);
    openEpisodes += count;
    if (row.keyworker_id === null) continue;
    perKeyworker.set(row.keyworker_id, (perKeyworker.get(row.keyworker_id) ?? 0) + count);
    const group = perGroup.get(String(row.group_key)) ?? { numerator: 0, holders: new Set<string>(), denominator: 0 };
    group.numerator += count;
    group.holders.add(row.keyworker_id);
    group.denominator = group.holders.size;
    perGroup.set(String(row.group_key), group);
  }
  const caseloads: KeyworkerCaseload[] = [...perKeyworker.entries()]
    .map(([keyworkerId, count]) => ({ keyworkerId, label: groupLabel("KEYWORKER", keyworkerId, names), openEpisodes: count }))
    .sort((a, b) => b.openEpisodes - a.openEpisodes || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.keyworkerId < b.keyworkerId ? -1 : 1));
  const allocated = caseloads.reduce((sum, caseload) => sum + caseload.openEpisodes, 0);
  return {
    id: "K-11",
    asOf,
    openEpisodes,
    unallocated: openEpisodes - allocated,
    keyworkers: caseloads.length,
    meanCaseload: kpiRatio(allocated, caseloads.length).value,
    caseloads,
    groups: groupsOf(perGroup, query.breakdown, (dimension, key, group) => ({
      key,
      label: groupLabel(dimension, key, names),
      ...kpiRatio(group.numerator, group.denominator),
    })),
  };
}
