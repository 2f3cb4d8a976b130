import { EXCEPTION_KINDS, type ExceptionKind } from "@waymark/core";

/** What the report says about each kind, and where a keyworker goes to put a line right. */
export interface ExceptionKindGuide {
  readonly kind: ExceptionKind;
  /** Heading of the kind's section. */
  readonly heading: string;
  /** One sentence on why the line is there, so a new keyworker knows what the list means. */
  readonly explanation: string;
  /** Words of the link that fixes a line. */
  readonly fixLabel: string;
  /** Where that link goes. */
  readonly fixPath: (line: { episodeId: string; serviceUserId: string }) => string;
  /** What the "since" column means for this kind; null when the kind has no such day. */
  readonly sinceHeading: string | null;
  /** Set when only a team lead can make the fix; others are told whom to ask instead of given a link they cannot use. */
  readonly teamLeadsOnly?: string;
}

const GUIDES: Record<ExceptionKind, Omit<ExceptionKindGuide, "kind">> = {
  REVIEW_OVERDUE: {
    heading: "Reviews overdue",
    explanation: "The recovery plan's review date has passed and no review has been recorded.",
    fixLabel: "Record the review",
    fixPath: ({ episodeId }) => `/episodes/${episodeId}/review`,
    sinceHeading: "Due since",
  },
  TOP_MISSING: {
    heading: "Treatment Outcomes Profiles missing",
    explanation: "A start, review or exit TOP fell due more than four weeks ago and has not been recorded.",
    fixLabel: "Record the TOP",
    fixPath: ({ episodeId }) => `/episodes/${episodeId}/outcome`,
    sinceHeading: "Due since",
  },
  SAFEGUARDING_NO_HOME_VISIT: {
    heading: "Safeguarding: no home visit",
    explanation: "The person is pregnant or lives with a child under 5, and no attended home visit is recorded in this episode.",
    fixLabel: "Record a home visit",
    fixPath: ({ episodeId }) => `/episodes/${episodeId}/contact`,
    sinceHeading: null,
  },
  DNA_FOLLOW_UP_OVERDUE: {
    heading: "Missed appointments not followed up",
    explanation: "A missed appointment needed a follow-up call, letter, text or visit by the date shown.",
    fixLabel: "Record the follow-up",
    fixPath: ({ episodeId }) => `/episodes/${episodeId}/contact`,
    sinceHeading: "Follow-up due by",
  },
  DISENGAGING: {
    heading: "Disengaging",
    explanation: "Several missed appointments in a row, or too long without an attended contact: review risk and plan re-engagement.",
    fixLabel: "Open the person's record",
    fixPath: ({ serviceUserId }) => `/people/${serviceUserId}`,
    sinceHeading: "Since",
  },
  NO_KEYWORKER: {
    heading: "No keyworker",
    explanation: "The episode is open and nobody is allocated as its keyworker.",
    fixLabel: "Allocate a keyworker",
    fixPath: ({ episodeId }) => `/episodes/${episodeId}/keyworker`,
    sinceHeading: null,
    teamLeadsOnly: "Ask a team lead to allocate a keyworker",
  },
};

/** The kinds in report order, each with its words and fix link. */
export const EXCEPTION_GUIDES: readonly ExceptionKindGuide[] = EXCEPTION_KINDS.map((kind) => ({ kind, ...GUIDES[kind] }));

/** The element id of a kind's section, for the contents links at the top of the report. */
export const sectionIdOf = (kind: ExceptionKind): string => `exceptions-${kind.toLowerCase().replace(/_/g, "-")}`;
