import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { useSignedInServer } from "./signedInServer.js";

const NODE = `query ($id: ID!) { node(id: $id) { ... on Team { name } ... on CatalogueItem { label } } }`;
const CATALOGUE = `query { interventionCatalogue(first: 1) { edges { node { id label } } } }`;

const TOKEN_OWNERS = `query { apiTokens { owner { name } } }`;
/** The staff loader's statement (graphql/loaders.ts), not the viewer's own account read at sign-in. */
const STAFF_BY_KEYS = / from "staff" where "staff"\."id" (in \(select value from json_each|= any)/;

describeEachDialect("teams, the catalogue and staff names, kept between requests until they change", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin", "keyworker"] });

  const nameShown = async (id: string) => (await api.keyworker.request<{ node: { name?: string; label?: string } | null }>(NODE, { id })).data?.node;

  it("shows a renamed team under its new name from the next request on", async () => {
    const teamId = toGlobalId("Team", api.organisation.adultTeamId);
    const before = (await nameShown(teamId))?.name;
    expect(before).toBeTruthy();
    expect(await nameShown(teamId)).toEqual({ name: before });
    const renamed = await api.admin.request<{ updateTeam: { userErrors: unknown[] } }>(`mutation ($input: UpdateTeamInput!) { updateTeam(input: $input) { userErrors { code field message } } }`, {
      input: { id: teamId, name: "Adult recovery team" },
    });
    expect(renamed.data?.updateTeam.userErrors).toEqual([]);
    expect(await nameShown(teamId)).toEqual({ name: "Adult recovery team" });
  });

  it("shows a relabelled catalogue item under its new label from the next request on", async () => {
    const item = (await api.keyworker.request<{ interventionCatalogue: { edges: { node: { id: string; label: string } }[] } }>(CATALOGUE)).data?.interventionCatalogue.edges[0]?.node;
    expect(item).toBeDefined();
    expect(await nameShown(item!.id)).toEqual({ label: item!.label });
    const relabelled = await api.admin.request<{ updateCatalogueItem: { userErrors: unknown[] } }>(
      `mutation ($input: UpdateCatalogueItemInput!) { updateCatalogueItem(input: $input) { userErrors { code field message } } }`,
      { input: { id: item!.id, label: `${item!.label} (relabelled)` } },
    );
    expect(relabelled.data?.updateCatalogueItem.userErrors).toEqual([]);
    expect(await nameShown(item!.id)).toEqual({ label: `${item!.label} (relabelled)` });
  });

  it("reads a staff member shown on a page once while nothing changes, and shows a new name from the next request on", async () => {
    const created = await api.keyworker.request<{ createApiToken: { userErrors: unknown[] } }>(`mutation { createApiToken(input: { name: "Kept names" }) { userErrors { code } } }`);
    expect(created.data?.createApiToken.userErrors).toEqual([]);
    const owners = async () => {
      const staffReads: string[] = [];
      const stop = api.server.database.observeStatements((statement) => void (STAFF_BY_KEYS.test(statement) && staffReads.push(statement)));
      try {
        const names = (await api.keyworker.request<{ apiTokens: { owner: { name: string } }[] }>(TOKEN_OWNERS)).data?.apiTokens.map((token) => token.owner.name);
        return { names, staffReads: staffReads.length };
      } finally {
        stop();
      }
    };
    // The token's creation was a commit: whatever was kept before is read afresh.
    const first = await owners();
    expect(first.names?.[0]).toMatch(/\w/);
    expect(first.names?.[0]).not.toBe("Kim Renamed");
    expect(first.staffReads).toBe(1);
    // SQLite keeps the row until a commit other than a read audit; Postgres keeps no mark, so it reads each time.
    expect((await owners()).staffReads).toBe(dialect === "sqlite" ? 0 : 1);
    const renamed = await api.admin.request<{ updateStaffMember: { userErrors: unknown[] } }>(`mutation ($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) { userErrors { code field message } } }`, {
      input: { id: toGlobalId("StaffMember", api.organisation.staff.keyworker.id), name: "Kim Renamed" },
    });
    expect(renamed.data?.updateStaffMember.userErrors).toEqual([]);
    expect(await owners()).toEqual({ names: ["Kim Renamed"], staffReads: 1 });
  });
});
