import { APPOINTMENT_CONTACT_KINDS, type DidNotAttendKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import { addToTally, ratioWithGroups, type GroupNames } from "./breakdownGroups.js";
import { countedCte, sqlList, whole, type KpiQuery } from "./population.js";

/**
 * K-10 Did not attend. One statement counts, per group, the in-force appointments of counted episodes dated in
 * the period that were attended or not attended, and the ones not attended. The appointments are read through
 * their date and counted per episode first, so each episode they belong to is looked up once for the filter and
 * the breakdown, not once per appointment.
 */
export async function didNotAttend(query: KpiQuery, names: GroupNames): Promise<DidNotAttendKpi> {
  const { db, period } = query;
  const rows = await db.rows<{ group_key: string; missed: unknown; appointments: unknown }>(sql`with appointments as materialized (
      select k.episode_id, sum(case when k.outcome = 'DID_NOT_ATTEND' then 1 else 0 end) as missed, count(*) as appointments
      from contacts k
      where k.date >= ${period.from} and k.date <= ${period.to} and k.entered_in_error_reason is null
        and k.kind in (${sqlList(APPOINTMENT_CONTACT_KINDS)}) and k.outcome in ('ATTENDED', 'DID_NOT_ATTEND')
      group by k.episode_id
    ),
    ${countedCte(query, sql`e.id in (select episode_id from appointments)`)}
    select c.group_key, sum(p.missed) as missed, sum(p.appointments) as appointments
    from counted c
    join appointments p on p.episode_id = c.episode_id
    group by c.group_key`);
  const tally = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) addToTally(tally, String(row.group_key), whole(row.missed), whole(row.appointments));
  return { id: "K-10", target: null, ...ratioWithGroups(tally, query.breakdown, names) };
}
