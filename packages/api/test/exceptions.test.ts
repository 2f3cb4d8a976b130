import { addDays, EXCEPTION_KINDS, exceptionsFor, type IsoDate } from "@waymark/core";
import { beforeAll, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { Random } from "../src/seed/random.js";
import { CaseloadData } from "./caseloadData.js";
import { describeEachDialect } from "./databases.js";
import { episodeFacts, writeGeneratedCaseload, type EpisodeFacts } from "./generatedCaseload.js";
import type { GraphQLClient, GraphQLResult } from "./graphqlClient.js";
import { useSignedInServer, type StaffKey } from "./signedInServer.js";

const TODAY = "2025-06-02";

const EXCEPTIONS = `
  query Exceptions($teamId: ID, $kinds: [ExceptionKind!], $dischargedSince: Date, $first: Int, $after: String) {
    exceptions(teamId: $teamId, kinds: $kinds, dischargedSince: $dischargedSince, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind since detail recordId episode { id } serviceUser { id lastName } keyworker { id } team { id } } }
    }
  }`;

interface Line {
  id: string;
  kind: string;
  since: IsoDate | null;
  detail: string;
  recordId: string | null;
  episode: { id: string };
  serviceUser: { id: string; lastName: string };
  keyworker: { id: string } | null;
  team: { id: string };
}

interface ExceptionsPage {
  exceptions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Line }[] };
}

async function wholeReport(client: GraphQLClient, variables: Record<string, unknown>, pageSize = 100): Promise<{ lines: Line[]; totalCount: number }> {
  const lines: Line[] = [];
  let after: string | null = null;
  for (;;) {
    const result: GraphQLResult<ExceptionsPage> = await client.request<ExceptionsPage>(EXCEPTIONS, { ...variables, first: pageSize, after });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const page: ExceptionsPage["exceptions"] = result.data!.exceptions;
    lines.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { lines, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

const RECORD_TYPES: Record<string, string> = { REVIEW_OVERDUE: "RecoveryPlan", DNA_FOLLOW_UP_OVERDUE: "Contact" };
const lineKey = (line: { kind: string; episodeId: string; since: IsoDate | null; recordId: string | null; detail: string }) =>
  [line.kind, line.episodeId, line.since ?? "", line.recordId ?? "", line.detail].join("|");

describeEachDialect("exceptions report on generated data agrees with core (R-EXC-1)", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  const facts = new Map<string, EpisodeFacts>();

  const signInOn = (day: IsoDate, who: StaffKey = "lead") => api.signInOn(day, who);

  beforeAll(async () => {
    const { staff, adultTeamId } = api.organisation;
    const data = new CaseloadData(api.server, staff.lead.id);
    const provider = { teams: [{ teamId: adultTeamId, keyworkerIds: [staff.keyworker.id, staff.otherKeyworker.id, null] }] };
    for (const episodeId of await writeGeneratedCaseload(data, new Random(99), provider, 45, TODAY)) {
      facts.set(episodeId, await episodeFacts(api.server, episodeId));
    }
  }, 120_000);

  /** Core's report on `day` over the given episodes: closed ones only for discharges since `dischargedSince`. */
  function expectedLines(day: IsoDate, dischargedSince: IsoDate, include: (fact: EpisodeFacts) => boolean = () => true) {
    return [...facts.values()]
      .filter(include)
      .filter((fact) => !["COMPLETED", "CLOSED"].includes(fact.loaded.episode.status) || (fact.loaded.episode.dischargeDate ?? "") >= dischargedSince)
      .flatMap((fact) => exceptionsFor(fact.loaded, fact.catalogue, fact.settings, day))
      .map((row) => ({
        kind: row.kind,
        episodeId: toGlobalId("Episode", row.episodeId),
        since: row.since,
        recordId: row.recordId === null ? null : toGlobalId(RECORD_TYPES[row.kind]!, row.recordId),
        detail: row.detail,
      }));
  }

  const actualLines = (lines: readonly Line[]) => lines.map((line) => ({ kind: line.kind, episodeId: line.episode.id, since: line.since, recordId: line.recordId, detail: line.detail }));

  for (const day of [TODAY, addDays(TODAY, 3), addDays(TODAY, 45), addDays(TODAY, 400)]) {
    it(`lists on ${day} exactly the lines core's exceptionsFor gives for the team's episodes, in report order`, async () => {
      const { lines, totalCount } = await wholeReport(await signInOn(day), {}, 13);
      api.server.clock.set(TODAY);
      const expected = expectedLines(day, addDays(day, -365));
      expect(expected.length).toBeGreaterThan(0);
      expect(actualLines(lines).map(lineKey).sort()).toEqual(expected.map(lineKey).sort());
      expect(totalCount).toBe(expected.length);
      const order = lines.map((line) => [EXCEPTION_KINDS.indexOf(line.kind as never), line.since ?? "9999-12-31"] as const);
      for (let index = 1; index < order.length; index += 1) {
        const [previous, current] = [order[index - 1]!, order[index]!];
        expect(previous[0] < current[0] || (previous[0] === current[0] && previous[1] <= current[1])).toBe(true);
      }
      expect(new Set(lines.map((line) => line.id)).size).toBe(lines.length);
    });
  }

  it("covers every kind of exception on this data", async () => {
    const kinds = new Set(expectedLines(addDays(TODAY, 45), addDays(TODAY, -320)).map((line) => line.kind));
    expect([...kinds].sort()).toEqual([...EXCEPTION_KINDS].sort());
  });

  it("lists only the kinds asked for", async () => {
    const kinds = ["DISENGAGING", "NO_KEYWORKER"];
    const { lines } = await wholeReport(await signInOn(TODAY), { kinds });
    expect(actualLines(lines).map(lineKey).sort()).toEqual(
      expectedLines(TODAY, addDays(TODAY, -365))
        .filter((line) => kinds.includes(line.kind))
        .map(lineKey)
        .sort(),
    );
  });

  it("lists missing EXIT TOPs of closed episodes discharged on or after dischargedSince", async () => {
    const since = "2020-01-01";
    const { lines } = await wholeReport(await signInOn(TODAY), { kinds: ["TOP_MISSING"], dischargedSince: since });
    const expected = expectedLines(TODAY, since).filter((line) => line.kind === "TOP_MISSING");
    expect(actualLines(lines).map(lineKey).sort()).toEqual(expected.map(lineKey).sort());
    expect(lines.some((line) => line.detail.includes("Exit TOP"))).toBe(true);
  });

  it("a practitioner's report covers their own episodes and the team's unallocated ones", async () => {
    const kim = api.organisation.staff.keyworker.id;
    const { lines } = await wholeReport(await signInOn(TODAY, "keyworker"), {});
    const expected = expectedLines(TODAY, addDays(TODAY, -365), (fact) => fact.loaded.episode.keyworkerId === kim || fact.loaded.episode.keyworkerId === null);
    expect(actualLines(lines).map(lineKey).sort()).toEqual(expected.map(lineKey).sort());
  });

  it("a team outside the viewer's scope has no lines, and admins and analysts are refused", async () => {
    expect((await wholeReport(await signInOn(TODAY), { teamId: toGlobalId("Team", api.organisation.youngPeopleTeamId) })).lines).toEqual([]);
    for (const who of ["admin", "analyst"] as const) {
      expect((await (await signInOn(TODAY, who)).request(EXCEPTIONS, {})).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });
});

describeEachDialect("exceptions report: lines for a keyworker to act on (R-EXC-1)", (dialect) => {
  const api = useSignedInServer(dialect, { today: TODAY });
  let data: CaseloadData;

  beforeAll(() => {
    data = new CaseloadData(api.server, api.organisation.staff.lead.id);
  });

  const kimsEpisode = async (lastName: string, spec: Partial<Parameters<CaseloadData["addEpisode"]>[1]>, asOf: IsoDate = TODAY) =>
    data.addEpisode(await data.addPerson({ lastName }), { teamId: api.organisation.adultTeamId, keyworkerId: api.organisation.staff.keyworker.id, referralDate: "2025-01-06", ...spec }, asOf);

  it("R-DNA-1: a missed appointment not followed up by its deadline points at the missed contact", async () => {
    const episodeId = await kimsEpisode("Unfollowed", { contacts: [{ date: "2025-05-20", kind: "APPOINTMENT", outcome: "DID_NOT_ATTEND" }] }, "2025-05-20");
    const { lines } = await wholeReport(await api.signIn("keyworker"), { kinds: ["DNA_FOLLOW_UP_OVERDUE"] });
    const t = api.server.database.tables;
    const [contact] = await api.server.database.read.select().from(t.contacts);
    expect(lines).toEqual([
      expect.objectContaining({
        kind: "DNA_FOLLOW_UP_OVERDUE",
        since: "2025-05-22",
        recordId: toGlobalId("Contact", contact!.id),
        episode: { id: toGlobalId("Episode", episodeId) },
        serviceUser: expect.objectContaining({ lastName: "Unfollowed" }),
        keyworker: { id: toGlobalId("StaffMember", api.organisation.staff.keyworker.id) },
      }),
    ]);
  });

  it("R-DIS-1, R-TOP-2: a planned completion without an EXIT TOP is listed as such once the recording window has closed", async () => {
    await kimsEpisode("Completed", {
      status: "COMPLETED",
      referralDate: "2024-05-06",
      dischargeDate: "2025-04-14",
      interventions: [{ code: "COUNSELLING", startDate: "2024-05-20", endDate: "2025-04-14" }],
      outcomes: [{ stage: "START", date: "2024-05-20" }],
    });
    const client = await api.signIn("keyworker");
    const { lines } = await wholeReport(client, { kinds: ["TOP_MISSING"] });
    const exit = lines.filter((line) => line.serviceUser.lastName === "Completed" && line.detail.startsWith("Exit TOP"));
    expect(exit.map((line) => [line.since, line.detail])).toEqual([["2025-04-14", "Exit TOP due on 2025-04-14 not recorded after a planned completion"]]);
    expect((await wholeReport(client, { kinds: ["TOP_MISSING"], dischargedSince: "2025-05-01" })).lines.filter((line) => line.serviceUser.lastName === "Completed")).toEqual([]);
  });

  it("R-REV-2: an overdue review points at the plan, and the lines are read into the audit trail", async () => {
    await kimsEpisode("Unreviewed", { plans: [{ signedOffDate: "2025-01-20" }], contacts: [{ date: "2025-05-30", kind: "APPOINTMENT", outcome: "ATTENDED" }] });
    const { lines } = await wholeReport(await api.signIn("keyworker"), { kinds: ["REVIEW_OVERDUE"] });
    const t = api.server.database.tables;
    const plans = await api.server.database.read.select().from(t.recoveryPlans);
    expect(lines.map((line) => [line.serviceUser.lastName, line.since, line.recordId])).toEqual([["Unreviewed", "2025-04-14", toGlobalId("RecoveryPlan", plans[0]!.id)]]);
    const reads = (await api.server.database.read.select().from(t.auditEvents)).filter((event) => event.action === "READ" && event.recordType === "ServiceUser");
    expect(reads.map((event) => toGlobalId("ServiceUser", event.serviceUserId!))).toContain(lines[0]!.serviceUser.id);
  });
});
