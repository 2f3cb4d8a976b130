import type { Catalogue } from "../catalogue/catalogueItem.js";
import { isSuccessfulCompletion } from "../codes/dischargeReason.js";
import type { IsoDate } from "../dates/isoDate.js";
import type { Contact } from "../records/contact.js";
import { isOpen, type Episode } from "../records/episode.js";
import type { Intervention } from "../records/intervention.js";
import type { ServiceSettings } from "../records/organisation.js";
import type { OutcomeRecord } from "../records/outcome.js";
import type { RecoveryPlan, Review } from "../records/recoveryPlan.js";
import type { ServiceUser } from "../records/serviceUser.js";
import { dnaFollowUps, disengagement } from "./contactSchedule.js";
import { safeguardingStatus } from "./flags.js";
import { defaultReviewWindow, reviewOccurrences } from "./reviewSchedule.js";
import { topsDue, type TopDue } from "./topSchedule.js";

/**
 * The exceptions report (R-EXC-1): what in one episode breaks a schedule or needs someone's attention.
 *
 * Where DOMAIN is silent the report decides:
 * - An open episode can show every kind; a closed one shows only a missing EXIT TOP, for any discharge of
 *   an episode whose structured treatment began (R-TOP-2), with the planned completions of R-DIS-1 named
 *   as such. Nothing else can be acted on once the episode has closed.
 * - `since` is the day the exception arose: the review's or TOP's due date, the last day a DNA follow-up
 *   was due, the day the episode became disengaging. Safeguarding and keyworker exceptions have no such
 *   day on record (the flag and the allocation are not dated), so theirs is null.
 * - Rows come in the order of {@link EXCEPTION_KINDS}, then oldest first.
 */

/** What an exceptions report line is about. */
export type ExceptionKind = "REVIEW_OVERDUE" | "TOP_MISSING" | "SAFEGUARDING_NO_HOME_VISIT" | "DNA_FOLLOW_UP_OVERDUE" | "DISENGAGING" | "NO_KEYWORKER";

/** The kinds in the order the report lists them. */
export const EXCEPTION_KINDS: readonly ExceptionKind[] = [
  "REVIEW_OVERDUE",
  "TOP_MISSING",
  "SAFEGUARDING_NO_HOME_VISIT",
  "DNA_FOLLOW_UP_OVERDUE",
  "DISENGAGING",
  "NO_KEYWORKER",
];

/** One line of the exceptions report. */
export interface ExceptionRow {
  readonly kind: ExceptionKind;
  readonly episodeId: string;
  readonly serviceUserId: string;
  readonly since: IsoDate | null;
  /** What is wrong, for a keyworker (which TOP stage, which reason). */
  readonly detail: string;
  /** The record the exception is about: the plan of an overdue review, the missed contact of a DNA. */
  readonly recordId: string | null;
}

/** An episode with everything recorded in it, as the report needs it. */
export interface EpisodeRecords {
  episode: Episode;
  serviceUser: ServiceUser;
  plans: readonly RecoveryPlan[];
  reviews: readonly Review[];
  interventions: readonly Intervention[];
  outcomes: readonly OutcomeRecord[];
  contacts: readonly Contact[];
}

type ExceptionFinding = Omit<ExceptionRow, "episodeId" | "serviceUserId">;

const TOP_STAGE_WORDS: Record<TopDue["stage"], string> = { START: "Start", REVIEW: "Review", EXIT: "Exit" };

function missingTopDetail(top: TopDue, episode: Episode): string {
  const plannedCompletion = top.stage === "EXIT" && episode.dischargeReason !== null && isSuccessfulCompletion(episode.dischargeReason);
  const stage = `${TOP_STAGE_WORDS[top.stage]} TOP due on ${top.dueDate} not recorded`;
  return plannedCompletion ? `${stage} after a planned completion` : stage;
}

function missingTops(records: EpisodeRecords, catalogue: Catalogue, settings: ServiceSettings, asOf: IsoDate): ExceptionFinding[] {
  const { episode } = records;
  return topsDue({ ...records, catalogue, settings, asOf })
    .filter((top) => top.status === "MISSING" && (isOpen(episode) || top.stage === "EXIT"))
    .map((top) => ({ kind: "TOP_MISSING", since: top.dueDate, detail: missingTopDetail(top, episode), recordId: null }));
}

function overdueReviews(records: EpisodeRecords, asOf: IsoDate): ExceptionFinding[] {
  return reviewOccurrences(records.plans, records.reviews, records.episode, defaultReviewWindow(asOf))
    .filter((occurrence) => occurrence.status === "OVERDUE")
    .map((occurrence) => ({
      kind: "REVIEW_OVERDUE",
      since: occurrence.dueDate,
      detail: `Recovery plan review was due on ${occurrence.dueDate}`,
      recordId: occurrence.planId,
    }));
}

function safeguardingWithoutHomeVisit(records: EpisodeRecords, episodeContacts: readonly Contact[]): ExceptionFinding[] {
  const status = safeguardingStatus(records.serviceUser, episodeContacts);
  if (!status.homeVisitDue) return [];
  const why = status.reasons.map((reason) => (reason === "PREGNANT" ? "pregnant" : "a child under 5 in the household")).join(" and ");
  return [{ kind: "SAFEGUARDING_NO_HOME_VISIT", since: null, detail: `Safeguarding (${why}): no home visit recorded in this episode`, recordId: null }];
}

function overdueDnaFollowUps(episodeContacts: readonly Contact[], settings: ServiceSettings, asOf: IsoDate): ExceptionFinding[] {
  return dnaFollowUps(episodeContacts, settings, asOf)
    .filter((followUp) => followUp.status === "OVERDUE")
    .map((followUp) => ({
      kind: "DNA_FOLLOW_UP_OVERDUE",
      since: followUp.dueBy,
      detail: `Did not attend on ${followUp.dnaDate}: no follow-up contact by ${followUp.dueBy}`,
      recordId: followUp.dnaContactId,
    }));
}

function disengagingEpisode(records: EpisodeRecords, episodeContacts: readonly Contact[], settings: ServiceSettings, asOf: IsoDate): ExceptionFinding[] {
  const found = disengagement(records.episode, episodeContacts, settings, asOf);
  if (!found.disengaging) return [];
  const why = found.reasons.map((reason) =>
    reason === "CONSECUTIVE_DNAS"
      ? `${found.consecutiveDnas} did-not-attends in a row`
      : found.lastAttendedDate === null
        ? "no attended contact since referral"
        : `no attended contact since ${found.lastAttendedDate}`,
  );
  return [{ kind: "DISENGAGING", since: found.since, detail: `Disengaging: ${why.join("; ")}`, recordId: null }];
}

function noKeyworker(episode: Episode): ExceptionFinding[] {
  return episode.keyworkerId === null ? [{ kind: "NO_KEYWORKER", since: null, detail: "No keyworker allocated", recordId: null }] : [];
}

function reportOrder(a: ExceptionRow, b: ExceptionRow): number {
  const byKind = EXCEPTION_KINDS.indexOf(a.kind) - EXCEPTION_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  if (a.since !== b.since) {
    if (a.since === null) return 1;
    if (b.since === null) return -1;
    return a.since < b.since ? -1 : 1;
  }
  return 0;
}

/**
 * R-EXC-1: the exceptions of one episode on `asOf`: overdue reviews, missing START/REVIEW/EXIT TOPs (a
 * planned completion without an EXIT TOP included, R-DIS-1), a safeguarding flag without a home visit,
 * DNA follow-ups not done in time, disengagement, and no keyworker. An episode entered in error has none.
 */
export function exceptionsFor(records: EpisodeRecords, catalogue: Catalogue, settings: ServiceSettings, asOf: IsoDate): ExceptionRow[] {
  const { episode } = records;
  if (episode.enteredInError) return [];
  const episodeContacts = records.contacts.filter((contact) => contact.episodeId === episode.id);
  const findings: ExceptionFinding[] = isOpen(episode)
    ? [
        ...overdueReviews(records, asOf),
        ...missingTops(records, catalogue, settings, asOf),
        ...safeguardingWithoutHomeVisit(records, episodeContacts),
        ...overdueDnaFollowUps(episodeContacts, settings, asOf),
        ...disengagingEpisode(records, episodeContacts, settings, asOf),
        ...noKeyworker(episode),
      ]
    : missingTops(records, catalogue, settings, asOf);
  return findings
    .map((finding) => ({ ...finding, episodeId: episode.id, serviceUserId: episode.serviceUserId }))
    .sort(reportOrder);
}
