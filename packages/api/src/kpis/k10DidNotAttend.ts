import { APPOINTMENT_CONTACT_KINDS, type DidNotAttendKpi } from "@waymark/core";
import { sql } from "drizzle-orm";
import type { GroupNames } from "./breakdownGroups.js";
import { episodeCountsRatio } from "./episodeCountsRatio.js";
import { sqlList, type KpiQuery } from "./population.js";

/**
 * K-10 Did not attend: the in-force appointments of counted episodes dated in the period that were attended or
 * not attended, and the ones not attended. The appointments are read through their date.
 */
export async function didNotAttend(query: KpiQuery, names: GroupNames): Promise<DidNotAttendKpi> {
  const { period } = query;
  const ratio = await episodeCountsRatio(
    query,
    sql`select k.episode_id, sum(case when k.outcome = 'DID_NOT_ATTEND' then 1 else 0 end) as numerator, count(*) as denominator
      from contacts k
      where k.date >= ${period.from} and k.date <= ${period.to} and k.entered_in_error_reason is null
        and k.kind in (${sqlList(APPOINTMENT_CONTACT_KINDS)}) and k.outcome in ('ATTENDED', 'DID_NOT_ATTEND')
      group by k.episode_id`,
    names,
  );
  return { id: "K-10", target: null, ...ratio };
}
