import { describe, expect, it } from "vitest";
import { plainGraphqlEndpoint, type RawCaseloadPage } from "../bench/plainGraphql.js";
import { CASELOAD_DOCUMENT } from "../bench/workloads.js";

/** Two rows as the raw caseload statement returns them (bench/rawQueries.ts `caseload`), with their flags. */
const PAGE: RawCaseloadPage = {
  totalCount: 7,
  hasNextPage: true,
  rows: [
    {
      id: "episode-1", status: "IN_TREATMENT", next_review_due: "2026-12-01", review_status: "OVERDUE", days_since_attended: 3, last_attended_contact_date: "2026-12-04",
      referral_date: "2026-01-05", person_id: "person-1", first_name: "Ada", last_name: "Byron", preferred_name: null, local_reference: "R-1",
      keyworker_id: "staff-1", keyworker_name: "Dan Keyworker", team_id: "team-1", team_name: "North", flags: ["SUICIDE_RISK", "REVIEW_OVERDUE"],
    },
    {
      id: "episode-2", status: "TRIAGED", next_review_due: null, review_status: null, days_since_attended: null, last_attended_contact_date: null,
      referral_date: "2026-11-30", person_id: "person-2", first_name: "Bo", last_name: "Chan", preferred_name: "B", local_reference: "R-2",
      keyworker_id: null, keyworker_name: null, team_id: "team-1", team_name: "North", flags: ["NO_KEYWORKER"],
    },
  ],
};

describe("the benchmark's graphql-js endpoint (bench/plainGraphql.ts)", () => {
  const asked: { staffId: string; first: number }[] = [];
  const answer = plainGraphqlEndpoint((staffId, first) => (asked.push({ staffId, first }), PAGE));
  const variables = { scope: "MINE", first: 50, after: null, orderBy: [{ field: "NEXT_REVIEW_DUE", direction: "ASC" }], filter: null, search: null };

  it("answers the caseload screen's document from the statement's rows, through Waymark's schema", () => {
    const result = answer({ query: CASELOAD_DOCUMENT, variables }, "staff-1");
    expect(result.errors).toBeUndefined();
    expect(asked.at(-1)).toEqual({ staffId: "staff-1", first: 50 });
    const caseload = (result.data as { caseload: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Record<string, unknown> }[] } }).caseload;
    expect(caseload.totalCount).toBe(7);
    expect(caseload.pageInfo.hasNextPage).toBe(true);
    expect(caseload.pageInfo.endCursor).toEqual(expect.any(String));
    expect(caseload.edges.map((edge) => edge.node)).toEqual([
      {
        id: "episode-1", status: "IN_TREATMENT", nextReviewDue: "2026-12-01", reviewStatus: "OVERDUE", daysSinceLastAttendedContact: 3, lastAttendedContactDate: "2026-12-04",
        flags: ["SUICIDE_RISK", "REVIEW_OVERDUE"],
        flagDetails: [{ flag: "SUICIDE_RISK", label: expect.any(String) }, { flag: "REVIEW_OVERDUE", label: expect.any(String) }],
        serviceUser: { id: "person-1", firstName: "Ada", lastName: "Byron", preferredName: null, localReference: "R-1" },
        keyworker: { id: "staff-1", name: "Dan Keyworker" },
        team: { id: "team-1", name: "North" },
        episode: { id: "episode-1", referral: { receivedDate: "2026-01-05" } },
      },
      {
        id: "episode-2", status: "TRIAGED", nextReviewDue: null, reviewStatus: null, daysSinceLastAttendedContact: null, lastAttendedContactDate: null,
        flags: ["NO_KEYWORKER"],
        flagDetails: [{ flag: "NO_KEYWORKER", label: expect.any(String) }],
        serviceUser: { id: "person-2", firstName: "Bo", lastName: "Chan", preferredName: "B", localReference: "R-2" },
        keyworker: null,
        team: { id: "team-1", name: "North" },
        episode: { id: "episode-2", referral: { receivedDate: "2026-11-30" } },
      },
    ]);
  });

  it("refuses a document Waymark's schema does not validate, reading nothing", () => {
    const before = asked.length;
    const result = answer({ query: "{ caseload(scope: MINE, first: 1) { edges { node { noSuchField } } } }" }, "staff-1");
    expect(result.errors?.[0]?.message).toMatch(/noSuchField/);
    expect(asked.length).toBe(before);
  });
});
