import { describe, expect, it } from "vitest";
import { KPI_IDS } from "../rules/ruleIds.js";
import { computeKpis } from "./computeKpis.js";
import { ProviderDataBuilder, Q1 } from "./testData.js";

function smallService() {
  const b = new ProviderDataBuilder();
  const sam = b.treated(b.person({ sex: "FEMALE" }), { referred: "2025-03-20", start: "2025-04-07" });
  b.intervention(sam, { code: "OST_METHADONE", start: "2025-04-07", setting: "PRIMARY_CARE" });
  b.intervention(sam, { code: "PEER_SUPPORT", start: "2025-05-01" });
  b.top(sam, "START", "2025-04-07", { days: { OPIATES: 20 } });
  b.contact(sam, "2025-04-14", "APPOINTMENT", "ATTENDED");
  b.harm(sam, "2025-04-07", { naloxoneIssuedTo: "SERVICE_USER" });
  b.review(b.plan(sam, "2025-04-01", { intervalWeeks: 4 }), "2025-04-25");
  const lee = b.treated(b.person(), {
    referred: "2024-10-01",
    start: "2024-10-10",
    keyworkerId: "s-bob",
    discharged: { date: "2025-05-30", reason: "COMPLETED_DRUG_FREE" },
  });
  b.top(lee, "START", "2024-10-10", { days: { OPIATES: 10 } });
  b.top(lee, "EXIT", "2025-05-30", { days: { OPIATES: 0 } });
  b.contact(lee, "2025-04-14", "APPOINTMENT", "DID_NOT_ATTEND");
  return b.build();
}

describe("computeKpis", () => {
  it("K-1..K-14: returns all fourteen indicators under their ids, read as of the period's last day by default", () => {
    const report = computeKpis(smallService(), Q1);
    expect(Object.keys(report.indicators)).toEqual([...KPI_IDS]);
    for (const id of KPI_IDS) expect(report.indicators[id].id).toBe(id);
    expect(report).toMatchObject({ period: Q1, asOf: "2025-06-30", breakdown: null, filter: {} });
    const { indicators } = report;
    expect(indicators["K-1"].count).toBe(2);
    expect(indicators["K-2"]).toMatchObject({ numerator: 1, denominator: 1, medianWaitDays: 18 });
    // Reviewed on 25 April (due 29 April), then due again 23 May and not done.
    expect(indicators["K-3"]).toMatchObject({ numerator: 1, denominator: 2 });
    // Sam's START (7 April) and Lee's EXIT are recorded; Lee's REVIEW, due 10 April, is missing.
    expect(indicators["K-4"]).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicators["K-5"]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(indicators["K-6"]).toMatchObject({ numerator: 0, denominator: 1, windowStillOpen: 1 });
    expect(indicators["K-7"]).toMatchObject({ numerator: 1, denominator: 1 });
    expect(indicators["K-8"]).toMatchObject({ numerator: 0, denominator: 1 });
    expect(indicators["K-9"]).toMatchObject({ numerator: 1, denominator: 1 });
    expect(indicators["K-10"]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(indicators["K-11"]).toMatchObject({ openEpisodes: 1, keyworkers: 1 });
    expect(indicators["K-12"]).toMatchObject({ pairs: 1, numerator: 1, denominator: 1 });
    expect(indicators["K-13"]).toMatchObject({ numerator: 1, denominator: 2 });
    expect(indicators["K-14"].measures[0]).toMatchObject({ key: "NALOXONE_ISSUED", numerator: 1, denominator: 2 });
  });

  it("K-1..K-14: applies the same breakdown, filter and asOf to every indicator", () => {
    const report = computeKpis(smallService(), Q1, { breakdown: "SEX", filter: { keyworkerIds: ["s-ann"] }, asOf: "2025-07-31" });
    expect(report.asOf).toBe("2025-07-31");
    expect(report.indicators["K-11"].asOf).toBe("2025-07-31");
    expect(report.indicators["K-1"].groups).toEqual([{ key: "FEMALE", label: "Female", count: 1 }]);
    expect(report.indicators["K-7"].denominator).toBe(0);
    expect(report.indicators["K-10"].groups).toEqual([{ key: "FEMALE", label: "Female", numerator: 0, denominator: 1, value: 0 }]);
  });

  it("K-1..K-14: refuses an asOf that is not a date", () => {
    expect(() => computeKpis(smallService(), Q1, { asOf: "30/06/2025" })).toThrow(RangeError);
  });
});
