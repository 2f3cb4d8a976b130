import { sql, type SQL } from "drizzle-orm";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { countedCte, whole, type KpiQuery } from "./population.js";

/**
 * A ratio summed over per-episode counts, in one statement. `perEpisode` selects `episode_id`, `numerator` and
 * `denominator` for the records an indicator counts, found through their own indexes (date, catalogue item)
 * and grouped per episode first; only the episodes it names are then looked up for the filter and the
 * breakdown, once each rather than once per record.
 */
export async function episodeCountsRatio(query: KpiQuery, perEpisode: SQL, names: GroupNames): Promise<ReturnType<typeof ratioWithGroups>> {
  const rows = await query.db.rows<{ group_key: string; numerator: unknown; denominator: unknown }>(sql`with per_episode as materialized (${perEpisode}),
    ${countedCte(query, sql`e.id in (select episode_id from per_episode)`)}
    select c.group_key, sum(p.numerator) as numerator, sum(p.denominator) as denominator
    from counted c
    join per_episode p on p.episode_id = c.episode_id
    group by c.group_key`);
  const tally = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) addToTally(tally, String(row.group_key), whole(row.numerator), whole(row.denominator));
  return ratioWithGroups(tally, query.breakdown, names);
}
