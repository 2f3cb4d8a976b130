import { addDays, defaultReviewWindow, openReviewStatus, type IsoDate } from "@waymark/core";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { Random } from "../src/seed/random.js";
import { CaseloadData } from "./caseloadData.js";
import { describeEachDialect } from "./databases.js";
import { PASSWORD } from "./fixtures.js";
import { episodeFacts, expectedCaseloadEntry, writeGeneratedCaseload, type EpisodeFacts } from "./generatedCaseload.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";
import { wholeRecords } from "./wholeRecords.js";

const TODAY = "2025-06-02";

const SCHEDULE = `
  query Schedule($from: Date, $to: Date, $scope: CaseloadScope, $teamId: ID, $keyworkerId: ID, $first: Int, $after: String) {
    reviewSchedule(from: $from, to: $to, scope: $scope, teamId: $teamId, keyworkerId: $keyworkerId) {
      from to asOf overdue due upcoming
      weeks { weekStarting count }
      byKeyworker { keyworker { id } team { id } overdue due upcoming }
      entries(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id dueDate status planId episode { id } serviceUser { id lastName } keyworker { id } team { id } } }
      }
    }
  }`;

interface ScheduleEntry {
  id: string;
  dueDate: IsoDate;
  status: string;
  planId: string | null;
  episode: { id: string };
  serviceUser: { id: string; lastName: string };
  keyworker: { id: string } | null;
  team: { id: string };
}

interface Schedule {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  overdue: number;
  due: number;
  upcoming: number;
  weeks: { weekStarting: IsoDate; count: number }[];
  byKeyworker: { keyworker: { id: string } | null; team: { id: string }; overdue: number; due: number; upcoming: number }[];
  entries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ScheduleEntry }[] };
}

async function schedulePage(client: GraphQLClient, variables: Record<string, unknown>): Promise<Schedule> {
  const result = await client.request<{ reviewSchedule: Schedule }>(SCHEDULE, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.reviewSchedule;
}

/** The schedule's counts and all its entries, page by page. */
async function wholeSchedule(client: GraphQLClient, variables: Record<string, unknown>, pageSize = 100): Promise<{ schedule: Schedule; entries: ScheduleEntry[] }> {
  const entries: ScheduleEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const schedule = await schedulePage(client, { ...variables, first: pageSize, after });
    entries.push(...schedule.entries.edges.map((edge) => edge.node));
    if (!schedule.entries.pageInfo.hasNextPage) return { schedule, entries };
    after = schedule.entries.pageInfo.endCursor;
  }
}

const mondayOf = (date: IsoDate) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

describeEachDialect("review schedule on generated data agrees with core (R-REV-1, R-REV-2)", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  const facts = new Map<string, EpisodeFacts>();

  const leadOn = (day: IsoDate) => api.signInOn(day, "lead");

  beforeAll(async () => {
    const { staff, adultTeamId } = api.organisation;
    const data = new CaseloadData(api.server, staff.lead.id);
    const provider = { teams: [{ teamId: adultTeamId, keyworkerIds: [staff.keyworker.id, staff.otherKeyworker.id, null] }] };
    // Recent referrals and plans, so many reviews fall due in the weeks around today.
    for (const episodeId of await writeGeneratedCaseload(data, new Random(7), provider, 50, TODAY)) {
      facts.set(toGlobalId("Episode", episodeId), await episodeFacts(api.server, episodeId));
    }
  }, 120_000);

  /** Core's open reviews on `day` that a schedule for [from, to] lists: due in the window, or overdue. */
  function expectedEntries(day: IsoDate, from: IsoDate, to: IsoDate) {
    return [...facts.entries()]
      .filter(([, fact]) => !fact.loaded.row.enteredInErrorReason && !["COMPLETED", "CLOSED"].includes(fact.loaded.episode.status))
      .map(([id, fact]) => ({ id, fact, due: expectedCaseloadEntry(fact, day).nextReviewDue }))
      .filter((entry): entry is typeof entry & { due: IsoDate } => entry.due !== null && entry.due <= to && (entry.due >= from || entry.due < day))
      .map((entry) => {
        const status = openReviewStatus(entry.due, defaultReviewWindow(day));
        // Within the window everything after the week ahead is upcoming, however far the window reaches.
        return { ...entry, status: status === "LATER" ? "UPCOMING" : status };
      });
  }

  const WINDOWS: { day: IsoDate; from?: IsoDate; to?: IsoDate }[] = [
    { day: TODAY },
    { day: TODAY, from: "2025-07-01", to: "2025-09-30" },
    { day: addDays(TODAY, 20), from: "2025-05-01", to: "2025-06-30" },
    { day: addDays(TODAY, 120) },
  ];

  for (const { day, from, to } of WINDOWS) {
    it(`lists each open review with core's status on ${day} for the window ${from ?? "today"}..${to ?? "four weeks on"}`, async () => {
      const windowFrom = from ?? day;
      const windowTo = to ?? addDays(windowFrom, 27);
      const { schedule, entries } = await wholeSchedule(await leadOn(day), { scope: "TEAM", from, to }, 9);
      api.server.clock.set(TODAY);
      const expected = expectedEntries(day, windowFrom, windowTo);
      expect(expected.length).toBeGreaterThan(0);
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect(entries.map((entry) => ({ id: entry.episode.id, due: entry.dueDate, status: entry.status })).sort(byId)).toEqual(
        expected.map((entry) => ({ id: entry.id, due: entry.due, status: entry.status })).sort(byId),
      );
      expect(entries.map((entry) => entry.dueDate)).toEqual(entries.map((entry) => entry.dueDate).sort());
      expect({ from: schedule.from, to: schedule.to, asOf: schedule.asOf }).toEqual({ from: windowFrom, to: windowTo, asOf: day });
      const count = (status: string) => expected.filter((entry) => entry.status === status).length;
      expect([schedule.overdue, schedule.due, schedule.upcoming]).toEqual([count("OVERDUE"), count("DUE"), count("UPCOMING")]);
      expect(schedule.entries.totalCount).toBe(expected.length);
    });
  }

  it("answers whatever a document asks of each entry's person and episode, as the records themselves do", async () => {
    // The entries read only the columns of a summary for a document that asks for no more of the person and
    // episode (summaryColumns.ts); anything beyond them must come back whole and right.
    const RICHER = `
      query Richer($withRecords: Boolean!) {
        reviewSchedule(scope: TEAM) {
          entries(first: 5) { edges { node {
            planId
            person: serviceUser { ...PersonNames ... @include(if: $withRecords) { dateOfBirth sex version } }
            episode { id status referral { receivedDate ... @include(if: $withRecords) { source reason } } nextReviewDue keyworker { id } team { id } }
          } } }
        }
      }
      fragment PersonNames on ServiceUser { id firstName lastName preferredName localReference }`;
    type Entry = { planId: string | null; person: Record<string, unknown>; episode: Record<string, unknown> };
    type Answer = { reviewSchedule: { entries: { edges: { node: Entry }[] } } };
    const client = await leadOn(TODAY);
    // Whether the page's statement read the person's whole record (the NHS number is no part of a summary).
    const readWholePerson = async (withRecords: boolean) => {
      const statements: string[] = [];
      const stop = api.server.database.observeStatements((sql) => statements.push(sql));
      const answer = await client.request<Answer>(RICHER, { withRecords });
      stop();
      expect(answer.errors).toBeUndefined();
      return { answer, whole: statements.some((sql) => sql.includes(`"service_users"."nhs_number"`)) };
    };
    const richer = await readWholePerson(true);
    const entries = richer.answer.data!.reviewSchedule.entries.edges.map((edge) => edge.node);
    expect(entries).toHaveLength(5);
    const names = await readWholePerson(false);
    expect([richer.whole, names.whole]).toEqual([true, false]);
    for (const [index, entry] of entries.entries()) {
      const whole = await wholeRecords(client, { personId: entry.person.id, episodeId: entry.episode.id }, {
        person: "id firstName lastName preferredName localReference dateOfBirth sex version",
        episode: "id status referral { receivedDate source reason } nextReviewDue keyworker { id } team { id }",
      });
      expect(entry.person).toEqual(whole.serviceUser);
      expect(entry.person.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.episode).toEqual(whole.episode);
      expect(entry.episode.referral).toMatchObject({ source: expect.any(String) });
      // A summary of the same entry: the person's names and reference, the same plan under review.
      const summary = names.answer.data!.reviewSchedule.entries.edges[index]!.node;
      const personNames = Object.fromEntries(Object.entries(whole.serviceUser).filter(([field]) => !["dateOfBirth", "sex", "version"].includes(field)));
      expect(summary.person).toEqual(personNames);
      const episode = whole.episode as { referral: { receivedDate: string } };
      expect(summary.episode).toEqual({ ...whole.episode, referral: { receivedDate: episode.referral.receivedDate } });
      expect(summary.planId).toBe(entry.planId);
    }
    expect(entries.some((entry) => entry.planId !== null)).toBe(true);
  });

  it("counts reviews due in each Monday-to-Sunday week of the window", async () => {
    const from = "2025-06-04";
    const to = "2025-08-20";
    const { schedule } = await wholeSchedule(await leadOn(TODAY), { scope: "TEAM", from, to });
    const expected = new Map<IsoDate, number>();
    for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) expected.set(week, 0);
    for (const entry of expectedEntries(TODAY, from, to).filter((candidate) => candidate.due >= from)) {
      expected.set(mondayOf(entry.due), (expected.get(mondayOf(entry.due)) ?? 0) + 1);
    }
    expect(schedule.weeks).toEqual([...expected].map(([weekStarting, count]) => ({ weekStarting, count })));
    expect(schedule.weeks[0]?.weekStarting).toBe("2025-06-02");
  });

  it("breaks the counts down per keyworker and team, unallocated episodes under no keyworker", async () => {
    const { schedule } = await wholeSchedule(await leadOn(TODAY), { scope: "TEAM" });
    const expected = new Map<string, { overdue: number; due: number; upcoming: number }>();
    for (const entry of expectedEntries(TODAY, TODAY, addDays(TODAY, 27))) {
      const keyworkerId = entry.fact.loaded.episode.keyworkerId;
      const key = keyworkerId === null ? "none" : toGlobalId("StaffMember", keyworkerId);
      const counts = expected.get(key) ?? { overdue: 0, due: 0, upcoming: 0 };
      counts[entry.status.toLowerCase() as "overdue" | "due" | "upcoming"] += 1;
      expected.set(key, counts);
    }
    const actual = new Map(schedule.byKeyworker.map((row) => [row.keyworker?.id ?? "none", { overdue: row.overdue, due: row.due, upcoming: row.upcoming }]));
    expect(actual).toEqual(expected);
    expect(schedule.byKeyworker.every((row) => row.team.id === toGlobalId("Team", api.organisation.adultTeamId))).toBe(true);
  });

  it("narrows a team's schedule to one keyworker, and MINE to the viewer's own reviews", async () => {
    const kim = api.organisation.staff.keyworker;
    const kimsOwn = expectedEntries(TODAY, TODAY, addDays(TODAY, 27)).filter((entry) => entry.fact.loaded.episode.keyworkerId === kim.id);
    const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id).sort();
    const viaLead = await wholeSchedule(await leadOn(TODAY), { scope: "TEAM", keyworkerId: toGlobalId("StaffMember", kim.id) });
    expect(ids(viaLead.entries.map((entry) => ({ id: entry.episode.id })))).toEqual(ids(kimsOwn));
    const kimClient = await api.server.client().login(kim.email, PASSWORD);
    const mine = await wholeSchedule(kimClient, { scope: "MINE" });
    expect(ids(mine.entries.map((entry) => ({ id: entry.episode.id })))).toEqual(ids(kimsOwn));
  });
});

describeEachDialect("review schedule: plans, access and input", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  let data: CaseloadData;

  beforeAll(() => {
    data = new CaseloadData(api.server, api.organisation.staff.lead.id);
  });

  it("R-REV-1: the entry points at the current plan, and the next review follows the last review of that plan", async () => {
    const personId = await data.addPerson({ lastName: "Replanned" });
    const episodeId = await data.addEpisode(personId, {
      teamId: api.organisation.adultTeamId,
      keyworkerId: api.organisation.staff.keyworker.id,
      referralDate: "2025-01-06",
      plans: [
        { signedOffDate: "2025-01-20", reviewIntervalWeeks: 12 },
        // A full plan signed off later supersedes the interim one; its review on 19 May sets the next due date.
        { signedOffDate: "2025-02-24", reviewIntervalWeeks: 4, reviews: ["2025-05-19"] },
      ],
    });
    const t = api.server.database.tables;
    const plans = await api.server.database.read.select().from(t.recoveryPlans).where(eq(t.recoveryPlans.episodeId, episodeId));
    const current = plans.find((plan) => plan.signedOffDate === "2025-02-24")!;
    const { entries } = await wholeSchedule(await api.signIn("keyworker"), { scope: "MINE" });
    const entry = entries.find((candidate) => candidate.episode.id === toGlobalId("Episode", episodeId));
    expect(entry).toMatchObject({ dueDate: "2025-06-16", status: "UPCOMING", planId: toGlobalId("RecoveryPlan", current.id), serviceUser: { lastName: "Replanned" } });
  });

  it("R-REV-2: an overdue review stays on the schedule whatever window is chosen, and closed episodes never appear", async () => {
    const overdue = await data.addEpisode(await data.addPerson({ lastName: "Behind" }), {
      teamId: api.organisation.adultTeamId,
      keyworkerId: api.organisation.staff.otherKeyworker.id,
      referralDate: "2024-06-03",
      plans: [{ signedOffDate: "2024-07-01" }],
    });
    const closed = await data.addEpisode(await data.addPerson({ lastName: "Finished" }), {
      teamId: api.organisation.adultTeamId,
      keyworkerId: api.organisation.staff.otherKeyworker.id,
      status: "COMPLETED",
      referralDate: "2024-06-03",
      dischargeDate: "2025-01-10",
      plans: [{ signedOffDate: "2024-07-01" }],
    });
    const { entries, schedule } = await wholeSchedule(await api.signIn("otherKeyworker"), { scope: "MINE", from: "2025-09-01", to: "2025-09-30" });
    expect(entries.map((entry) => [entry.episode.id, entry.dueDate, entry.status])).toEqual([[toGlobalId("Episode", overdue), "2024-09-23", "OVERDUE"]]);
    expect(entries.map((entry) => entry.episode.id)).not.toContain(toGlobalId("Episode", closed));
    expect(schedule.overdue).toBe(1);
  });

  it("a practitioner's team schedule covers their own episodes and the team's unallocated ones, not a colleague's", async () => {
    const unallocated = await data.addEpisode(await data.addPerson({ lastName: "Waiting" }), { teamId: api.organisation.adultTeamId, keyworkerId: null, referralDate: "2025-03-03", plans: [{ signedOffDate: "2025-03-17" }] });
    const { entries } = await wholeSchedule(await api.signIn("keyworker"), { scope: "TEAM" });
    const names = entries.map((entry) => entry.serviceUser.lastName);
    expect(names).toContain("Replanned");
    expect(names).toContain("Waiting");
    expect(names).not.toContain("Behind");
    expect(entries.find((entry) => entry.episode.id === toGlobalId("Episode", unallocated))?.keyworker).toBeNull();
  });

  it("refuses a window that ends before it starts or runs over 366 days", async () => {
    const client = await api.signIn("lead");
    const codeOf = async (variables: Record<string, unknown>) => (await client.request(SCHEDULE, variables)).errors?.[0]?.extensions?.code;
    expect(await codeOf({ from: "2025-06-10", to: "2025-06-09" })).toBe("BAD_USER_INPUT");
    expect(await codeOf({ from: "2025-01-01", to: "2026-01-03" })).toBe("BAD_USER_INPUT");
    expect(await codeOf({ from: "2025-02-30" })).toBe("BAD_USER_INPUT");
  });

  describe("access", () => {
    it("refuses admins and analysts (FORBIDDEN) and anyone not signed in (UNAUTHENTICATED)", async () => {
      for (const who of ["admin", "analyst"] as const) {
        expect((await (await api.signIn(who)).request(SCHEDULE, {})).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      expect((await api.server.client().request(SCHEDULE, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });
});
