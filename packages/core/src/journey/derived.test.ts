import { describe, expect, it } from "vitest";
import { catalogueOf, NO_SWITCHES } from "../catalogue/catalogueItem.js";
import { anIntervention } from "../testing/builders.js";
import { cohortOf, firstInterventionDate, mainSubstance } from "./derived.js";

const substances = (...names: Parameters<typeof cohortOf>[0][number]["substance"][]) => names.map((substance) => ({ substance }));

describe("R-COH-1: cohort derived from the problem substances", () => {
  it("R-COH-1: any opiate puts the episode in the OPIATE cohort, whatever else is used", () => {
    expect(cohortOf(substances("ALCOHOL", "CRACK", "METHADONE_ILLICIT"))).toBe("OPIATE");
    expect(cohortOf(substances("OTHER_OPIATES"))).toBe("OPIATE");
  });

  it("R-COH-1: alcohol with another non-opiate drug is NON_OPIATE_AND_ALCOHOL", () => {
    expect(cohortOf(substances("ALCOHOL", "COCAINE_POWDER"))).toBe("NON_OPIATE_AND_ALCOHOL");
  });

  it("R-COH-1: non-opiate drugs without alcohol are NON_OPIATE_ONLY, alcohol alone is ALCOHOL_ONLY", () => {
    expect(cohortOf(substances("CANNABIS", "CRACK"))).toBe("NON_OPIATE_ONLY");
    expect(cohortOf(substances("ALCOHOL"))).toBe("ALCOHOL_ONLY");
  });

  it("R-COH-1: no cohort until a substance is recorded", () => {
    expect(cohortOf([])).toBeNull();
  });
});

describe("derived episode facts", () => {
  const catalogue = catalogueOf([
    { code: "METHADONE", label: "Methadone", definition: "", modality: "PHARMACOLOGICAL", phase: "IN_TREATMENT", subTypes: [], switches: NO_SWITCHES, retired: false },
    { code: "PEER", label: "Peer support", definition: "", modality: "RECOVERY_SUPPORT", phase: "IN_TREATMENT", subTypes: [], switches: NO_SWITCHES, retired: false },
  ]);

  it("the first-intervention date is the earliest structured intervention, ignoring recovery support and records entered in error", () => {
    const date = firstInterventionDate(
      [
        anIntervention({ catalogueItemCode: "PEER", startDate: "2024-01-02" }),
        anIntervention({ catalogueItemCode: "METHADONE", startDate: "2024-01-05", enteredInError: { reason: "wrong person", markedById: "s", markedOn: "2024-01-06" } }),
        anIntervention({ catalogueItemCode: "METHADONE", startDate: "2024-01-09" }),
      ],
      catalogue,
    );
    expect(date).toBe("2024-01-09");
  });

  it("the main substance is the one ranked first", () => {
    expect(
      mainSubstance({
        problemSubstances: [
          { rank: 2, substance: "CRACK", ageOfFirstUse: null, route: null },
          { rank: 1, substance: "ALCOHOL", ageOfFirstUse: null, route: null },
        ],
      }),
    ).toBe("ALCOHOL");
  });
});
