import { addYears, postcodeDistrictOf, type IsoDate, type KpiFilter, type KpiPeriod } from "@waymark/core";
import { inArray } from "drizzle-orm";
import type { Viewer } from "../auth/viewer.js";
import type { Db, Tables } from "../db/database.js";
import { badUserInput } from "../graphql/errors.js";
import { localIdOf } from "../graphql/globalId.js";
import type { KpiFilterInput, KpiPeriodInput } from "../graphql/types/kpis.js";

/** The longest period a report may cover: five years keeps every run's cost bounded. */
export const MAX_KPI_PERIOD_YEARS = 5;

/**
 * Checks the period and `asOf`: the period ends on or after it starts and spans at most five years, and `asOf`
 * is not before the period starts (a snapshot from before the period would say nothing about it).
 */
export function checkedKpiPeriod(period: KpiPeriodInput, asOf: IsoDate | null | undefined): { period: KpiPeriod; asOf: IsoDate } {
  if (period.from > period.to) throw badUserInput("period.to", `The period cannot end (${period.to}) before it starts (${period.from}).`);
  if (period.to >= addYears(period.from, MAX_KPI_PERIOD_YEARS)) {
    throw badUserInput("period.to", `A report covers at most ${MAX_KPI_PERIOD_YEARS} years: end the period before ${addYears(period.from, MAX_KPI_PERIOD_YEARS)}.`);
  }
  const checkedAsOf = asOf ?? period.to;
  if (checkedAsOf < period.from) throw badUserInput("asOf", `asOf (${checkedAsOf}) cannot be before the period starts (${period.from}).`);
  return { period: { from: period.from, to: period.to }, asOf: checkedAsOf };
}

/**
 * Turns the filter's global IDs into stored IDs, checks every team and keyworker exists and every postcode
 * district is an outward code, and, for a team lead who is not an analyst, limits the teams to their own:
 * asking for another team is refused, and asking for none means all of theirs.
 */
export async function checkedKpiFilter(db: Db, t: Tables, input: KpiFilterInput | null | undefined, viewer: Viewer, limitToOwnTeams: boolean): Promise<KpiFilter> {
  const filter: { -readonly [K in keyof KpiFilter]: KpiFilter[K] } = {};
  if (input?.teamIds != null) {
    const teamIds = input.teamIds.map((id) => localIdOrRefuse(id, "Team", "filter.teamIds"));
    const known = new Set((await db.select({ id: t.teams.id }).from(t.teams).where(inArray(t.teams.id, unique(teamIds)))).map((row) => row.id));
    if (teamIds.some((id) => !known.has(id))) throw badUserInput("filter.teamIds", "One of the team IDs does not match any team.");
    if (limitToOwnTeams && teamIds.some((id) => !viewer.teamIds.includes(id))) {
      throw badUserInput("filter.teamIds", "A team lead's figures cover only their own teams: leave out the teams you do not lead.");
    }
    filter.teamIds = unique(teamIds);
  } else if (limitToOwnTeams) {
    filter.teamIds = [...viewer.teamIds];
  }
  if (input?.keyworkerIds != null) {
    const keyworkerIds = input.keyworkerIds.map((id) => (id === null ? null : localIdOrRefuse(id, "StaffMember", "filter.keyworkerIds")));
    const named = unique(keyworkerIds.filter((id): id is string => id !== null));
    const known = new Set(named.length === 0 ? [] : (await db.select({ id: t.staff.id }).from(t.staff).where(inArray(t.staff.id, named))).map((row) => row.id));
    if (named.some((id) => !known.has(id))) throw badUserInput("filter.keyworkerIds", "One of the keyworker IDs does not match any staff member.");
    filter.keyworkerIds = unique(keyworkerIds);
  }
  if (input?.cohorts != null) filter.cohorts = unique(input.cohorts);
  if (input?.ageBands != null) filter.ageBands = unique(input.ageBands);
  if (input?.sexes != null) filter.sexes = unique(input.sexes);
  if (input?.ethnicities != null) filter.ethnicities = unique(input.ethnicities);
  if (input?.postcodeDistricts != null) {
    filter.postcodeDistricts = unique(
      input.postcodeDistricts.map((district) => {
        if (district === null) return null;
        const outward = postcodeDistrictOf(district);
        if (outward === null || outward !== district.replace(/\s+/g, "").toUpperCase()) {
          throw badUserInput("filter.postcodeDistricts", `"${district}" is not a postcode district: give the outward code only, such as SO14.`);
        }
        return outward;
      }),
    );
  }
  return filter;
}

function localIdOrRefuse(globalId: string, typeName: string, field: string): string {
  const localId = localIdOf(globalId, typeName);
  if (localId === null) throw badUserInput(field, `"${globalId}" is not a ${typeName} ID. Pass an ID from a ${typeName} as it is.`);
  return localId;
}

function unique<V>(values: readonly V[]): V[] {
  return [...new Set(values)];
}
