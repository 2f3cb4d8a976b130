import { describe, expect, it } from "vitest";
import { numbersInTreatmentKpi } from "./k01NumbersInTreatment.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

describe("K-1 numbers in treatment", () => {
  it("K-1: counts an episode discharged on the first day of the period but not one discharged the day before", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-01-02", start: "2025-01-10", discharged: { date: "2025-04-01", reason: "DROPPED_OUT" } });
    b.treated(b.person(), { referred: "2025-01-02", start: "2025-01-10", discharged: { date: "2025-03-31", reason: "DROPPED_OUT" } });
    expect(numbersInTreatmentKpi(b.build(), Q1).count).toBe(1);
  });

  it("K-1: counts an episode whose treatment began on the last day of the period but not the day after", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-06-01", start: "2025-06-30" });
    b.treated(b.person(), { referred: "2025-06-01", start: "2025-07-01" });
    expect(numbersInTreatmentKpi(b.build(), Q1).count).toBe(1);
  });

  it("K-1: does not count an episode that has not started structured treatment, however long it has been open", () => {
    const b = new ProviderDataBuilder();
    const waiting = b.episode(b.person(), { referred: "2025-02-01" });
    b.intervention(waiting, { code: "PEER_SUPPORT", start: "2025-04-10" });
    b.intervention(waiting, { code: "NEEDLE_EXCHANGE", start: "2025-04-10" });
    expect(numbersInTreatmentKpi(b.build(), Q1).count).toBe(0);
  });

  it("K-1: leaves out episodes, people and interventions entered in error", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-02", enteredInError: true });
    b.treated(b.person({ enteredInError: true }), { referred: "2025-04-01", start: "2025-04-02" });
    const onlyErroneousStart = b.episode(b.person(), { referred: "2025-04-01" });
    b.intervention(onlyErroneousStart, { code: "OST_METHADONE", start: "2025-04-03", enteredInError: true });
    b.treated(b.person(), { referred: "2025-04-01", start: "2025-04-02" });
    expect(numbersInTreatmentKpi(b.build(), Q1).count).toBe(1);
  });

  it("K-1: counts a person with two episodes in the period twice as episodes and once as a person", () => {
    const b = new ProviderDataBuilder();
    const person = b.person();
    b.treated(person, { referred: "2025-01-01", start: "2025-01-05", discharged: { date: "2025-04-20", reason: "COMPLETED_DRUG_FREE" } });
    b.treated(person, { referred: "2025-05-01", start: "2025-05-03" });
    const result = numbersInTreatmentKpi(b.build(), Q1);
    expect(result.count).toBe(2);
    expect(result.people).toBe(1);
  });

  it("K-1: splits by cohort (R-COH-1), age band at the period start, sex and ethnicity", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person({ dateOfBirth: "2000-04-02", sex: "FEMALE" }), { referred: "2025-03-01", start: "2025-03-02", substances: ["ALCOHOL"] });
    b.treated(b.person({ dateOfBirth: "2000-04-01", sex: "MALE", ethnicity: "ASIAN_INDIAN" }), {
      referred: "2025-03-01",
      start: "2025-03-02",
      substances: ["CANNABIS", "ALCOHOL"],
    });
    b.treated(b.person({ dateOfBirth: "1970-01-01" }), { referred: "2025-03-01", start: "2025-03-02", substances: ["CRACK", "HEROIN"] });
    const result = numbersInTreatmentKpi(b.build(), Q1);
    expect(result.byCohort).toEqual([
      { key: "OPIATE", label: "Opiate", count: 1 },
      { key: "NON_OPIATE_AND_ALCOHOL", label: "Non-opiate and alcohol", count: 1 },
      { key: "ALCOHOL_ONLY", label: "Alcohol only", count: 1 },
    ]);
    // Born 2000-04-02: 24 on 2025-04-01 although 25 by the end of the quarter; born 2000-04-01 turns 25 that day.
    expect(result.byAgeBand.map((group) => [group.key, group.count])).toEqual([
      ["AGE_18_24", 1],
      ["AGE_25_29", 1],
      ["AGE_55_64", 1],
    ]);
    expect(result.bySex.map((group) => [group.key, group.count])).toEqual([
      ["MALE", 2],
      ["FEMALE", 1],
    ]);
    expect(result.byEthnicity.map((group) => [group.key, group.count])).toEqual([
      ["ASIAN_INDIAN", 1],
      ["WHITE_BRITISH", 2],
    ]);
    expect(result.groups).toEqual([]);
  });

  it("K-1: breaks down by postcode district, with unusable postcodes under Not recorded", () => {
    const b = new ProviderDataBuilder();
    for (const postcode of ["SO14 3JA", "so143xx", "SO15 1AA", null, "not a postcode"]) {
      b.treated(b.person({ postcode }), { referred: "2025-03-01", start: "2025-03-02" });
    }
    const result = numbersInTreatmentKpi(b.build(), Q1, { breakdown: "POSTCODE_DISTRICT" });
    expect(result.groups).toEqual([
      { key: "SO14", label: "SO14", count: 2 },
      { key: "SO15", label: "SO15", count: 1 },
      { key: "NOT_RECORDED", label: "Not recorded", count: 2 },
    ]);
  });

  it("K-1: the filter narrows the population before counting", () => {
    const b = new ProviderDataBuilder();
    b.treated(b.person(), { referred: "2025-03-01", start: "2025-03-02", teamId: "t-young", keyworkerId: "s-bob" });
    b.treated(b.person(), { referred: "2025-03-01", start: "2025-03-02", teamId: "t-adults", keyworkerId: "s-bob" });
    b.treated(b.person(), { referred: "2025-03-01", start: "2025-03-02", teamId: "t-adults", keyworkerId: null });
    const data = b.build();
    expect(numbersInTreatmentKpi(data, Q1, { filter: { teamIds: ["t-adults"] } }).count).toBe(2);
    expect(numbersInTreatmentKpi(data, Q1, { filter: { teamIds: ["t-adults"], keyworkerIds: ["s-bob"] } }).count).toBe(1);
    expect(numbersInTreatmentKpi(data, Q1, { filter: { keyworkerIds: [null] } }).count).toBe(1);
    expect(numbersInTreatmentKpi(data, Q1, { filter: { cohorts: ["ALCOHOL_ONLY"] } }).count).toBe(0);
  });

  it("K-1: refuses a period that ends before it starts", () => {
    expect(() => numbersInTreatmentKpi(new ProviderDataBuilder().build(), { from: "2025-06-30", to: "2025-04-01" })).toThrow(RangeError);
    expect(() => numbersInTreatmentKpi(new ProviderDataBuilder().build(), { from: "2025-02-30", to: "2025-04-01" })).toThrow(RangeError);
  });
});
