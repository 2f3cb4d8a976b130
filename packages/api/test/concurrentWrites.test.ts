import { describe, expect, it } from "vitest";
import { describeEachDialect } from "./databases.js";
import type { GraphQLResult } from "./graphqlClient.js";
import { useSignedInServer } from "./signedInServer.js";

const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { team { id name } userErrors { code field message } } }`;
const TEAMS = `{ teams { name } }`;

interface CreateTeamData {
  createTeam: { team: { id: string; name: string } | null; userErrors: unknown[] };
}

describeEachDialect("concurrent writes", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin"] });

  describe("many writers at once", () => {
    it("accepts every one of 24 writes sent eight at a time, so racing transactions are retried rather than lost", async () => {
      const names = Array.from({ length: 24 }, (_, index) => `Concurrent Team ${index + 1}`);
      const results: GraphQLResult<CreateTeamData>[] = [];
      for (let start = 0; start < names.length; start += 8) {
        const batch = names.slice(start, start + 8).map((name) =>
          api.admin.request<CreateTeamData>(CREATE_TEAM, { input: { name, reviewIntervalWeeks: 12, waitingTimeTargetDays: 21 } }),
        );
        results.push(...(await Promise.all(batch)));
      }
      expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
      expect(results.map((result) => result.data?.createTeam.team?.name)).toEqual(names);
      const listed = (await api.admin.request<{ teams: { name: string }[] }>(TEAMS)).data?.teams.map((team) => team.name) ?? [];
      expect(listed.filter((name) => name.startsWith("Concurrent Team")).sort()).toEqual([...names].sort());
    });
  });
});
