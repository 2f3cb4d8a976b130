import { expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import { buildEpisode } from "./episodeBuilder.js";
import { MARK_ENTERED_IN_ERROR, recordContact } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";
import { toGlobalId } from "../src/graphql/globalId.js";

interface ContactsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { node: { id: string; date: string; time: string | null } }[];
}

const CONTACTS = `contacts(first: $first, after: $after, includeEnteredInError: $include) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id date time } } }`;
/** One episode's contacts: read a page at a time in SQL. */
const ONE_EPISODE = `query One($id: ID!, $first: Int, $after: String, $include: Boolean) { episode(id: $id) { ${CONTACTS} } }`;
/** Two episodes' contacts in one request: read together and paged in memory. */
const TWO_EPISODES = `query Two($id: ID!, $other: ID!, $first: Int, $after: String, $include: Boolean) {
  episode(id: $id) { ${CONTACTS} } other: episode(id: $other) { ${CONTACTS} } }`;

/**
 * An episode's contacts, newest first, whichever way they are read: one episode's a page at a time in SQL, or
 * many episodes' at once and paged in memory. Both must give the same order, counts and cursors.
 */
describeEachDialect("an episode's contacts in pages", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  async function anEpisodeWithContacts() {
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const record = async (date: string, time: string | null) => (await recordContact(api.keyworker, { episodeId: built.episodeGlobalId, date, ...(time ? { time } : {}) })).contact!.id;
    // Recorded out of order, with a day holding contacts with and without a time, and two at the same time.
    await record("2025-05-01", "09:00");
    await record("2025-04-30", "16:00");
    await record("2025-05-01", null);
    await record("2025-05-01", "14:30");
    await record("2025-05-02", null);
    await record("2025-05-01", "14:30");
    const wrong = await record("2025-05-03", "10:00");
    const marked = await api.keyworker.request(MARK_ENTERED_IN_ERROR, { input: { id: wrong, reason: "Recorded on the wrong person" } });
    expect(marked.errors).toBeUndefined();
    return { built, wrong };
  }

  async function pageThrough(query: string, variables: Record<string, unknown>, first: number, include = false) {
    const pages: ContactsPage[] = [];
    let after: string | null = null;
    do {
      const answer: { data?: { episode: { contacts: ContactsPage } } | null; errors?: unknown } = await api.keyworker.request<{ episode: { contacts: ContactsPage } }>(query, { ...variables, first, after, include });
      expect(answer.errors).toBeUndefined();
      const page: ContactsPage = answer.data!.episode.contacts;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 20);
    return pages;
  }

  const whenOf = (pages: ContactsPage[]) => pages.flatMap((page) => page.edges.map((edge) => `${edge.node.date} ${edge.node.time ?? "-"}`));
  const idsOf = (pages: ContactsPage[]) => pages.flatMap((page) => page.edges.map((edge) => edge.node.id));

  it("lists them newest first, a contact without a time last on its day, in pages that join up", async () => {
    const { built } = await anEpisodeWithContacts();
    const id = toGlobalId("Episode", built.episodeId);
    const whole = await pageThrough(ONE_EPISODE, { id }, 100);
    expect(whenOf(whole)).toEqual(["2025-05-02 -", "2025-05-01 14:30", "2025-05-01 14:30", "2025-05-01 09:00", "2025-05-01 -", "2025-04-30 16:00"]);
    expect(whole[0]!.totalCount).toBe(6);

    for (const first of [1, 2, 4]) {
      const pages = await pageThrough(ONE_EPISODE, { id }, first);
      expect(idsOf(pages)).toEqual(idsOf(whole));
      expect(pages).toHaveLength(Math.ceil(6 / first));
      expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual(pages.map((_, index) => index > 0));
      expect(pages.every((page) => page.totalCount === 6)).toBe(true);
    }
  });

  it("counts a list that fits on its first page from the page itself, and a longer one with a count statement", async () => {
    const { built } = await anEpisodeWithContacts();
    const id = toGlobalId("Episode", built.episodeId);
    const countStatementsOf = async (first: number, after: string | null = null) => {
      const counts: string[] = [];
      const stop = api.server.database.observeStatements((statement) => void (/count\(\*\)/i.test(statement) && /"contacts"/.test(statement) && counts.push(statement)));
      try {
        const answer = await api.keyworker.request<{ episode: { contacts: ContactsPage } }>(ONE_EPISODE, { id, first, after, include: false });
        expect(answer.errors).toBeUndefined();
        return { page: answer.data!.episode.contacts, counts: counts.length };
      } finally {
        stop();
      }
    };
    for (const first of [6, 100]) {
      const whole = await countStatementsOf(first);
      expect(whole.page.totalCount).toBe(6);
      expect(whole.page.edges).toHaveLength(6);
      expect(whole.counts).toBe(0);
    }
    const firstOfTwo = await countStatementsOf(5);
    expect(firstOfTwo.page.totalCount).toBe(6);
    expect(firstOfTwo.counts).toBe(1);
    // A later page, even the last and short one, is counted in SQL: its rows are not the whole list.
    const last = await countStatementsOf(5, firstOfTwo.page.pageInfo.endCursor);
    expect(last.page.edges).toHaveLength(1);
    expect(last.page.totalCount).toBe(6);
    expect(last.counts).toBe(1);
  });

  it("reads many episodes' contacts in the same order, counts and cursors as one episode's", async () => {
    const { built } = await anEpisodeWithContacts();
    const other = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    await recordContact(api.keyworker, { episodeId: other.episodeGlobalId, date: "2025-05-01" });
    const id = toGlobalId("Episode", built.episodeId);
    const two = { id, other: toGlobalId("Episode", other.episodeId) };

    for (const include of [false, true]) {
      const alone = await pageThrough(ONE_EPISODE, { id }, 2, include);
      const together = await pageThrough(TWO_EPISODES, two, 2, include);
      expect(together).toEqual(alone);
      expect(alone[0]!.totalCount).toBe(include ? 7 : 6);
    }
    // A cursor from either way of reading continues the list in the other.
    const alone = await pageThrough(ONE_EPISODE, { id }, 3);
    const cursor = alone[0]!.pageInfo.endCursor;
    const continued = await api.keyworker.request<{ episode: { contacts: ContactsPage } }>(TWO_EPISODES, { ...two, first: 3, after: cursor, include: false });
    expect(continued.data!.episode.contacts.edges).toEqual(alone[1]!.edges);
  });

  it("shows a contact entered in error only when asked, first as the newest", async () => {
    const { built, wrong } = await anEpisodeWithContacts();
    const id = toGlobalId("Episode", built.episodeId);
    const listed = await pageThrough(ONE_EPISODE, { id }, 100);
    expect(idsOf(listed)).not.toContain(wrong);
    const all = await pageThrough(ONE_EPISODE, { id }, 100, true);
    expect(idsOf(all)[0]).toBe(wrong);
    expect(idsOf(all).slice(1)).toEqual(idsOf(listed));
  });

  it("refuses a cursor that is not from a contacts list, naming the field", async () => {
    const { built } = await anEpisodeWithContacts();
    const notOurs = Buffer.from(JSON.stringify([1, 2, 3]), "utf8").toString("base64url");
    const answer = await api.keyworker.request(ONE_EPISODE, { id: toGlobalId("Episode", built.episodeId), first: 2, after: notOurs, include: false });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
