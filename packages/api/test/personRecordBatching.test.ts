import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SYNTHETIC_ACCOUNTS } from "../bench/accounts.js";
import { PERSON_RECORD_DOCUMENT } from "../bench/workloads.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { seedSyntheticProvider } from "../src/seed/synthetic/syntheticProvider.js";
import { describeEachDialect } from "./databases.js";
import type { GraphQLClient } from "./graphqlClient.js";
import { startTestServer, type TestServer } from "./testServer.js";

const TODAY = "2026-06-01";

/**
 * A person's record asks for the shown episode's assessments and reviews (its lists and its suicide-risk flag)
 * and, a round of loading later, for those of every episode of the person (the person's flag, R-RISK-2). The
 * two loaders gather keys until the turn ends (graphql/loaders.ts), so on SQLite, whose reads settle within
 * the turn, the record reads each table once however many episodes the person has.
 */
describeEachDialect("a person's record reads assessments and reviews in one statement each", (dialect) => {
  let server: TestServer;
  let lead: GraphQLClient;
  let person: { id: string; episodeId: string; episodes: number };

  beforeAll(async () => {
    server = await startTestServer(dialect, TODAY);
    await seedSyntheticProvider(server.database, { people: 120, seed: 5, today: TODAY, progress: false });
    // A person of the lead's team with more than one episode there, each with an assessment and a review, shown at their latest.
    const rows = await server.database.readInBackground<{ id: string; episode_id: string; episodes: number }>(sql`
      select e.service_user_id as id, max(e.id) as episode_id, count(*) as episodes
      from episodes e
      where e.team_id in (select st.team_id from staff_teams st join staff s on s.id = st.staff_id where s.email = ${SYNTHETIC_ACCOUNTS.teamLeads[0]})
        and exists (select 1 from assessments a where a.episode_id = e.id)
        and exists (select 1 from reviews r where r.episode_id = e.id)
      group by e.service_user_id having count(*) > 1 order by e.service_user_id limit 1`);
    const [row] = rows;
    if (!row) throw new Error("The generated provider has no person with two assessed and reviewed episodes in its first team");
    person = { id: row.id, episodeId: row.episode_id, episodes: Number(row.episodes) };
    lead = await server.client().login(SYNTHETIC_ACCOUNTS.teamLeads[0] as string, SYNTHETIC_ACCOUNTS.password);
  }, 120_000);
  afterAll(async () => server?.close());

  it("loads every episode's assessments and reviews with the shown episode's", async () => {
    const statements: string[] = [];
    const stop = server.database.observeStatements((statement) => void statements.push(statement));
    let answer;
    try {
      answer = await lead.request<{ serviceUser: { episodes: unknown[]; flags: { suicideRisk: { flagged: boolean } } } }>(PERSON_RECORD_DOCUMENT, {
        id: toGlobalId("ServiceUser", person.id),
        episodeId: toGlobalId("Episode", person.episodeId),
      });
    } finally {
      stop();
    }
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data?.serviceUser.episodes.length).toBeGreaterThanOrEqual(person.episodes);
    expect(typeof answer.data?.serviceUser.flags.suicideRisk.flagged).toBe("boolean");
    const reading = (table: string) => statements.filter((statement) => new RegExp(`^select .* from "${table}" where`, "s").test(statement));
    // Postgres answers over a socket, after the turn has ended: there the second round may read again.
    const most = dialect === "sqlite" ? 1 : 2;
    expect(reading("assessments").length).toBeGreaterThanOrEqual(1);
    expect(reading("assessments").length).toBeLessThanOrEqual(most);
    expect(reading("reviews").length).toBeGreaterThanOrEqual(1);
    expect(reading("reviews").length).toBeLessThanOrEqual(most);
  });
});
