import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { PLANTED_PEOPLE, plantAnalysisData, type PlantedAnalysisData } from "./analysisData.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLResult } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

/**
 * Analysts' pseudonymised connections (DOMAIN §1, §7): filters with typed operators and and/or, multi-field
 * ordering with stable keyset paging, totalCount, aggregates with small-number suppression, refusals that
 * name the field, and the cost every connection and aggregate adds.
 */

const EPISODES = `query Episodes($filter: PseudonymisedEpisodeFilter, $orderBy: [PseudonymisedEpisodeOrder!], $first: Int, $after: String) {
  episodes(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id personId ageBandAtReferral sex postcodeDistrict status referralDate waitingDays cohort substance1 keyworkerId team { id name } } }
  }
}`;

interface EpisodeNode {
  id: string;
  personId: string;
  ageBandAtReferral: string;
  sex: string;
  postcodeDistrict: string | null;
  status: string;
  referralDate: string;
  waitingDays: number | null;
  cohort: string | null;
  substance1: string | null;
  keyworkerId: string | null;
  team: { id: string; name: string };
}

interface EpisodePage {
  episodes: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { cursor: string; node: EpisodeNode }[];
  };
}

interface GroupShape {
  key: Record<string, unknown>;
  count: number | null;
  countShown: string;
  suppressed: boolean;
  sum: Record<string, number | null> | null;
  avg: Record<string, number | null> | null;
  min: Record<string, number | null> | null;
  max: Record<string, number | null> | null;
}

const LIVE_PEOPLE = PLANTED_PEOPLE.filter((person) => !person.enteredInError);

function data<T>(result: GraphQLResult<T>): T {
  if (result.errors || !result.data) throw new Error(`The query was refused: ${JSON.stringify(result.errors)}`);
  return result.data;
}

describeEachDialect("analysts' pseudonymised connections", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["analyst", "keyworker", "lead", "admin"] });
  let planted: PlantedAnalysisData;

  beforeAll(async () => {
    planted = await plantAnalysisData(api.server, api.organisation);
  });

  /** Every episode matching, page by page of `first`, following pageInfo.endCursor as an export would. */
  async function allPages(variables: Record<string, unknown>, first: number): Promise<{ nodes: EpisodeNode[]; pages: EpisodePage["episodes"][] }> {
    const pages: EpisodePage["episodes"][] = [];
    let after: string | null = null;
    for (;;) {
      const page: EpisodePage["episodes"] = data(await api.analyst.request<EpisodePage>(EPISODES, { ...variables, first, after })).episodes;
      pages.push(page);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { nodes: pages.flatMap((page) => page.edges.map((edge) => edge.node)), pages };
  }

  const count = async (filter: Record<string, unknown>) => data(await api.analyst.request<EpisodePage>(EPISODES, { filter, first: 1 })).episodes.totalCount;

  describe("paging", () => {
    it("pages through every live episode by referral date, with totalCount on every page and regular pageInfo", async () => {
      const { nodes, pages } = await allPages({}, 3);
      expect(pages.map((page) => page.edges.length)).toEqual([3, 3, 2]);
      expect(pages.every((page) => page.totalCount === LIVE_PEOPLE.length)).toBe(true);
      expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
      expect(pages.at(-1)?.pageInfo.endCursor).toBe(pages.at(-1)?.edges.at(-1)?.cursor);
      expect(nodes.map((node) => node.referralDate)).toEqual(LIVE_PEOPLE.map((person) => person.referralDate).sort());
      expect(new Set(nodes.map((node) => node.id)).size).toBe(LIVE_PEOPLE.length);
    });

    it("leaves out an episode entered in error and every record of it, and records entered in error", async () => {
      const { nodes } = await allPages({}, 100);
      expect(nodes.map((node) => node.id)).not.toContain(toGlobalId("PseudonymisedEpisode", planted.enteredInError.episodeId));
      const counts = data(
        await api.analyst.request<Record<string, { totalCount: number; edges: { node: { id: string } }[] }>>(
          `{ interventions(first: 100) { totalCount edges { node { id } } } reviews { totalCount } outcomes { totalCount } contacts(first: 100) { totalCount edges { node { id } } } }`,
        ),
      );
      // Six episodes have a first intervention, and the first also has OST; the one entered in error is not counted.
      expect(counts.interventions?.totalCount).toBe(7);
      expect(counts.interventions?.edges.map((edge) => edge.node.id)).not.toContain(toGlobalId("PseudonymisedIntervention", planted.enteredInError.interventionId));
      expect(counts.reviews?.totalCount).toBe(2);
      expect(counts.outcomes?.totalCount).toBe(3);
      expect(counts.contacts?.totalCount).toBe(6);
      expect(counts.contacts?.edges.map((edge) => edge.node.id)).not.toContain(toGlobalId("PseudonymisedContact", planted.enteredInError.contactId));
    });

    it("orders by several fields in either direction, ending with the ID, and pages the same order without gaps or repeats", async () => {
      const orderBy = [
        { field: "SEX", direction: "DESC" },
        { field: "WAITING_DAYS", direction: "DESC" },
        { field: "REFERRAL_DATE", direction: "ASC" },
      ];
      const whole = data(await api.analyst.request<EpisodePage>(EPISODES, { orderBy, first: 100 })).episodes.edges.map((edge) => edge.node);
      const paged = (await allPages({ orderBy }, 2)).nodes;
      expect(paged.map((node) => node.id)).toEqual(whole.map((node) => node.id));
      const expected = [...LIVE_PEOPLE]
        .map((person) => ({ ...person, waiting: person.firstInterventionDate ? (Date.parse(person.firstInterventionDate) - Date.parse(person.referralDate)) / 86_400_000 : null }))
        .sort((a, b) => (a.sex !== b.sex ? (a.sex < b.sex ? 1 : -1) : (b.waiting ?? -1) - (a.waiting ?? -1) || a.referralDate.localeCompare(b.referralDate)));
      expect(whole.map((node) => [node.sex, node.waitingDays, node.referralDate])).toEqual(expected.map((person) => [person.sex, person.waiting, person.referralDate]));
    });

    it("refuses a cursor that is not from the list, naming after", async () => {
      const result = await api.analyst.request(EPISODES, { first: 2, after: "not-a-cursor" });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    });

    it("refuses a page larger than 100, naming first", async () => {
      const result = await api.analyst.request(EPISODES, { first: 101 });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    });
  });

  describe("filters", () => {
    it("applies eq, in, isNull, contains, lt/lte/gt/gte on codes, dates, numbers and IDs", async () => {
      expect(await count({ sex: { eq: "MALE" } })).toBe(2);
      expect(await count({ ageBandAtReferral: { in: ["AGE_50_54"] } })).toBe(2);
      expect(await count({ postcodeDistrict: { eq: "LS6" } })).toBe(3);
      expect(await count({ postcodeDistrict: { isNull: true } })).toBe(1);
      expect(await count({ postcodeDistrict: { contains: "bd" } })).toBe(2);
      expect(await count({ referralDate: { gte: "2025-01-01", lt: "2025-02-01" } })).toBe(3);
      expect(await count({ waitingDays: { gt: 14 } })).toBe(1);
      expect(await count({ waitingDays: { lte: 14 } })).toBe(5);
      expect(await count({ waitingDays: { isNull: true } })).toBe(2);
      expect(await count({ teamId: { eq: toGlobalId("Team", api.organisation.youngPeopleTeamId) } })).toBe(1);
      expect(await count({ keyworkerId: { in: [toGlobalId("Staff", api.organisation.staff.otherKeyworker.id)] } })).toBe(2);
      expect(await count({ keyworkerId: { isNull: true } })).toBe(1);
    });

    it("combines conditions with and, or, and nested and/or", async () => {
      expect(await count({ or: [{ status: { eq: "COMPLETED" } }, { status: { eq: "CLOSED" } }] })).toBe(2);
      expect(await count({ and: [{ referralDate: { gte: "2025-01-01" } }, { waitingDays: { lte: 14 } }] })).toBe(3);
      expect(await count({ sex: { eq: "FEMALE" }, or: [{ cohort: { eq: "ALCOHOL_ONLY" } }, { and: [{ cohort: { eq: "OPIATE" } }, { status: { in: ["REFERRED", "CLOSED"] } }] }] })).toBe(3);
    });

    it("filters the other record kinds by their own fields and by the person's", async () => {
      const result = data(
        await api.analyst.request<Record<string, { totalCount: number }>>(`{
          primaryCare: interventions(filter: { setting: { eq: "PRIMARY_CARE" } }) { totalCount }
          onTime: reviews(filter: { onTime: { eq: true } }) { totalCount }
          late: reviews(filter: { daysLate: { gt: 0 } }) { totalCount }
          starts: outcomes(filter: { stage: { eq: "START" }, opiatesDays: { gte: 20 } }) { totalCount }
          dnas: contacts(filter: { outcome: { eq: "DID_NOT_ATTEND" } }) { totalCount }
          menContacts: contacts(filter: { sex: { eq: "MALE" } }) { totalCount }
        }`),
      );
      expect(Object.fromEntries(Object.entries(result).map(([name, connection]) => [name, connection.totalCount]))).toEqual({ primaryCare: 1, onTime: 1, late: 1, starts: 2, dnas: 2, menContacts: 1 });
    });

    it("refuses an unknown code, naming the field and the codes allowed; nothing else is answered", async () => {
      const result = await api.analyst.request(EPISODES, { filter: { or: [{ sex: { eq: "BANANA" } }] } });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.or.0.sex.eq" });
      expect(result.errors?.[0]?.message).toContain("FEMALE");
    });

    it("refuses more than 100 values to in, an empty or, and and/or nested too deep, naming the field", async () => {
      const tooMany = await api.analyst.request(EPISODES, { filter: { referralDate: { in: Array.from({ length: 101 }, () => "2025-01-01") } } });
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.referralDate.in" });
      const emptyOr = await api.analyst.request(EPISODES, { filter: { and: [{ or: [] }] } });
      expect(emptyOr.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.and.0.or" });
      const deep = { and: [{ and: [{ and: [{ and: [{ and: [{ sex: { eq: "MALE" } }] }] }] }] }] };
      const tooDeep = await api.analyst.request(EPISODES, { filter: deep });
      expect(tooDeep.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.and.0.and.0.and.0.and.0.and.0" });
    });

    it("refuses a repeated sort field, naming it", async () => {
      const result = await api.analyst.request(EPISODES, { orderBy: [{ field: "SEX" }, { field: "SEX", direction: "DESC" }] });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "orderBy.1.field" });
    });
  });

  describe("nested records", () => {
    it("gives each record its episode and each episode its records as connections, with the same person ID throughout", async () => {
      const firstEpisodeId = toGlobalId("PseudonymisedEpisode", planted.people[0]!.episodeId);
      const result = data(
        await api.analyst.request<{ node: { id: string; personId: string; interventions: { totalCount: number }; reviews: { totalCount: number }; outcomes: { totalCount: number }; contacts: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: { personId: string; outcome: string; episode: { id: string; personId: string } } }[] } } }>(
          `query One($id: ID!) { node(id: $id) { ... on PseudonymisedEpisode {
            id personId
            interventions { totalCount } reviews { totalCount } outcomes { totalCount }
            contacts(first: 2, orderBy: [{ field: DATE }]) { totalCount pageInfo { hasNextPage } edges { node { personId outcome episode { id personId } } } }
          } } }`,
          { id: firstEpisodeId },
        ),
      );
      expect(result.node).toMatchObject({ id: firstEpisodeId, interventions: { totalCount: 2 }, reviews: { totalCount: 1 }, outcomes: { totalCount: 2 }, contacts: { totalCount: 3, pageInfo: { hasNextPage: true } } });
      expect(result.node.personId).toMatch(/^[0-9a-f]{64}$/);
      expect(result.node.contacts.edges.map((edge) => edge.node.outcome)).toEqual(["ATTENDED", "DID_NOT_ATTEND"]);
      for (const edge of result.node.contacts.edges) {
        expect(edge.node.personId).toBe(result.node.personId);
        expect(edge.node.episode).toEqual({ id: firstEpisodeId, personId: result.node.personId });
      }
    });

    it("loads a page of episodes' nested records in a fixed number of SQL statements, however many episodes", async () => {
      const query = `query Nested($first: Int) { episodes(first: $first) { edges { node { id contacts(first: 2) { totalCount edges { node { id } } } interventions { totalCount } } } } }`;
      const statements = async (first: number) => {
        const before = api.server.database.statementCount();
        data(await api.analyst.request(query, { first }));
        return api.server.database.statementCount() - before;
      };
      const small = await statements(2);
      const large = await statements(8);
      expect(large).toBe(small);
    });

    it("gives the same pseudonymous person ID on every request, unlike any stored identifier", async () => {
      const first = data(await api.analyst.request<EpisodePage>(EPISODES, { first: 100 })).episodes.edges.map((edge) => edge.node.personId);
      const again = data(await api.analyst.request<EpisodePage>(EPISODES, { first: 100 })).episodes.edges.map((edge) => edge.node.personId);
      expect(again).toEqual(first);
      expect(new Set(first).size).toBe(LIVE_PEOPLE.length);
      for (const person of planted.people) expect(first).not.toContain(person.serviceUserId);
      const keys = await api.server.database.read.select().from(api.server.database.tables.pseudonymisationKeys);
      expect(keys).toHaveLength(1);
    });
  });

  describe("aggregates (K-*, DOMAIN §7 suppression)", () => {
    const AGGREGATE = `query Aggregate($filter: PseudonymisedEpisodeFilter, $groupBy: [PseudonymisedEpisodeGroupField!]) {
      episodes(filter: $filter, first: 1) { totalCount aggregate(groupBy: $groupBy) { groups {
        key { sex status cohort ageBandAtReferral team { id name } }
        count countShown suppressed
        sum { waitingDays } avg { waitingDays } min { waitingDays } max { waitingDays }
      } } }
    }`;
    const groupsOf = async (variables: Record<string, unknown>) =>
      data(await api.analyst.request<{ episodes: { aggregate: { groups: GroupShape[] } } }>(AGGREGATE, variables)).episodes.aggregate.groups;

    it("without groupBy, gives one group of everything with count, sum, avg, min and max from SQL", async () => {
      const [everything, ...more] = await groupsOf({});
      expect(more).toEqual([]);
      expect(everything).toMatchObject({ count: 8, countShown: "8", suppressed: false, sum: { waitingDays: 98 }, min: { waitingDays: 14 }, max: { waitingDays: 28 } });
      expect(everything?.avg?.waitingDays).toBeCloseTo(98 / 6, 5);
    });

    it("suppresses a group under 5 when grouped by a demographic: count null, countShown <5, no statistics", async () => {
      const groups = await groupsOf({ groupBy: ["SEX"] });
      expect(groups.map((group) => [group.key.sex, group.count, group.countShown, group.suppressed])).toEqual([
        ["FEMALE", 6, "6", false],
        ["MALE", null, "<5", true],
      ]);
      expect(groups[1]).toMatchObject({ sum: null, avg: null, min: null, max: null });
    });

    it("suppresses small groups in any grouping that includes a demographic field, even with others", async () => {
      const groups = await groupsOf({ groupBy: ["STATUS", "AGE_BAND_AT_REFERRAL"] });
      expect(groups.every((group) => group.suppressed && group.countShown === "<5" && group.count === null)).toBe(true);
    });

    it("shows small counts when grouped only by non-disclosive fields (status, cohort, team)", async () => {
      const byStatus = await groupsOf({ groupBy: ["STATUS"] });
      expect(byStatus.map((group) => [group.key.status, group.count])).toEqual([
        ["CLOSED", 1],
        ["COMPLETED", 1],
        ["IN_TREATMENT", 4],
        ["REFERRED", 1],
        ["TRIAGED", 1],
      ]);
      const byTeam = await groupsOf({ groupBy: ["TEAM"] });
      // Groups come in the order of the team's ID, which says nothing; compare them as a set.
      expect(byTeam.map((group) => [group.key.team, group.count]).sort((a, b) => Number(b[1]) - Number(a[1]))).toEqual([
        [{ id: toGlobalId("Team", api.organisation.adultTeamId), name: "Adult community team" }, 7],
        [{ id: toGlobalId("Team", api.organisation.youngPeopleTeamId), name: "Young people's team" }, 1],
      ]);
    });

    it("aggregates over the connection's filter, not only its page", async () => {
      const groups = await groupsOf({ filter: { sex: { eq: "FEMALE" } }, groupBy: ["COHORT"] });
      expect(groups.map((group) => [group.key.cohort, group.count])).toEqual([
        ["ALCOHOL_ONLY", 1],
        ["NON_OPIATE_ONLY", 1],
        ["OPIATE", 4],
      ]);
    });

    it("aggregates TOP scores by stage on outcomes, and refuses a repeated group field naming it", async () => {
      const result = data(
        await api.analyst.request<{ outcomes: { aggregate: { groups: GroupShape[] } } }>(
          `{ outcomes { aggregate(groupBy: [STAGE]) { groups { key { stage } count sum { opiatesDays } avg { psychologicalHealth } } } } }`,
        ),
      );
      expect(result.outcomes.aggregate.groups).toEqual([
        { key: { stage: "REVIEW" }, count: 1, sum: { opiatesDays: 5 }, avg: { psychologicalHealth: 14 } },
        { key: { stage: "START" }, count: 2, sum: { opiatesDays: 48 }, avg: { psychologicalHealth: 7 } },
      ]);
      const repeated = await api.analyst.request(`{ contacts { aggregate(groupBy: [KIND, KIND]) { groups { count } } } }`);
      expect(repeated.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "groupBy.1" });
      const tooMany = await api.analyst.request(`{ contacts { aggregate { groups(first: 1001) { count } } } }`);
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    });

    it("aggregates an episode's own records through its nested connection", async () => {
      const result = data(
        await api.analyst.request<{ node: { contacts: { aggregate: { groups: GroupShape[] } } } }>(
          `query One($id: ID!) { node(id: $id) { ... on PseudonymisedEpisode { contacts { aggregate(groupBy: [OUTCOME]) { groups { key { outcome } count } } } } } }`,
          { id: toGlobalId("PseudonymisedEpisode", planted.people[0]!.episodeId) },
        ),
      );
      expect(result.node.contacts.aggregate.groups).toEqual([
        { key: { outcome: "ATTENDED" }, count: 2 },
        { key: { outcome: "DID_NOT_ATTEND" }, count: 1 },
      ]);
    });
  });

  describe("who may query them", () => {
    it("refuses practitioners, team leads and admins with FORBIDDEN, and the signed-out with UNAUTHENTICATED", async () => {
      for (const field of ["episodes", "interventions", "reviews", "outcomes", "contacts"]) {
        for (const client of [api.keyworker, api.lead, api.admin]) {
          const result = await client.request(`{ ${field} { totalCount } }`);
          expect(result.errors?.[0]?.extensions?.code, `${field}`).toBe("FORBIDDEN");
          expect(result.data).toBeNull();
        }
        const signedOut = await api.server.client().request(`{ ${field} { totalCount } }`);
        expect(signedOut.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      }
    });

    it("answers node with a pseudonymised ID for an analyst only", async () => {
      const id = toGlobalId("PseudonymisedReview", planted.reviewId);
      const query = `query One($id: ID!) { node(id: $id) { id ... on PseudonymisedReview { daysLate onTime } } }`;
      expect(data(await api.analyst.request(query, { id }))).toEqual({ node: { id, daysLate: -2, onTime: true } });
      expect(data(await api.keyworker.request(query, { id }))).toEqual({ node: null });
      expect(data(await api.lead.request(query, { id }))).toEqual({ node: null });
    });
  });

  describe("query cost", () => {
    it("multiplies a connection by its first, nested connections by theirs, and adds a fixed scan to each aggregate", async () => {
      const page = await api.analyst.request(`query Page($first: Int) { episodes(first: $first) { totalCount edges { node { id contacts(first: 5) { edges { node { id } } } } } } }`, { first: 10 });
      // episodes: 1 + 10 × (totalCount 1 + edges (1 + node (1 + id 1 + contacts (1 + 5 × (edges 1 + node (1 + id 1))))))
      expect(page.extensions?.cost).toMatchObject({ requested: 1 + 10 * (1 + 1 + 1 + 1 + (1 + 5 * 3)) });
      const aggregate = await api.analyst.request(`{ episodes(first: 1) { aggregate(groupBy: [SEX]) { groups(first: 10) { countShown } } } }`);
      // episodes: 1 + 1 × aggregate (1 + 100 for the scan + groups (1 + 10 × countShown 1))
      expect(aggregate.extensions?.cost).toMatchObject({ requested: 1 + (1 + 100 + (1 + 10)) });
    });
  });
});
