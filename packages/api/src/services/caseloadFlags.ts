import { addDays, addYears, type IsoDate, type ServiceSettings } from "@waymark/core";
import { and, eq, gt, gte, isNull, lt, lte, not, or, sql, type SQL } from "drizzle-orm";
import type { Tables } from "../db/database.js";

/**
 * The caseload flags of DOMAIN §4 as SQL conditions on `episodes`, so a caseload can filter and sort on
 * them in the database and a 2,000-episode team still pages through an index.
 *
 * The derived columns (services/episodeSummary.ts) hold dates and counts that core computed when the
 * episode's records last changed; each verdict that depends on the day is made here against `today`,
 * with the threshold core uses. Conditions are written for open episodes: callers add the openness.
 */

/** The flags, in the order a caseload row shows them: the most pressing first. */
export const CASELOAD_FLAGS = [
  "SUICIDE_RISK",
  "SAFEGUARDING",
  "SAFEGUARDING_HOME_VISIT_DUE",
  "DISENGAGING",
  "DNA_FOLLOW_UP_OVERDUE",
  "DNA_FOLLOW_UP_DUE",
  "REVIEW_OVERDUE",
  "NO_KEYWORKER",
  "OST_6_YEARS",
  "OST_2_YEARS",
] as const;

export type CaseloadFlag = (typeof CASELOAD_FLAGS)[number];

/** What a flag condition compares the derived columns with. */
export interface FlagQueryContext {
  readonly t: Tables;
  readonly today: IsoDate;
  readonly settings: ServiceSettings;
}

interface FlagDefinition {
  /** Short text for the tag on a caseload row. */
  readonly label: string;
  /** What the flag means and the rule behind it, for the schema and tooltips. */
  readonly description: string;
  readonly condition: (context: FlagQueryContext) => SQL;
}

/**
 * The earliest OST spell start that has lasted `years` calendar years by `today`, found with core's own
 * `addYears` so the leap-day case agrees with ostDuration: a spell begun on 29 February 2024 reaches two
 * years on 28 February 2026, one day earlier than subtracting years from the day would say.
 */
export function latestSpellStartReaching(today: IsoDate, years: number): IsoDate {
  let start = addYears(today, -years);
  while (addYears(start, years) > today) start = addDays(start, -1);
  while (addYears(addDays(start, 1), years) <= today) start = addDays(start, 1);
  return start;
}

/**
 * R-OST-1: `ost_since` is the start of the spell that reached the day the records last changed. The spell
 * still reaches today only while one of its prescriptions (any started on or after that start, by the
 * spell's construction) is open or ends today or later; otherwise the person came off OST since.
 */
function spellStillRunning({ t, today }: FlagQueryContext): SQL {
  const i = t.interventions;
  const item = t.catalogueItems;
  return sql`exists (select 1 from ${i}
    inner join ${t.episodes} as ost_episode on ost_episode.id = ${i.episodeId}
    inner join ${item} on ${item.code} = ${i.catalogueItemCode}
    where ost_episode.service_user_id = ${t.episodes.serviceUserId}
      and ${eq(item.opioidSubstitution, true)}
      and ${isNull(i.enteredInErrorReason)}
      and ${i.startDate} >= ${t.episodes.ostSince}
      and ${i.startDate} <= ${today}
      and (${i.endDate} is null or ${i.endDate} >= ${today}))`;
}

/** On OST at least `years` (and, when given, fewer than `belowYears`) continuous calendar years. */
function ostFor(context: FlagQueryContext, years: number, belowYears: number | null): SQL {
  const since = context.t.episodes.ostSince;
  const reached = lte(since, latestSpellStartReaching(context.today, years));
  const notBeyond = belowYears === null ? undefined : gt(since, latestSpellStartReaching(context.today, belowYears));
  // The EXISTS comes last so the database only runs it for the few people whose spell is long enough.
  return and(reached, notBeyond, spellStillRunning(context)) as SQL;
}

export const CASELOAD_FLAG_DEFINITIONS: Record<CaseloadFlag, FlagDefinition> = {
  SUICIDE_RISK: {
    label: "Suicide risk",
    description: "R-RISK-2: the latest risk assessment in this episode recorded a factor linked to suicide; it stays until a later assessment records none.",
    condition: ({ t }) => eq(t.episodes.suicideRisk, true),
  },
  SAFEGUARDING: {
    label: "Safeguarding",
    description: "R-SAFE-1: the person is pregnant or lives with a child under 5.",
    condition: ({ t }) => eq(t.episodes.safeguarding, true),
  },
  SAFEGUARDING_HOME_VISIT_DUE: {
    label: "Home visit due",
    description: "R-SAFE-1: safeguarding applies and no home visit the person attended is recorded in this episode yet.",
    condition: ({ t }) => and(eq(t.episodes.safeguarding, true), eq(t.episodes.homeVisitRecorded, false)) as SQL,
  },
  DISENGAGING: {
    label: "Disengaging",
    description: "R-DNA-2: missed appointments in a row, or too long without an attended contact (service settings): review risk and re-engage.",
    condition: ({ t, today, settings }) =>
      or(
        gte(t.episodes.consecutiveDnas, Math.max(settings.disengagementConsecutiveDnas, 1)),
        // Core flags from the day `disengagementDaysWithoutContact` after the last attended contact (or the referral).
        lte(sql`coalesce(${t.episodes.lastAttendedContactDate}, ${t.episodes.referralDate})`, addDays(today, -settings.disengagementDaysWithoutContact)),
      ) as SQL,
  },
  DNA_FOLLOW_UP_OVERDUE: {
    label: "DNA follow-up overdue",
    description: "R-DNA-1: a missed appointment was not followed up by its deadline.",
    condition: ({ t, today }) => lt(t.episodes.dnaFollowUpDueBy, today),
  },
  DNA_FOLLOW_UP_DUE: {
    label: "DNA follow-up due",
    description: "R-DNA-1: a missed appointment needs a follow-up contact attempt, and its deadline has not passed. Not shown when one is already overdue.",
    condition: ({ t, today }) => gte(t.episodes.dnaFollowUpDueBy, today),
  },
  REVIEW_OVERDUE: {
    label: "Review overdue",
    description: "R-REV-2: the recovery plan's review due date has passed without a review.",
    condition: ({ t, today }) => lt(t.episodes.nextReviewDue, today),
  },
  NO_KEYWORKER: {
    label: "No keyworker",
    description: "The episode has no keyworker allocated.",
    condition: ({ t }) => isNull(t.episodes.keyworkerId),
  },
  OST_6_YEARS: {
    label: "OST 6+ years",
    description: "R-OST-1: on opioid substitution treatment continuously for 6 years or more.",
    condition: (context) => ostFor(context, 6, null),
  },
  OST_2_YEARS: {
    label: "OST 2+ years",
    description: "R-OST-1: on opioid substitution treatment continuously for 2 years or more (and under 6, which has its own flag).",
    condition: (context) => ostFor(context, 2, 6),
  },
};

/** The SQL condition that an open episode carries `flag` today. */
export function caseloadFlagCondition(flag: CaseloadFlag, context: FlagQueryContext): SQL {
  return CASELOAD_FLAG_DEFINITIONS[flag].condition(context);
}

/** The SQL condition that an open episode does not carry `flag` today (a NULL verdict counts as not carried). */
export function withoutCaseloadFlag(flag: CaseloadFlag, context: FlagQueryContext): SQL {
  return not(sql`coalesce(${caseloadFlagCondition(flag, context)}, false)`);
}
