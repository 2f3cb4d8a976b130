import { APPOINTMENT_CONTACT_KINDS, type DidNotAttendKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { populationCtes, sqlList, whole, type KpiQuery } from "./population.js";

/**
 * K-10 Did not attend. One statement counts, per group, the in-force appointments of counted episodes dated in
 * the period that were attended or not attended, and the ones not attended.
 */
export async function didNotAttend(query: KpiQuery, names: GroupNames): Promise<DidNotAttendKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ group_key: string; missed: unknown; appointments: unknown }>(sql`with ${populationCtes(query)}
    select c.group_key, sum(case when k.outcome = 'DID_NOT_ATTEND' then 1 else 0 end) as missed, count(*) as appointments
    from counted c
    join contacts k on k.episode_id = c.episode_id and k.entered_in_error_reason is null
    where k.kind in (${sqlList(APPOINTMENT_CONTACT_KINDS)}) and k.outcome in ('ATTENDED', 'DID_NOT_ATTEND')
      and ${db.text(sql`k.date`)} >= ${period.from} and ${db.text(sql`k.date`)} <= ${period.to}
    group by c.group_key`);
  const tally = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) addToTally(tally, String(row.group_key), whole(row.missed), whole(row.appointments));
  return { id: "K-10", target: null, ...ratioWithGroups(tally, query.breakdown, names) };
}
