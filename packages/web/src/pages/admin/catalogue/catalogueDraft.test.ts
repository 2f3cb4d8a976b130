import { describe, expect, it } from "vitest";
import { catalogueFrom, createInputOf, draftErrors, EMPTY_DRAFT, updateInputOf, type CatalogueDraft } from "./catalogueDraft.js";
import type { CatalogueItemRecord } from "./catalogueQueries.js";

const SOCIAL_SUPPORT: CatalogueItemRecord = {
  id: "Q2F0YWxvZ3VlSXRlbTpTT0NJQUw",
  code: "SOCIAL_SUPPORT",
  label: "Social support",
  definition: "Help with housing, money or family.",
  modality: "RECOVERY_SUPPORT",
  phase: "IN_TREATMENT",
  position: 0,
  inUse: true,
  retired: false,
  version: 3,
  needsConcurrentModality: true,
  needsSubType: true,
  needsAssessedNeed: true,
  needsInterest: false,
  sustainedOnly: false,
  needsContactSchedule: false,
  opioidSubstitution: false,
  subTypes: [{ code: "HOUSING", label: "Housing support", needDomain: "HOUSING" }],
};

const catalogue = catalogueFrom([SOCIAL_SUPPORT]);

const peerCalls: CatalogueDraft = {
  ...EMPTY_DRAFT,
  code: "PEER_CALLS",
  label: "Peer calls",
  definition: "Phone calls from a peer volunteer.",
  modality: "RECOVERY_SUPPORT",
  phase: "IN_TREATMENT",
};

describe("the catalogue form's checks (R-CAT-1)", () => {
  it("R-CAT-1: names every missing answer of a new item, in the order the form asks them", () => {
    expect(Object.keys(draftErrors(EMPTY_DRAFT, catalogue))).toEqual(["label", "code", "definition", "modality", "phase"]);
  });

  it("R-CAT-1: reports a rule switch under its own field, as the API's input names it", () => {
    const errors = draftErrors({ ...peerCalls, switches: { ...peerCalls.switches, needsSubType: true } }, catalogue);
    expect(errors.needsSubType).toContain("Add at least one sub-type");
  });

  it("R-CAT-1: refuses a new item a code another item, retired or not, already has", () => {
    expect(draftErrors({ ...peerCalls, code: "SOCIAL_SUPPORT" }, catalogue).code).toContain("already used");
  });

  it("R-CAT-1: keeps the code, sub-type codes and modality of an item in use", () => {
    const before = SOCIAL_SUPPORT;
    const edited: CatalogueDraft = { ...peerCalls, code: "SOCIAL_HELP", modality: "PSYCHOSOCIAL", switches: { ...peerCalls.switches }, subTypes: [] };
    const errors = draftErrors(edited, catalogue, before);
    expect(errors.code).toContain("cannot change");
    expect(errors.modality).toContain("cannot change");
    expect(errors.subTypes).toContain("HOUSING");
  });

  it("accepts a valid new item and builds the create input with every switch", () => {
    expect(draftErrors(peerCalls, catalogue)).toEqual({});
    expect(createInputOf(peerCalls)).toMatchObject({ code: "PEER_CALLS", modality: "RECOVERY_SUPPORT", needsConcurrentModality: false, subTypes: [] });
  });

  it("sends the code and modality of an edit only when they change, with the version read", () => {
    const input = updateInputOf({ ...peerCalls, code: SOCIAL_SUPPORT.code, modality: SOCIAL_SUPPORT.modality, label: "Social help" }, SOCIAL_SUPPORT);
    expect(input).toMatchObject({ id: SOCIAL_SUPPORT.id, version: 3, label: "Social help" });
    expect(input).not.toHaveProperty("code");
    expect(input).not.toHaveProperty("modality");
  });
});
