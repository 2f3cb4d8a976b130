import { describe, expect, it } from "vitest";
import type { ContactNode, EpisodeLists, EpisodeRecord, InterventionNode, Page } from "./episodeRecordQuery.js";
import { timelineEntries } from "./timelineEntries.js";

const page = <T,>(nodes: T[]): Page<T> => ({ totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ node })) });

const episode = {
  id: "E1",
  status: "COMPLETED",
  version: 3,
  cohort: "ALCOHOL_ONLY",
  triageDate: "2025-01-10",
  firstInterventionDate: "2025-01-20",
  dischargeDate: "2025-06-30",
  dischargeReason: "COMPLETED_ALCOHOL_FREE",
  injectingStatus: "NEVER",
  nextReviewDue: null,
  referral: { receivedDate: "2025-01-06", source: "GP", referrer: null, reason: "Drinking daily", urgency: "URGENT" },
  ageBandOverride: null,
  team: { id: "T1", name: "Adults" },
  keyworker: null,
  problemSubstances: [],
  suicideRisk: { flagged: false, factors: [], assessedOn: null },
  safeguarding: { flagged: false, reasons: [], homeVisitDue: false, homeVisitRecorded: false },
} satisfies Omit<EpisodeRecord, keyof EpisodeLists>;

const contact = (id: string, date: string, outcome: ContactNode["outcome"]): ContactNode => ({ id, date, time: null, kind: "APPOINTMENT", outcome, staff: null, notes: null });
const detox: InterventionNode = {
  id: "I1",
  catalogueItem: { label: "Alcohol withdrawal", modality: "PHARMACOLOGICAL", subTypes: [] },
  subTypes: [],
  startDate: "2025-01-20",
  endDate: "2025-02-03",
  plannedEndDate: null,
  plannedSessions: null,
  setting: "COMMUNITY",
  deliveredBy: null,
  notes: null,
};

const lists: EpisodeLists = {
  assessments: page([]),
  recoveryPlans: page([]),
  reviews: page([]),
  interventions: page([detox]),
  outcomes: page([]),
  contacts: page([contact("C2", "2025-02-03", "DID_NOT_ATTEND"), contact("C1", "2025-01-20", "ATTENDED")]),
  harmReduction: page([]),
};

describe("an episode's timeline", () => {
  it("puts every record in date order, and records of one day in the order of the journey", () => {
    expect(timelineEntries(episode, lists).map((entry) => `${entry.date} ${entry.title}`)).toEqual([
      "2025-01-06 Referral received",
      "2025-01-20 Alcohol withdrawal started",
      "2025-01-20 Appointment",
      "2025-02-03 Alcohol withdrawal ended",
      "2025-02-03 Appointment",
      "2025-06-30 Discharged",
    ]);
  });

  it("reverses for newest first", () => {
    expect(timelineEntries(episode, lists, true)[0]?.title).toBe("Discharged");
  });

  it("says in words what the colour of a tag shows: urgency, a missed appointment, a planned completion", () => {
    const tags = timelineEntries(episode, lists).flatMap((entry) => entry.tags.map((tag) => tag.text));
    expect(tags).toEqual(expect.arrayContaining(["Urgent", "Did not attend", "Attended", "Planned completion", "Pharmacological"]));
  });
});
