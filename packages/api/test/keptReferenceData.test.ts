import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { useSignedInServer } from "./signedInServer.js";

const NODE = `query ($id: ID!) { node(id: $id) { ... on Team { name } ... on CatalogueItem { label } } }`;
const CATALOGUE = `query { interventionCatalogue(first: 1) { edges { node { id label } } } }`;

describeEachDialect("teams and the catalogue, kept between requests until they change", (dialect) => {
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
});
