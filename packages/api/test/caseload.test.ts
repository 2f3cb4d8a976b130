import { addDays, type IsoDate } from "@waymark/core";
import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { Random } from "../src/seed/random.js";
import { CaseloadData } from "./caseloadData.js";
import { describeEachDialect } from "./databases.js";
import { episodeFacts, expectedCaseloadEntry, writeGeneratedCaseload, type EpisodeFacts } from "./generatedCaseload.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";
import { wholeRecords } from "./wholeRecords.js";

const TODAY = "2025-06-02";

const CASELOAD = `
  query Caseload($scope: CaseloadScope, $teamId: ID, $first: Int, $after: String, $filter: CaseloadFilter, $orderBy: [CaseloadOrder!], $search: String) {
    caseload(scope: $scope, teamId: $teamId, first: $first, after: $after, filter: $filter, orderBy: $orderBy, search: $search) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges {
        cursor
        node {
          id status flags flagDetails { flag label description }
          nextReviewDue reviewStatus lastAttendedContactDate daysSinceLastAttendedContact
          episode { id referral { receivedDate } }
          serviceUser { id firstName lastName localReference }
          keyworker { id name }
          team { id name }
        }
      }
    }
  }`;

interface Entry {
  id: string;
  status: string;
  flags: string[];
  flagDetails: { flag: string; label: string; description: string }[];
  nextReviewDue: IsoDate | null;
  reviewStatus: string | null;
  lastAttendedContactDate: IsoDate | null;
  daysSinceLastAttendedContact: number | null;
  episode: { id: string; referral: { receivedDate: IsoDate } };
  serviceUser: { id: string; firstName: string; lastName: string; localReference: string };
  keyworker: { id: string; name: string } | null;
  team: { id: string; name: string };
}

interface CaseloadPage {
  caseload: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Entry }[] };
}

async function caseloadPage(client: GraphQLClient, variables: Record<string, unknown>) {
  const result = await client.request<CaseloadPage>(CASELOAD, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.caseload;
}

/** Every entry of a caseload, page by page. */
async function wholeCaseload(client: GraphQLClient, variables: Record<string, unknown>, pageSize = 100): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await caseloadPage(client, { ...variables, first: pageSize, after });
    entries.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return entries;
    after = page.pageInfo.endCursor;
  }
}

const episodeGlobalId = (localId: string) => toGlobalId("Episode", localId);
const idsOf = (entries: readonly Entry[]) => entries.map((entry) => entry.episode.id).sort();

describeEachDialect("caseload: whose episodes it lists", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  let episodes: Record<"kimInTreatment" | "kimAssessed" | "kimCompleted" | "kimInError" | "omar" | "unallocated" | "youngPerson" | "leadsOwn" | "leadOutsideTeam", string>;

  beforeAll(async () => {
    const { staff, adultTeamId, youngPeopleTeamId } = api.organisation;
    const data = new CaseloadData(api.server, staff.lead.id);
    const add = async (lastName: string, spec: Parameters<CaseloadData["addEpisode"]>[1]) => data.addEpisode(await data.addPerson({ firstName: "Test", lastName }), spec);
    episodes = {
      kimInTreatment: await add("Ashby", { teamId: adultTeamId, keyworkerId: staff.keyworker.id, referralDate: "2025-03-03" }),
      kimAssessed: await add("Brook", { teamId: adultTeamId, keyworkerId: staff.keyworker.id, status: "ASSESSED", referralDate: "2025-05-01" }),
      kimCompleted: await add("Carver", { teamId: adultTeamId, keyworkerId: staff.keyworker.id, status: "COMPLETED", referralDate: "2024-01-10", dischargeDate: "2025-01-10" }),
      kimInError: await add("Dale", { teamId: adultTeamId, keyworkerId: staff.keyworker.id, referralDate: "2025-02-01", enteredInError: true }),
      omar: await add("Eaton", { teamId: adultTeamId, keyworkerId: staff.otherKeyworker.id, referralDate: "2025-04-01" }),
      unallocated: await add("Frome", { teamId: adultTeamId, keyworkerId: null, status: "REFERRED", referralDate: "2025-05-30" }),
      youngPerson: await add("Gale", { teamId: youngPeopleTeamId, keyworkerId: staff.youngPeopleKeyworker.id, referralDate: "2025-05-12" }),
      leadsOwn: await add("Irwin", { teamId: adultTeamId, keyworkerId: staff.lead.id, referralDate: "2025-05-05" }),
      // Still keyworked by the lead, in a team the lead is not in (as when a lead changes team).
      leadOutsideTeam: await add("Hale", { teamId: youngPeopleTeamId, keyworkerId: staff.lead.id, referralDate: "2025-04-14" }),
    };
  });

  it("MINE lists only the open episodes the keyworker holds, not closed ones or ones entered in error", async () => {
    const entries = await wholeCaseload(await api.signIn("keyworker"), { scope: "MINE" });
    expect(idsOf(entries)).toEqual([episodes.kimInTreatment, episodes.kimAssessed].map(episodeGlobalId).sort());
    expect(entries.every((entry) => entry.keyworker?.name === "Kim Keyworker" && entry.team.name === "Adult community team")).toBe(true);
  });

  it("MINE for a team lead lists what their scope shows: not an episode they keywork in a team outside their own", async () => {
    // A practitioner's own episodes are always in their scope, so their MINE list leaves the scope's test out
    // (access/scope.ts keyworkedEpisodesInScope); a lead's scope is their teams, so theirs must keep it.
    const client = await api.signIn("lead");
    expect(idsOf(await wholeCaseload(client, { scope: "MINE" }))).toEqual([episodeGlobalId(episodes.leadsOwn)]);
    expect((await caseloadPage(client, { scope: "MINE", first: 10 })).totalCount).toBe(1);
    expect(idsOf(await wholeCaseload(client, { scope: "TEAM" }))).not.toContain(episodeGlobalId(episodes.leadOutsideTeam));
  });

  it("TEAM lists every open episode of the team for a team lead", async () => {
    const entries = await wholeCaseload(await api.signIn("lead"), { scope: "TEAM" });
    expect(idsOf(entries)).toEqual([episodes.kimInTreatment, episodes.kimAssessed, episodes.omar, episodes.unallocated, episodes.leadsOwn].map(episodeGlobalId).sort());
  });

  it("TEAM for a practitioner lists what their scope shows of the team: their own and the unallocated referrals", async () => {
    const entries = await wholeCaseload(await api.signIn("keyworker"), { scope: "TEAM" });
    expect(idsOf(entries)).toEqual([episodes.kimInTreatment, episodes.kimAssessed, episodes.unallocated].map(episodeGlobalId).sort());
  });

  it("a team outside the lead's teams lists nothing rather than revealing its episodes", async () => {
    const entries = await wholeCaseload(await api.signIn("lead"), { scope: "TEAM", teamId: toGlobalId("Team", api.organisation.youngPeopleTeamId) });
    expect(entries).toEqual([]);
  });

  it("an unallocated episode carries NO_KEYWORKER and has no keyworker", async () => {
    const [entry] = await wholeCaseload(await api.signIn("lead"), { scope: "TEAM", search: "Frome" });
    expect(entry?.keyworker).toBeNull();
    expect(entry?.flags).toContain("NO_KEYWORKER");
    expect(entry?.flagDetails.find((detail) => detail.flag === "NO_KEYWORKER")?.label).toBe("No keyworker");
  });

  it("refuses admins and analysts, who hold no caseload (FORBIDDEN), and anyone not signed in (UNAUTHENTICATED)", async () => {
    for (const who of ["admin", "analyst"] as const) {
      const result = await (await api.signIn(who)).request(CASELOAD, { scope: "TEAM" });
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await api.server.client().request(CASELOAD, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("audits a read of each person shown", async () => {
    const t = api.server.database.tables;
    const client = await api.signIn("otherKeyworker");
    const entries = await wholeCaseload(client, { scope: "MINE" });
    expect(entries).toHaveLength(1);
    const reads = await api.server.database.read.select().from(t.auditEvents);
    const omarReads = reads.filter((event) => event.actorId === api.organisation.staff.otherKeyworker.id && event.action === "READ");
    expect(omarReads).toHaveLength(1);
    expect(omarReads[0]).toMatchObject({ recordType: "ServiceUser", recordId: omarReads[0]!.serviceUserId });
    expect(toGlobalId("ServiceUser", omarReads[0]!.serviceUserId!)).toBe(entries[0]!.serviceUser.id);
  });

  it("answers whatever a document asks of the person and episode, through fragments, aliases and @include, as the records themselves do", async () => {
    // The list reads only its own columns for a document that asks for no more; anything beyond them must
    // still come back whole and right, however the document is written.
    const RICHER = `
      query Richer($withRecords: Boolean!) {
        caseload(scope: TEAM, first: 100, search: "Ashby") {
          edges { node {
            person: serviceUser { ...PersonNames ... @include(if: $withRecords) { dateOfBirth consentToNationalReporting version } }
            episode { id status ... on Node { id } referral { receivedDate source reason } nextReviewDue keyworker { name } team { name } }
          } }
        }
      }
      fragment PersonNames on ServiceUser { id firstName lastName preferredName localReference }`;
    type Answer = { caseload: { edges: { node: { person: Record<string, unknown>; episode: Record<string, unknown> } }[] } };
    const client = await api.signIn("lead");
    const richer = await client.request<Answer>(RICHER, { withRecords: true });
    expect(richer.errors).toBeUndefined();
    const [entry] = richer.data!.caseload.edges.map((edge) => edge.node);
    const whole = await wholeRecords(client, { personId: entry!.person.id, episodeId: entry!.episode.id }, {
      person: "id firstName lastName preferredName localReference dateOfBirth consentToNationalReporting version",
      episode: "id status referral { receivedDate source reason } nextReviewDue keyworker { name } team { name }",
    });
    expect(entry!.person).toEqual(whole.serviceUser);
    expect(entry!.person.dateOfBirth).toBe("1980-05-17");
    expect(entry!.episode).toEqual(whole.episode);
    expect(entry!.episode.id).toBe(episodeGlobalId(episodes.kimInTreatment));

    const names = await client.request<Answer>(RICHER, { withRecords: false });
    expect(names.errors).toBeUndefined();
    const personNames = Object.fromEntries(Object.entries(whole.serviceUser).filter(([field]) => !["dateOfBirth", "consentToNationalReporting", "version"].includes(field)));
    expect(names.data!.caseload.edges[0]!.node.person).toEqual(personNames);
  });

  it("refuses a page size over 100, a cursor from elsewhere or from another order, a team ID of another type and an over-long search", async () => {
    const client = await api.signIn("lead");
    const codeOf = async (variables: Record<string, unknown>) => (await client.request(CASELOAD, variables)).errors?.[0]?.extensions?.code;
    expect(await codeOf({ first: 101 })).toBe("BAD_USER_INPUT");
    expect(await codeOf({ after: "bm90IGEgY3Vyc29y" })).toBe("BAD_USER_INPUT");
    expect(await codeOf({ scope: "TEAM", teamId: episodeGlobalId(episodes.omar) })).toBe("BAD_USER_INPUT");
    expect(await codeOf({ search: "x".repeat(101) })).toBe("BAD_USER_INPUT");
    const byStatus = await caseloadPage(client, { scope: "TEAM", first: 1, orderBy: [{ field: "STATUS" }] });
    expect(await codeOf({ scope: "TEAM", after: byStatus.pageInfo.endCursor, orderBy: [{ field: "REFERRAL_DATE" }] })).toBe("BAD_USER_INPUT");
  });
});

describeEachDialect("caseload: flags, sorting and filtering on generated data agree with core", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  let lead: GraphQLClient;
  const facts = new Map<string, EpisodeFacts>();

  /** The team lead signed in on `day`. */
  const leadOn = (day: IsoDate) => api.signInOn(day, "lead");

  beforeAll(async () => {
    const { staff, adultTeamId } = api.organisation;
    const data = new CaseloadData(api.server, staff.lead.id);
    const provider = { teams: [{ teamId: adultTeamId, keyworkerIds: [staff.keyworker.id, staff.otherKeyworker.id, staff.lead.id, null] }] };
    const episodeIds = await writeGeneratedCaseload(data, new Random(20250602), provider, 45, TODAY);
    for (const episodeId of episodeIds) facts.set(episodeGlobalId(episodeId), await episodeFacts(api.server, episodeId));
    lead = await api.signIn("lead");
  }, 120_000);

  /** Core's caseload for a day: the open, in-force episodes with what core says about each. */
  function expectedOn(day: IsoDate) {
    return [...facts.entries()]
      .filter(([, fact]) => !fact.loaded.row.enteredInErrorReason && !["COMPLETED", "CLOSED"].includes(fact.loaded.episode.status))
      .map(([id, fact]) => ({ id, ...expectedCaseloadEntry(fact, day) }));
  }

  // Today, the next days as DNA deadlines pass, the 28th day without contact, and years on for OST.
  const DAYS = [TODAY, addDays(TODAY, 1), addDays(TODAY, 3), addDays(TODAY, 9), addDays(TODAY, 29), addDays(TODAY, 200), addDays(TODAY, 760), addDays(TODAY, 1500)];

  it("shows on each day exactly the flags, review status and days since contact core computes (R-RISK-2, R-SAFE-1, R-DNA-1, R-DNA-2, R-OST-1, R-REV-2)", async () => {
    const seen = new Set<string>();
    for (const day of DAYS) {
      const entries = await wholeCaseload(await leadOn(day), { scope: "TEAM" });
      const actual = entries.map((entry) => ({
        id: entry.episode.id,
        flags: [...entry.flags].sort(),
        nextReviewDue: entry.nextReviewDue,
        reviewStatus: entry.reviewStatus,
        daysSinceLastAttendedContact: entry.daysSinceLastAttendedContact,
      }));
      const expected = expectedOn(day).map((entry) => ({
        id: entry.id,
        flags: [...entry.flags].sort(),
        nextReviewDue: entry.nextReviewDue,
        reviewStatus: entry.reviewStatus,
        daysSinceLastAttendedContact: entry.daysSinceLastAttendedContact,
      }));
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect(actual.sort(byId), `caseload on ${day}`).toEqual(expected.sort(byId));
      for (const entry of actual) entry.flags.forEach((flag) => seen.add(flag));
    }
    await leadOn(TODAY);
    // The generated provider exercises every flag at least once over these days.
    expect([...seen].sort()).toEqual(
      ["DISENGAGING", "DNA_FOLLOW_UP_DUE", "DNA_FOLLOW_UP_OVERDUE", "NO_KEYWORKER", "OST_2_YEARS", "OST_6_YEARS", "REVIEW_OVERDUE", "SAFEGUARDING", "SAFEGUARDING_HOME_VISIT_DUE", "SUICIDE_RISK"].sort(),
    );
  });

  describe("filters", () => {
    const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id).sort();
    const day = addDays(TODAY, 9);

    async function filtered(variables: Record<string, unknown>) {
      try {
        return (await wholeCaseload(await leadOn(day), { scope: "TEAM", ...variables })).map((entry) => entry.episode.id).sort();
      } finally {
        api.server.clock.set(TODAY);
      }
    }

    it("flags.includesAny lists entries carrying at least one of the flags", async () => {
      const wanted = ["SUICIDE_RISK", "DISENGAGING"];
      const expected = expectedOn(day).filter((entry) => entry.flags.some((flag) => wanted.includes(flag)));
      expect(expected.length).toBeGreaterThan(0);
      expect(await filtered({ filter: { flags: { includesAny: wanted } } })).toEqual(ids(expected));
    });

    it("flags.includesAll and flags.excludes combine", async () => {
      const expected = expectedOn(day).filter((entry) => entry.flags.includes("SAFEGUARDING") && !entry.flags.includes("SAFEGUARDING_HOME_VISIT_DUE"));
      expect(await filtered({ filter: { flags: { includesAll: ["SAFEGUARDING"], excludes: ["SAFEGUARDING_HOME_VISIT_DUE"] } } })).toEqual(ids(expected));
    });

    it("status.in, keyworker.isNull and nextReviewDue.lt narrow the list", async () => {
      const statuses = ["REFERRED", "TRIAGED"];
      expect(await filtered({ filter: { status: { in: statuses } } })).toEqual(ids(expectedOn(day).filter((entry) => statuses.includes(facts.get(entry.id)!.loaded.episode.status))));
      expect(await filtered({ filter: { keyworker: { isNull: true } } })).toEqual(ids(expectedOn(day).filter((entry) => entry.flags.includes("NO_KEYWORKER"))));
      expect(await filtered({ filter: { nextReviewDue: { lt: "2025-06-01" } } })).toEqual(ids(expectedOn(day).filter((entry) => entry.nextReviewDue !== null && entry.nextReviewDue < "2025-06-01")));
    });

    it("keyworker.eq takes a StaffMember ID", async () => {
      const kim = api.organisation.staff.keyworker.id;
      expect(await filtered({ filter: { keyworker: { eq: toGlobalId("StaffMember", kim) } } })).toEqual(
        ids(expectedOn(day).filter((entry) => facts.get(entry.id)!.loaded.episode.keyworkerId === kim)),
      );
    });

    it("or and and nest", async () => {
      const filter = { or: [{ flags: { includesAll: ["REVIEW_OVERDUE"] } }, { and: [{ status: { eq: "REFERRED" } }, { keyworker: { isNull: false } }] }] };
      const expected = expectedOn(day).filter((entry) => {
        const episode = facts.get(entry.id)!.loaded.episode;
        return entry.flags.includes("REVIEW_OVERDUE") || (episode.status === "REFERRED" && episode.keyworkerId !== null);
      });
      expect(await filtered({ filter })).toEqual(ids(expected));
    });

    it("search matches every word against the name or local reference, ignoring case", async () => {
      const sample = [...facts.values()].find((fact) => !fact.loaded.row.enteredInErrorReason && !["COMPLETED", "CLOSED"].includes(fact.loaded.episode.status))!;
      const { firstName, lastName, localReference } = sample.loaded.serviceUser;
      const matches = (words: string[]) =>
        ids(
          expectedOn(day).filter((entry) => {
            const person = facts.get(entry.id)!.loaded.serviceUser;
            const fields = [person.firstName, person.lastName, person.localReference].map((value) => value.toLowerCase());
            return words.every((word) => fields.some((value) => value.includes(word.toLowerCase())));
          }),
        );
      expect(await filtered({ search: `${firstName.toUpperCase()} ${lastName.slice(0, 3)}` })).toEqual(matches([firstName, lastName.slice(0, 3)]));
      expect(await filtered({ search: localReference })).toEqual([episodeGlobalId(sample.loaded.episode.id)]);
    });
  });

  describe("sorting and paging", () => {
    type SortValue = (entry: Entry) => string | number;
    const orderings: { field: string; value: SortValue }[] = [
      { field: "NEXT_REVIEW_DUE", value: (entry) => entry.nextReviewDue ?? "9999-12-31" },
      { field: "LAST_NAME", value: (entry) => `${entry.serviceUser.lastName.toLowerCase()} ${entry.serviceUser.firstName.toLowerCase()}` },
      { field: "REFERRAL_DATE", value: (entry) => entry.episode.referral.receivedDate },
      // Never seen since referral counts as the longest without contact.
      { field: "DAYS_SINCE_LAST_ATTENDED_CONTACT", value: (entry) => entry.daysSinceLastAttendedContact ?? Number.MAX_SAFE_INTEGER },
      { field: "STATUS", value: (entry) => ["REFERRED", "TRIAGED", "ASSESSED", "IN_TREATMENT"].indexOf(entry.status) },
    ];

    for (const { field, value } of orderings) {
      for (const direction of ["ASC", "DESC"] as const) {
        it(`orders by ${field} ${direction} on the server, and small pages join up into the whole list`, async () => {
          const orderBy = [{ field, direction }];
          const whole = await wholeCaseload(lead, { scope: "TEAM", orderBy });
          const paged = await wholeCaseload(lead, { scope: "TEAM", orderBy }, 7);
          expect(paged.map((entry) => entry.id)).toEqual(whole.map((entry) => entry.id));
          expect(new Set(whole.map((entry) => entry.id)).size).toBe(whole.length);
          const values = whole.map(value);
          const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(values).toEqual(direction === "ASC" ? sorted : sorted.reverse());
        });
      }
    }

    it("combines orderings, most significant first", async () => {
      const whole = await wholeCaseload(lead, { scope: "TEAM", orderBy: [{ field: "STATUS", direction: "ASC" }, { field: "LAST_NAME", direction: "DESC" }] }, 5);
      const keys = whole.map((entry) => [["REFERRED", "TRIAGED", "ASSESSED", "IN_TREATMENT"].indexOf(entry.status), entry.serviceUser.lastName.toLowerCase()] as const);
      for (let index = 1; index < keys.length; index += 1) {
        const [previous, current] = [keys[index - 1]!, keys[index]!];
        expect(previous[0] < current[0] || (previous[0] === current[0] && previous[1] >= current[1])).toBe(true);
      }
    });

    it("reports the whole list's size on every page and whether more follow", async () => {
      const first = await caseloadPage(lead, { scope: "TEAM", first: 10 });
      const expectedTotal = expectedOn(TODAY).length;
      expect(first.totalCount).toBe(expectedTotal);
      expect(first.pageInfo).toMatchObject({ hasNextPage: expectedTotal > 10, hasPreviousPage: false });
      const second = await caseloadPage(lead, { scope: "TEAM", first: 10, after: first.pageInfo.endCursor });
      expect(second.totalCount).toBe(expectedTotal);
      expect(second.pageInfo.hasPreviousPage).toBe(true);
      // The page statement brings the count on its rows: a page past the end has none, and still knows it.
      const all = await caseloadPage(lead, { scope: "TEAM", first: expectedTotal });
      const beyond = await caseloadPage(lead, { scope: "TEAM", first: 10, after: all.pageInfo.endCursor });
      expect(beyond.edges).toEqual([]);
      expect(beyond.totalCount).toBe(expectedTotal);
      const nobody = await caseloadPage(lead, { scope: "TEAM", first: 10, search: "Zz-no-such-person" });
      expect([nobody.edges.length, nobody.totalCount]).toEqual([0, 0]);
    });
  });
});

describeEachDialect("caseload: verdicts that change with the day", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  let data: CaseloadData;

  /** The young people's keyworker signed in on `day`. */
  const yasOn = (day: IsoDate) => api.signInOn(day, "youngPeopleKeyworker");

  beforeAll(() => {
    data = new CaseloadData(api.server, api.organisation.staff.lead.id);
  });

  async function flagsOn(day: IsoDate, lastName: string): Promise<string[]> {
    try {
      const [entry] = await wholeCaseload(await yasOn(day), { scope: "MINE", search: lastName });
      return entry?.flags ?? [];
    } finally {
      api.server.clock.set(TODAY);
    }
  }

  async function addYoungPerson(lastName: string, spec: Partial<Parameters<CaseloadData["addEpisode"]>[1]>, asOf: IsoDate) {
    const personId = await data.addPerson({ firstName: "Test", lastName });
    return data.addEpisode(personId, { teamId: api.organisation.youngPeopleTeamId, keyworkerId: api.organisation.staff.youngPeopleKeyworker.id, referralDate: "2025-01-06", ...spec }, asOf);
  }

  it("R-OST-1: a spell begun on 29 February 2024 is flagged at 2 years on 28 February 2026, not a day earlier", async () => {
    await addYoungPerson("Leapday", { referralDate: "2024-02-20", interventions: [{ code: "OST_METHADONE", startDate: "2024-02-29" }], contacts: [{ date: "2024-03-01", kind: "APPOINTMENT", outcome: "ATTENDED" }] }, "2024-03-01");
    expect(await flagsOn("2026-02-27", "Leapday")).not.toContain("OST_2_YEARS");
    expect(await flagsOn("2026-02-28", "Leapday")).toContain("OST_2_YEARS");
    expect(await flagsOn("2030-02-27", "Leapday")).toContain("OST_2_YEARS");
    expect(await flagsOn("2030-02-28", "Leapday")).toEqual(expect.arrayContaining(["OST_6_YEARS"]));
    expect(await flagsOn("2030-02-28", "Leapday")).not.toContain("OST_2_YEARS");
  });

  it("R-OST-1: a prescription that ended on the day of the last write stops the flag the next day", async () => {
    const episodeId = await addYoungPerson("Stopped", { referralDate: "2022-01-03", interventions: [{ code: "OST_BUPRENORPHINE", startDate: "2022-01-10", endDate: TODAY }] }, TODAY);
    expect((await data.episodeRow(episodeId))?.ostSince).toBe("2022-01-10");
    expect(await flagsOn(TODAY, "Stopped")).toContain("OST_2_YEARS");
    expect(await flagsOn(addDays(TODAY, 1), "Stopped")).not.toContain("OST_2_YEARS");
  });

  it("R-DNA-1: a missed appointment's follow-up is due for 2 working days, then overdue; a follow-up call clears it", async () => {
    // Friday 30 May 2025: due by Tuesday 3 June, skipping the weekend.
    const episodeId = await addYoungPerson("Missed", { contacts: [{ date: "2025-05-30", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND" }] }, "2025-05-30");
    expect(await flagsOn("2025-06-03", "Missed")).toContain("DNA_FOLLOW_UP_DUE");
    expect(await flagsOn("2025-06-04", "Missed")).toContain("DNA_FOLLOW_UP_OVERDUE");
    expect(await flagsOn("2025-06-04", "Missed")).not.toContain("DNA_FOLLOW_UP_DUE");
    await data.addContacts(episodeId, [{ date: "2025-06-02", kind: "PHONE", outcome: "ATTENDED" }], "2025-06-02");
    const flags = await flagsOn("2025-06-04", "Missed");
    expect(flags).not.toContain("DNA_FOLLOW_UP_OVERDUE");
    expect(flags).not.toContain("DNA_FOLLOW_UP_DUE");
  });

  it("R-DNA-2: disengaging from the 28th day after the last attended contact, or at three did-not-attends in a row", async () => {
    await addYoungPerson("Quiet", { contacts: [{ date: "2025-05-01", kind: "APPOINTMENT", outcome: "ATTENDED" }] }, "2025-05-01");
    expect(await flagsOn("2025-05-28", "Quiet")).not.toContain("DISENGAGING");
    expect(await flagsOn("2025-05-29", "Quiet")).toContain("DISENGAGING");
    const dnas = ["2025-05-26", "2025-05-28", "2025-05-30"].map((date) => ({ date, kind: "APPOINTMENT" as const, outcome: "DID_NOT_ATTEND" as const }));
    await addYoungPerson("Absent", { contacts: [{ date: "2025-05-20", kind: "APPOINTMENT", outcome: "ATTENDED" }, ...dnas] }, "2025-05-30");
    expect(await flagsOn("2025-05-30", "Absent")).toContain("DISENGAGING");
  });

  it("R-REV-2: a review is overdue the day after its due date, and the review status moves from upcoming to due to overdue", async () => {
    // Signed off 10 March 2025 with a 12-week interval: due 2 June 2025.
    await addYoungPerson("Review", { plans: [{ signedOffDate: "2025-03-10" }], contacts: [{ date: "2025-05-30", kind: "APPOINTMENT", outcome: "ATTENDED" }] }, "2025-05-30");
    const statusOn = async (day: IsoDate) => {
      try {
        const [entry] = await wholeCaseload(await yasOn(day), { scope: "MINE", search: "Review" });
        return [entry?.nextReviewDue, entry?.reviewStatus, entry?.flags.includes("REVIEW_OVERDUE")];
      } finally {
        api.server.clock.set(TODAY);
      }
    };
    expect(await statusOn("2025-05-10")).toEqual(["2025-06-02", "UPCOMING", false]);
    expect(await statusOn("2025-05-01")).toEqual(["2025-06-02", "LATER", false]);
    expect(await statusOn("2025-05-27")).toEqual(["2025-06-02", "DUE", false]);
    expect(await statusOn("2025-06-02")).toEqual(["2025-06-02", "DUE", false]);
    expect(await statusOn("2025-06-03")).toEqual(["2025-06-02", "OVERDUE", true]);
  });

  it("R-SAFE-1: safeguarding shows a home visit due until an attended home visit is recorded", async () => {
    const personId = await data.addPerson({ firstName: "Test", lastName: "Visit", childUnder5InHousehold: true });
    const episodeId = await data.addEpisode(personId, { teamId: api.organisation.youngPeopleTeamId, keyworkerId: api.organisation.staff.youngPeopleKeyworker.id, referralDate: "2025-05-01" });
    expect(await flagsOn(TODAY, "Visit")).toEqual(expect.arrayContaining(["SAFEGUARDING", "SAFEGUARDING_HOME_VISIT_DUE"]));
    await data.addContacts(episodeId, [{ date: TODAY, kind: "HOME_VISIT", outcome: "DID_NOT_ATTEND" }]);
    expect(await flagsOn(TODAY, "Visit")).toContain("SAFEGUARDING_HOME_VISIT_DUE");
    await data.addContacts(episodeId, [{ date: TODAY, kind: "HOME_VISIT", outcome: "ATTENDED" }]);
    const flags = await flagsOn(TODAY, "Visit");
    expect(flags).toContain("SAFEGUARDING");
    expect(flags).not.toContain("SAFEGUARDING_HOME_VISIT_DUE");
  });
});
