import { DEFAULT_CATALOGUE } from "@waymark/core";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { buildEpisode } from "./episodeBuilder.js";
import { PASSWORD } from "./fixtures.js";
import { auditEventsFor, codesOf, errorCodeOf, recordIntervention, rowCount, type UserErrorShape } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

const ITEM_FIELDS = "id code label definition modality phase subTypes { code label needDomain } needsConcurrentModality needsSubType needsAssessedNeed needsInterest sustainedOnly needsContactSchedule opioidSubstitution retired inUse version";

interface ItemShape {
  readonly id: string;
  readonly code: string;
  readonly label: string;
  readonly subTypes: { code: string; label: string; needDomain: string | null }[];
  readonly needsConcurrentModality: boolean;
  readonly retired: boolean;
  readonly inUse: boolean;
  readonly version: number;
}

interface Payload {
  readonly catalogueItem: ItemShape | null;
  readonly userErrors: UserErrorShape[];
}

const CATALOGUE = `query Catalogue($includeRetired: Boolean, $first: Int, $after: String) {
  interventionCatalogue(includeRetired: $includeRetired, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${ITEM_FIELDS} } }
  }
}`;
const CREATE = `mutation Create($input: CreateCatalogueItemInput!) { createCatalogueItem(input: $input) { catalogueItem { ${ITEM_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation Update($input: UpdateCatalogueItemInput!) { updateCatalogueItem(input: $input) { catalogueItem { ${ITEM_FIELDS} } userErrors { code field message } } }`;
const RETIRE = `mutation Retire($input: RetireCatalogueItemInput!) { retireCatalogueItem(input: $input) { catalogueItem { ${ITEM_FIELDS} } userErrors { code field message } } }`;
const DELETE = `mutation Delete($input: DeleteCatalogueItemInput!) { deleteCatalogueItem(input: $input) { deletedCatalogueItemId userErrors { code field message } } }`;

interface CatalogueResult {
  interventionCatalogue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ItemShape }[] };
}

const itemId = (code: string) => toGlobalId("CatalogueItem", code);

describeEachDialect("the intervention catalogue", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["admin", "keyworker"] });

  async function create(input: Record<string, unknown>): Promise<Payload> {
    const result = await api.admin.request<{ createCatalogueItem: Payload }>(CREATE, {
      input: { label: "An item", definition: "What it is.", modality: "PSYCHOSOCIAL", phase: "IN_TREATMENT", ...input },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.createCatalogueItem;
  }

  async function update(input: Record<string, unknown>): Promise<Payload> {
    const result = await api.admin.request<{ updateCatalogueItem: Payload }>(UPDATE, { input });
    expect(result.errors).toBeUndefined();
    return result.data!.updateCatalogueItem;
  }

  /** Puts the item in use: one intervention of it on an episode in treatment. */
  async function putInUse(code: string): Promise<void> {
    await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT", interventions: [{ code, startDate: "2025-02-03" }] });
  }

  it("R-CAT-1: the default catalogue is seeded and any signed-in user can read it, in pages", async () => {
    for (const member of [api.organisation.staff.keyworker, api.organisation.staff.analyst, api.organisation.staff.admin]) {
      const client = await api.server.client().login(member.email, PASSWORD);
      const result = await client.request<CatalogueResult>(CATALOGUE, { first: 100 });
      expect(result.errors).toBeUndefined();
      expect(result.data?.interventionCatalogue.totalCount).toBeGreaterThanOrEqual(DEFAULT_CATALOGUE.length);
    }
    const firstPage = await api.keyworker.request<CatalogueResult>(CATALOGUE, { first: 5 });
    const page = firstPage.data!.interventionCatalogue;
    expect(page.edges.map((edge) => edge.node.code)).toEqual(DEFAULT_CATALOGUE.slice(0, 5).map((item) => item.code));
    expect(page.pageInfo.hasNextPage).toBe(true);
    const secondPage = await api.keyworker.request<CatalogueResult>(CATALOGUE, { first: 5, after: page.pageInfo.endCursor });
    expect(secondPage.data!.interventionCatalogue.edges.map((edge) => edge.node.code)).toEqual(DEFAULT_CATALOGUE.slice(5, 10).map((item) => item.code));
    const everything = await api.keyworker.request<CatalogueResult>(CATALOGUE, { first: 100 });
    const peer = everything.data!.interventionCatalogue.edges.find((edge) => edge.node.code === "ROSC_PEER_SUPPORT")?.node;
    expect(peer).toMatchObject({ needsConcurrentModality: true, retired: false });
  });

  it("reading the catalogue needs a signed-in user", async () => {
    expect(errorCodeOf(await api.server.client().request(CATALOGUE, {}))).toBe("UNAUTHENTICATED");
  });

  it("R-CAT-1: only an admin can add, change, retire or delete items (FORBIDDEN for a team lead)", async () => {
    const lead = await api.signIn("lead");
    const input = { code: "LEAD_ITEM", label: "x", definition: "y", modality: "PSYCHOSOCIAL", phase: "IN_TREATMENT" };
    expect(errorCodeOf(await lead.request(CREATE, { input }))).toBe("FORBIDDEN");
    expect(errorCodeOf(await lead.request(UPDATE, { input: { id: itemId("COUNSELLING"), label: "Talking" } }))).toBe("FORBIDDEN");
    expect(errorCodeOf(await lead.request(RETIRE, { input: { id: itemId("COUNSELLING") } }))).toBe("FORBIDDEN");
    expect(errorCodeOf(await lead.request(DELETE, { input: { id: itemId("COUNSELLING") } }))).toBe("FORBIDDEN");
  });

  it("R-CAT-1: an admin adds an item with sub-types and switches, audited", async () => {
    const payload = await create({
      code: "EMPLOYMENT_COACHING",
      label: "Employment coaching",
      definition: "One-to-one coaching towards work, alongside treatment.",
      modality: "RECOVERY_SUPPORT",
      subTypes: [{ code: "CV_WRITING", label: "CV writing", needDomain: "EMPLOYMENT_EDUCATION" }],
      needsConcurrentModality: true,
      needsSubType: true,
      needsAssessedNeed: true,
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.catalogueItem).toMatchObject({ code: "EMPLOYMENT_COACHING", needsConcurrentModality: true, retired: false, inUse: false, version: 1 });
    expect(payload.catalogueItem?.subTypes).toEqual([{ code: "CV_WRITING", label: "CV writing", needDomain: "EMPLOYMENT_EDUCATION" }]);
    expect((await auditEventsFor(api.server, "EMPLOYMENT_COACHING")).map((event) => [event.action, event.actorId])).toEqual([["CREATE", api.organisation.staff.admin.id]]);
  });

  it("R-CAT-1: switches that do not fit together are refused, naming the switch's input field, and nothing is written", async () => {
    const before = await rowCount(api.server, (t) => t.catalogueItems);
    const payload = await create({ code: "NO_SUBTYPES", needsSubType: true });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "needsSubType" })]);
    expect(await rowCount(api.server, (t) => t.catalogueItems)).toBe(before);
  });

  it("R-CAT-1: a code is never reused, not even a retired item's; codes are capitals and underscores", async () => {
    expect((await create({ code: "COUNSELLING" })).userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "code" })]);
    expect((await create({ code: "not a code" })).userErrors).toEqual([expect.objectContaining({ code: "INVALID_VALUE", field: "code" })]);
    expect((await create({ code: "LONG", label: "x".repeat(121) })).userErrors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "label" })]);
  });

  it("R-CAT-1: an item not in use can be re-coded and changed", async () => {
    await create({ code: "TYPO_ITEM", subTypes: [{ code: "ONE", label: "One" }] });
    const payload = await update({ id: itemId("TYPO_ITEM"), code: "FIXED_ITEM", label: "Fixed", subTypes: [], version: 1 });
    expect(payload.userErrors).toEqual([]);
    expect(payload.catalogueItem).toMatchObject({ id: itemId("FIXED_ITEM"), code: "FIXED_ITEM", label: "Fixed", subTypes: [], version: 2 });
  });

  it("R-CAT-1: an item in use cannot be re-coded (CATALOGUE_ITEM_IN_USE) and nothing changes", async () => {
    await putInUse("STRUCTURED_DAY_PROGRAMME");
    const payload = await update({ id: itemId("STRUCTURED_DAY_PROGRAMME"), code: "DAY_PROGRAMME", label: "Day programme" });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "CATALOGUE_ITEM_IN_USE", field: "code" })]);
    const t = api.server.database.tables;
    const [row] = await api.server.database.read.select().from(t.catalogueItems).where(eq(t.catalogueItems.code, "STRUCTURED_DAY_PROGRAMME"));
    expect(row).toMatchObject({ label: DEFAULT_CATALOGUE.find((item) => item.code === "STRUCTURED_DAY_PROGRAMME")!.label, version: 1 });
  });

  it("R-CAT-1: an item in use cannot lose a sub-type, but may relabel one and gain one", async () => {
    await putInUse("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT");
    const item = DEFAULT_CATALOGUE.find((candidate) => candidate.code === "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT")!;
    const kept = item.subTypes.map((subType) => ({ code: subType.code, label: subType.label, needDomain: subType.needDomain }));
    const removed = await update({ id: itemId(item.code), subTypes: kept.slice(1) });
    expect(removed.userErrors).toEqual([expect.objectContaining({ code: "CATALOGUE_ITEM_IN_USE", field: "subTypes" })]);
    const relabelled = await update({
      id: itemId(item.code),
      subTypes: [{ ...kept[0]!, label: "Family and carers support" }, ...kept.slice(1), { code: "DIGITAL_INCLUSION", label: "Getting online", needDomain: "EMPLOYMENT_EDUCATION" }],
    });
    expect(relabelled.userErrors).toEqual([]);
    expect(relabelled.catalogueItem?.subTypes[0]?.label).toBe("Family and carers support");
    expect(relabelled.catalogueItem?.inUse).toBe(true);
  });

  it("R-CAT-1: an item in use cannot change modality; its label and switches may change", async () => {
    await putInUse("CONTINGENCY_MANAGEMENT");
    const modality = await update({ id: itemId("CONTINGENCY_MANAGEMENT"), modality: "RECOVERY_SUPPORT" });
    expect(codesOf(modality.userErrors)).toEqual(["CATALOGUE_ITEM_IN_USE"]);
    const label = await update({ id: itemId("CONTINGENCY_MANAGEMENT"), label: "Contingency management (vouchers)" });
    expect(label.userErrors).toEqual([]);
  });

  it("a stale version is refused with STALE_VERSION", async () => {
    const payload = await update({ id: itemId("COUNSELLING"), label: "Counselling sessions", version: 99 });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "STALE_VERSION", field: "version" })]);
  });

  it("an unknown item is not found", async () => {
    expect(errorCodeOf(await api.admin.request(UPDATE, { input: { id: itemId("NOT_THERE"), label: "x" } }))).toBe("NOT_FOUND");
  });

  it("R-CAT-1: retiring keeps an item in use for old records, hides it from the default list, and refuses it for new ones (R-INT-1)", async () => {
    await putInUse("OTHER_PRESCRIBING");
    const retired = await api.admin.request<{ retireCatalogueItem: Payload }>(RETIRE, { input: { id: itemId("OTHER_PRESCRIBING") } });
    expect(retired.data?.retireCatalogueItem.catalogueItem).toMatchObject({ retired: true, inUse: true });
    const current = await api.keyworker.request<CatalogueResult>(CATALOGUE, { first: 100 });
    expect(current.data!.interventionCatalogue.edges.map((edge) => edge.node.code)).not.toContain("OTHER_PRESCRIBING");
    const all = await api.keyworker.request<CatalogueResult>(CATALOGUE, { first: 100, includeRetired: true });
    expect(all.data!.interventionCatalogue.edges.map((edge) => edge.node.code)).toContain("OTHER_PRESCRIBING");
    const built = await buildEpisode(api.server, api.organisation, { status: "IN_TREATMENT" });
    const refused = await recordIntervention(api.keyworker, { episodeId: built.episodeGlobalId, catalogueItemCode: "OTHER_PRESCRIBING", startDate: "2025-03-03" });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: "INTERVENTION_NOT_ALLOWED", field: "catalogueItemCode" })]);
  });

  it("R-CAT-1: an item in use is never deleted (CATALOGUE_ITEM_IN_USE); one never used can be", async () => {
    await putInUse("ALCOHOL_WITHDRAWAL");
    const refused = await api.admin.request<{ deleteCatalogueItem: { deletedCatalogueItemId: string | null; userErrors: UserErrorShape[] } }>(DELETE, { input: { id: itemId("ALCOHOL_WITHDRAWAL") } });
    expect(refused.data?.deleteCatalogueItem).toEqual({ deletedCatalogueItemId: null, userErrors: [expect.objectContaining({ code: "CATALOGUE_ITEM_IN_USE" })] });
    const t = api.server.database.tables;
    expect(await api.server.database.read.select().from(t.catalogueItems).where(eq(t.catalogueItems.code, "ALCOHOL_WITHDRAWAL"))).toHaveLength(1);

    await create({ code: "MISTAKE" });
    const deleted = await api.admin.request<{ deleteCatalogueItem: { deletedCatalogueItemId: string | null } }>(DELETE, { input: { id: itemId("MISTAKE") } });
    expect(deleted.data?.deleteCatalogueItem.deletedCatalogueItemId).toBe(itemId("MISTAKE"));
    expect(await api.server.database.read.select().from(t.catalogueItems).where(eq(t.catalogueItems.code, "MISTAKE"))).toHaveLength(0);
    expect((await auditEventsFor(api.server, "MISTAKE")).map((event) => event.action)).toEqual(["CREATE", "DELETE"]);
  });

  it("node(id:) fetches a catalogue item for any signed-in user", async () => {
    const analyst = await api.signIn("analyst");
    const result = await analyst.request<{ node: { code: string } | null }>(`query Node($id: ID!) { node(id: $id) { ... on CatalogueItem { code label } } }`, { id: itemId("COUNSELLING") });
    expect(result.data?.node?.code).toBe("COUNSELLING");
  });
});
