import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_SWITCHES, catalogueOf, type CatalogueItem, type CatalogueRuleSwitches } from "../catalogue/catalogueItem.js";
import { checkNewCatalogueItem } from "../catalogue/catalogueRules.js";
import { DEFAULT_CATALOGUE } from "../catalogue/defaultCatalogue.js";
import { addDays } from "../dates/isoDate.js";
import { violationsOf } from "../rules/violation.js";
import { checkNewIntervention } from "./newIntervention.js";
import { DISCHARGE_DATE, catalogue, codesOf, completed, draft, fieldsOf, inTreatment, methadone, newIntervention, recorded } from "./testing/scenario.js";

/** An item an admin adds through the catalogue screen: nothing in the code knows its code. */
const recoveryCafe: CatalogueItem = {
  code: "ROSC_RECOVERY_CAFE",
  label: "Recovery café",
  definition: "A weekly drop-in run by people in recovery, where the person can meet others and hear about local support.",
  modality: "RECOVERY_SUPPORT",
  phase: "IN_TREATMENT",
  subTypes: [],
  switches: { ...NO_SWITCHES, needsConcurrentModality: true },
  retired: false,
};
const withCafe = catalogueOf([...DEFAULT_CATALOGUE, recoveryCafe]);

/** The default catalogue with one switch of one built-in item changed, as an admin would do on the catalogue screen. */
function withSwitch(code: string, name: keyof CatalogueRuleSwitches, value: boolean) {
  return catalogueOf(DEFAULT_CATALOGUE.map((item) => (item.code === code ? { ...item, switches: { ...item.switches, [name]: value } } : item)));
}

describe("checkNewIntervention", () => {
  it("R-INT-1: accepts a methadone prescription starting treatment for a triaged episode", () => {
    expect(checkNewIntervention(newIntervention(draft("OST_METHADONE"), { episode: inTreatment({ status: "TRIAGED" }), episodeInterventions: [] }))).toEqual({ ok: true });
  });

  it("R-ROSC-1, R-ROSC-2, R-ROSC-3, R-ROSC-6: accepts each in-treatment ROSC item recorded as its rules ask", () => {
    const complete = [
      draft("ROSC_PEER_SUPPORT"),
      draft("ROSC_FACILITATED_MUTUAL_AID", { interestExpressedDate: "2024-02-26", firstContactActions: ["ACCOMPANIED"] }),
      draft("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", { subTypes: ["FINANCIAL", "HOUSING"] }),
      draft("ROSC_DIVERSIONARY_ACTIVITIES", { plannedSessions: 8, plannedEndDate: "2024-05-01" }),
    ];
    for (const intervention of complete) expect(checkNewIntervention(newIntervention(intervention))).toEqual({ ok: true });
  });

  it("R-ROSC-4, R-ROSC-5: accepts aftercare and relapse-prevention support after a planned completion", () => {
    const context = { episode: completed(), episodeInterventions: [methadone({ endDate: "2024-05-01" })] };
    const aftercare = draft("ROSC_AFTERCARE", { startDate: "2024-06-03", contactSchedule: ["2024-06-28", "2024-07-26", "2024-08-23"] });
    expect(checkNewIntervention(newIntervention(aftercare, context))).toEqual({ ok: true });
    const relapsePrevention = draft("ROSC_RELAPSE_PREVENTION", { startDate: DISCHARGE_DATE, subTypes: ["SUBSTANCE_FOCUSED"] });
    expect(checkNewIntervention(newIntervention(relapsePrevention, context))).toEqual({ ok: true });
  });

  it("R-ROSC-1, R-ROSC-2, R-ROSC-3, R-ROSC-6, R-DATE-1: reports every problem of a new intervention at once", () => {
    const result = checkNewIntervention(
      newIntervention(draft("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", { subTypes: ["PARENTING"], startDate: "2024-07-02" }), { episodeInterventions: [] }),
    );
    expect(violationsOf(result).map((found) => [found.code, found.field])).toEqual([
      ["INVALID_DATE", "startDate"],
      ["ROSC_REQUIRES_CONCURRENT_MODALITY", "startDate"],
      ["ROSC_NEED_NOT_ASSESSED", "subTypes.0"],
    ]);
  });

  it("R-ROSC-4: refuses aftercare during treatment with one clear reason, not a second one from R-INT-1", () => {
    const result = checkNewIntervention(newIntervention(draft("ROSC_AFTERCARE", { contactSchedule: ["2024-03-20"] })));
    expect(codesOf(result)).toEqual(["ROSC_POST_TREATMENT_ONLY"]);
  });

  it("R-ROSC-3, R-ROSC-6: refuses facilitated access with no interest and a one-off diversionary activity, alongside treatment", () => {
    expect(codesOf(checkNewIntervention(newIntervention(draft("ROSC_FACILITATED_MUTUAL_AID"))))).toEqual([
      "ROSC_INTEREST_NOT_RECORDED",
      "ROSC_INTEREST_NOT_RECORDED",
    ]);
    expect(codesOf(checkNewIntervention(newIntervention(draft("ROSC_DIVERSIONARY_ACTIVITIES", { plannedSessions: 1 }))))).toEqual(["ROSC_NOT_SUSTAINED"]);
  });

  it("R-INT-1: refuses an unknown item without guessing at its rules, still checking its dates", () => {
    const result = checkNewIntervention(newIntervention(draft("ROSC_UNKNOWN", { startDate: "2024-01-01", plannedSessions: 0 })));
    expect(violationsOf(result).map((found) => [found.code, found.field])).toEqual([
      ["INTERVENTION_NOT_ALLOWED", "catalogueItemCode"],
      ["INVALID_DATE", "startDate"],
      ["INVALID_VALUE", "plannedSessions"],
    ]);
  });

  it("R-INT-1: refuses an in-treatment item for a completed episode", () => {
    const result = checkNewIntervention(newIntervention(draft("COUNSELLING", { startDate: "2024-06-10" }), { episode: completed() }));
    expect(codesOf(result)).toEqual(["INTERVENTION_NOT_ALLOWED"]);
  });
});

describe("items an admin creates, and switches an admin changes (R-CAT-1)", () => {
  it("R-CAT-1: the admin's new recovery café item is a valid catalogue item", () => {
    expect(checkNewCatalogueItem(recoveryCafe, catalogue)).toEqual({ ok: true });
  });

  it("R-ROSC-1: refuses the admin's recovery café with no overlapping treatment, and accepts it alongside methadone", () => {
    const alone = checkNewIntervention(newIntervention(draft("ROSC_RECOVERY_CAFE"), { catalogue: withCafe, episodeInterventions: [] }));
    expect(codesOf(alone)).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
    expect(checkNewIntervention(newIntervention(draft("ROSC_RECOVERY_CAFE"), { catalogue: withCafe }))).toEqual({ ok: true });
  });

  it("R-ROSC-1: the admin's item is refused and accepted exactly like built-in peer support, whatever the dates and treatment", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((offset) => addDays("2024-01-25", offset));
    const treatment = fc.record({ code: fc.constantFrom("OST_METHADONE", "COUNSELLING", "NEEDLE_SYRINGE_PROGRAMME", "ROSC_PEER_SUPPORT"), start: day, end: fc.option(day, { nil: null }) });
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), fc.array(treatment, { maxLength: 3 }), (startDate, endDate, recordedSoFar) => {
        const episodeInterventions = recordedSoFar.map((other) => recorded(other.code, { startDate: other.start, endDate: other.end }));
        const asAdminItem = checkNewIntervention(newIntervention(draft("ROSC_RECOVERY_CAFE", { startDate, endDate }), { catalogue: withCafe, episodeInterventions }));
        const asPeerSupport = checkNewIntervention(newIntervention(draft("ROSC_PEER_SUPPORT", { startDate, endDate }), { catalogue: withCafe, episodeInterventions }));
        expect(fieldsOf(asAdminItem)).toEqual(fieldsOf(asPeerSupport));
        expect(codesOf(asAdminItem)).toEqual(codesOf(asPeerSupport));
      }),
    );
  });

  it("R-ROSC-1: switching 'needs concurrent modality' off on built-in peer support lifts the rule", () => {
    const intervention = draft("ROSC_PEER_SUPPORT");
    expect(codesOf(checkNewIntervention(newIntervention(intervention, { episodeInterventions: [] })))).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
    const relaxed = withSwitch("ROSC_PEER_SUPPORT", "needsConcurrentModality", false);
    expect(checkNewIntervention(newIntervention(intervention, { episodeInterventions: [], catalogue: relaxed }))).toEqual({ ok: true });
  });

  it("R-ROSC-6: switching 'sustained only' off on diversionary activities lets a one-off session through", () => {
    const oneOff = draft("ROSC_DIVERSIONARY_ACTIVITIES", { plannedSessions: 1 });
    expect(checkNewIntervention(newIntervention(oneOff, { catalogue: withSwitch("ROSC_DIVERSIONARY_ACTIVITIES", "sustainedOnly", false) }))).toEqual({ ok: true });
  });

  it("R-ROSC-2: switching 'needs assessed need' off lets support through without an assessed need", () => {
    const family = draft("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", { subTypes: ["FAMILY"] });
    expect(codesOf(checkNewIntervention(newIntervention(family)))).toEqual(["ROSC_NEED_NOT_ASSESSED"]);
    const relaxed = withSwitch("ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT", "needsAssessedNeed", false);
    expect(checkNewIntervention(newIntervention(family, { catalogue: relaxed }))).toEqual({ ok: true });
  });

  it("R-ROSC-1: switching 'needs concurrent modality' on for a built-in item without it brings the rule in", () => {
    const naloxone = draft("NALOXONE_SUPPLY_TRAINING");
    expect(checkNewIntervention(newIntervention(naloxone, { episodeInterventions: [] })).ok).toBe(true);
    const stricter = withSwitch("NALOXONE_SUPPLY_TRAINING", "needsConcurrentModality", true);
    expect(codesOf(checkNewIntervention(newIntervention(naloxone, { episodeInterventions: [], catalogue: stricter })))).toEqual(["ROSC_REQUIRES_CONCURRENT_MODALITY"]);
  });
});
