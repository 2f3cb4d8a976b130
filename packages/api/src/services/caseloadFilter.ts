import type { EpisodeStatus } from "@waymark/core";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { badUserInput } from "../graphql/errors.js";
import { containsText, dateCondition, idCondition, MAX_IN_VALUES, type DateFilter, type IdFilter } from "../graphql/filters.js";
import { caseloadFlagCondition, withoutCaseloadFlag, type CaseloadFlag, type FlagQueryContext } from "./caseloadFlags.js";

/** Conditions on the flags a caseload row carries today. */
export interface CaseloadFlagCriteria {
  readonly includesAny?: readonly CaseloadFlag[] | null;
  readonly includesAll?: readonly CaseloadFlag[] | null;
  readonly excludes?: readonly CaseloadFlag[] | null;
}

export interface CaseloadStatusCriteria {
  readonly eq?: EpisodeStatus | null;
  readonly in?: readonly EpisodeStatus[] | null;
}

/** A caseload filter; every condition given must hold, `and`/`or` combine nested filters. */
export interface CaseloadFilterCriteria {
  readonly flags?: CaseloadFlagCriteria | null;
  readonly status?: CaseloadStatusCriteria | null;
  readonly keyworker?: IdFilter | null;
  readonly nextReviewDue?: DateFilter | null;
  readonly and?: readonly CaseloadFilterCriteria[] | null;
  readonly or?: readonly CaseloadFilterCriteria[] | null;
}

/** How deep `and`/`or` may nest: enough for any real question, and a bound on the SQL a request can build. */
export const MAX_FILTER_DEPTH = 4;
/** Most words a search may have; each must match the person's name or reference. */
export const MAX_SEARCH_WORDS = 5;
export const MAX_SEARCH_LENGTH = 100;

const NOTHING = sql`1 = 0`;

function flagsCondition(criteria: CaseloadFlagCriteria, context: FlagQueryContext): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (criteria.includesAny != null) {
    parts.push(criteria.includesAny.length === 0 ? NOTHING : or(...criteria.includesAny.map((flag) => caseloadFlagCondition(flag, context))));
  }
  for (const flag of criteria.includesAll ?? []) parts.push(caseloadFlagCondition(flag, context));
  for (const flag of criteria.excludes ?? []) parts.push(withoutCaseloadFlag(flag, context));
  return and(...parts);
}

function statusCondition(criteria: CaseloadStatusCriteria, context: FlagQueryContext, field: string): SQL | undefined {
  const status = context.t.episodes.status;
  if (criteria.in && criteria.in.length > MAX_IN_VALUES) throw badUserInput(`${field}.in`, `Give at most ${MAX_IN_VALUES} values to "in".`);
  return and(
    criteria.eq != null ? eq(status, criteria.eq) : undefined,
    criteria.in != null ? (criteria.in.length === 0 ? NOTHING : inArray(status, [...criteria.in])) : undefined,
  );
}

/** The SQL condition of a caseload filter; `field` is its path in the request, for errors. */
export function caseloadFilterCondition(filter: CaseloadFilterCriteria | null | undefined, context: FlagQueryContext, field = "filter", depth = 0): SQL | undefined {
  if (!filter) return undefined;
  if (depth > MAX_FILTER_DEPTH) throw badUserInput(field, `Filters may nest "and"/"or" at most ${MAX_FILTER_DEPTH} deep.`);
  const { t } = context;
  const nested = (list: readonly CaseloadFilterCriteria[], name: string) =>
    list.map((child, index) => caseloadFilterCondition(child, context, `${field}.${name}.${index}`, depth + 1) ?? sql`1 = 1`);
  return and(
    filter.flags ? flagsCondition(filter.flags, context) : undefined,
    filter.status ? statusCondition(filter.status, context, `${field}.status`) : undefined,
    idCondition(t.episodes.keyworkerId, filter.keyworker, "StaffMember", `${field}.keyworker`),
    dateCondition(t.episodes.nextReviewDue, filter.nextReviewDue, `${field}.nextReviewDue`),
    filter.and ? and(...nested(filter.and, "and")) : undefined,
    filter.or ? (filter.or.length === 0 ? NOTHING : or(...nested(filter.or, "or"))) : undefined,
  );
}

/**
 * A search of the caseload by name or local reference: each word must appear, ignoring case, in the first,
 * last or preferred name or the reference, so "kim tay" finds Kim Taylor.
 */
export function caseloadSearchCondition(search: string | null | undefined, context: FlagQueryContext): SQL | undefined {
  const text = search?.trim() ?? "";
  if (text === "") return undefined;
  if (text.length > MAX_SEARCH_LENGTH) throw badUserInput("search", `Search for at most ${MAX_SEARCH_LENGTH} characters.`);
  const words = text.split(/\s+/);
  if (words.length > MAX_SEARCH_WORDS) throw badUserInput("search", `Search with at most ${MAX_SEARCH_WORDS} words.`);
  const person = context.t.serviceUsers;
  return and(
    ...words.map((word) => or(containsText(person.firstName, word), containsText(person.lastName, word), containsText(person.preferredName, word), containsText(person.localReference, word))),
  );
}
