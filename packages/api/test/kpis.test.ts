import { kpiDefinitionOf } from "@waymark/core";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE, ProviderDataBuilder } from "../../core/src/kpis/testData.js";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { replaceCatalogue, writeClinicalRecords } from "./kpiData.js";
import { useSignedInServer } from "./signedInServer.js";

const Q1 = { from: "2025-01-01", to: "2025-03-31" };

const KPIS = `query Kpis($period: KpiPeriodInput!, $breakdown: KpiBreakdown, $filter: KpiFilterInput, $asOf: Date) {
  kpis(period: $period, breakdown: $breakdown, filter: $filter, asOf: $asOf) {
    asOf suppressed teamIds
    numbersInTreatment { id count countShown people peopleShown byCohort { key label count countShown } groups { key label count countShown } }
    waitingTime { id numerator numeratorShown denominator denominatorShown value valueShown medianWaitDays target { value unit } }
    reviewsOnTime { id definition target { value unit text } }
    exits { numerator numeratorShown denominator denominatorShown value valueShown byCategory { key count countShown } }
    caseloadSize { openEpisodes openEpisodesShown keyworkers meanCaseload caseloads { keyworkerId label openEpisodes openEpisodesShown } }
  }
}`;

/** Every field of the report, as a dashboard asks for it. */
const WHOLE_REPORT = `fragment Ratio on KpiGroup { key label numerator numeratorShown denominator denominatorShown value valueShown }
fragment Count on KpiCount { key label count countShown }
fragment About on KpiTarget { value unit text }
query WholeReport($period: KpiPeriodInput!, $breakdown: KpiBreakdown) {
  kpis(period: $period, breakdown: $breakdown) {
    period { from to } asOf breakdown suppressed teamIds
    numbersInTreatment { id title definition numeratorDefinition denominatorDefinition target { ...About } count countShown people peopleShown
      byCohort { ...Count } byAgeBand { ...Count } bySex { ...Count } byEthnicity { ...Count } groups { ...Count } }
    waitingTime { id title definition target { ...About } numerator numeratorShown denominator denominatorShown value valueShown medianWaitDays
      groups { key label numerator denominator value valueShown medianWaitDays } }
    reviewsOnTime { id target { ...About } numerator denominator value valueShown byStatus { ...Count } groups { ...Ratio } }
    topCompliance { id numerator denominator value valueShown byStage { ...Ratio } groups { ...Ratio } }
    successfulCompletions { id numerator numeratorShown denominator value valueShown byCohort { ...Ratio } groups { ...Ratio } }
    representations { id numerator denominator value valueShown windowStillOpen windowStillOpenShown groups { ...Ratio } }
    exits { id numerator denominator value byReason { ...Count } byCategory { ...Count } groups { ...Ratio } }
    longTermOst { id asOf numerator denominator value valueShown atLeastSixYears { label numerator numeratorShown denominator value valueShown }
      groups { key label numerator denominator value valueShown atLeastSixYears atLeastSixYearsShown } }
    sharedCare { id target { ...About } numerator denominator value valueShown groups { ...Ratio } }
    didNotAttend { id numerator denominator value valueShown groups { ...Ratio } }
    caseloadSize { id asOf openEpisodes openEpisodesShown unallocated unallocatedShown keyworkers meanCaseload
      caseloads { keyworkerId label openEpisodes openEpisodesShown } groups { key label numerator numeratorShown denominator denominatorShown value valueShown } }
    outcomes { id numerator denominator value valueShown pairs pairsShown scoreChanges { key label count countShown meanChange }
      groups { key label numerator denominator value valueShown pairs pairsShown scoreChanges { key count meanChange } } }
    roscCoverage { id numerator denominator value valueShown byItem { ...Ratio } groups { ...Ratio } }
    harmReduction { id denominator denominatorShown measures { key label numerator numeratorShown denominator value valueShown groups { ...Ratio } } }
  }
}`;

interface CountShown {
  key: string;
  label: string;
  count: number | null;
  countShown: string;
}

interface RatioShown {
  numerator: number | null;
  numeratorShown: string;
  denominator: number | null;
  denominatorShown: string;
  value: number | null;
  valueShown: string;
}

interface KpisAnswer {
  kpis: {
    asOf: string;
    suppressed: boolean;
    teamIds: string[] | null;
    numbersInTreatment: { id: string; count: number | null; countShown: string; people: number | null; peopleShown: string; byCohort: CountShown[]; groups: CountShown[] };
    waitingTime: RatioShown & { id: string; medianWaitDays: number | null; target: { value: number; unit: string } | null };
    reviewsOnTime: { id: string; definition: string; target: { value: number; unit: string; text: string } | null };
    exits: RatioShown & { byCategory: { key: string; count: number | null; countShown: string }[] };
    caseloadSize: { openEpisodes: number | null; openEpisodesShown: string; keyworkers: number; meanCaseload: number | null; caseloads: { keyworkerId: string; label: string; openEpisodes: number | null; openEpisodesShown: string }[] };
  };
}

describeEachDialect("kpis query", (dialect) => {
  const suite = useSignedInServer(dialect, { signIn: ["analyst", "lead", "admin", "keyworker"] });

  /**
   * Nine episodes in treatment in Q1 2025: seven in the adult team (six opiate, one alcohol), two in the young
   * people's team (alcohol). Eight waited 9 days for their first intervention, one adult waited 40. Three adult
   * episodes were completed drug-free on 1 March.
   */
  beforeAll(async () => {
    const { organisation, server } = suite;
    await replaceCatalogue(server.database, CATALOGUE);
    const b = new ProviderDataBuilder();
    const adult = { teamId: organisation.adultTeamId, keyworkerId: organisation.staff.keyworker.id };
    const young = { teamId: organisation.youngPeopleTeamId, keyworkerId: organisation.staff.youngPeopleKeyworker.id };
    for (let index = 0; index < 7; index += 1) {
      b.treated(b.person(), {
        ...adult,
        referred: index === 0 ? "2024-12-01" : "2025-01-01",
        start: "2025-01-10",
        substances: index === 6 ? ["ALCOHOL"] : ["HEROIN"],
        ...(index >= 3 && index < 6 ? { discharged: { date: "2025-03-01", reason: "COMPLETED_DRUG_FREE" as const } } : {}),
      });
    }
    for (let index = 0; index < 2; index += 1) {
      b.treated(b.person({ dateOfBirth: "2005-01-01" }), { ...young, referred: "2025-01-01", start: "2025-01-10", substances: ["ALCOHOL"] });
    }
    const data = b.build();
    await writeClinicalRecords(server.database, {
      ...data,
      // The builder's own staff are not in this organisation: hold its other records against the keyworker.
      contacts: data.contacts.map((contact) => ({ ...contact, staffId: organisation.staff.keyworker.id })),
    });
  });

  describe("who may ask", () => {
    it("an ANALYST sees the whole provider with counts of 1..4 shown as <5 (DOMAIN §7)", async () => {
      const result = await suite.analyst.request<KpisAnswer>(KPIS, { period: Q1, breakdown: "TEAM" });
      expect(result.errors).toBeUndefined();
      const kpis = result.data?.kpis;
      expect(kpis?.suppressed).toBe(true);
      expect(kpis?.teamIds).toBeNull();
      expect(kpis?.numbersInTreatment).toMatchObject({ id: "K-1", count: 9, countShown: "9", people: 9, peopleShown: "9" });
      expect(kpis?.numbersInTreatment.byCohort).toEqual([
        { key: "OPIATE", label: "Opiate", count: 6, countShown: "6" },
        { key: "ALCOHOL_ONLY", label: "Alcohol only", count: null, countShown: "<5" },
      ]);
      expect(kpis?.numbersInTreatment.groups).toEqual([
        { key: toGlobalId("Team", suite.organisation.adultTeamId), label: "Adult community team", count: 7, countShown: "7" },
        { key: toGlobalId("Team", suite.organisation.youngPeopleTeamId), label: "Young people's team", count: null, countShown: "<5" },
      ]);
    });

    it("an ANALYST sees a ratio hidden when its numerator or complement is small (suppressRatio)", async () => {
      const kpis = (await suite.analyst.request<KpisAnswer>(KPIS, { period: Q1 })).data?.kpis;
      // K-2: 8 of 9 within target; the one who waited longer could be read off by difference.
      expect(kpis?.waitingTime).toMatchObject({
        numerator: null,
        numeratorShown: "SUPPRESSED",
        denominator: 9,
        denominatorShown: "9",
        value: null,
        valueShown: "SUPPRESSED",
      });
      // K-7: three exits, all planned.
      expect(kpis?.exits).toMatchObject({ numerator: null, numeratorShown: "<5", denominator: null, denominatorShown: "<5", value: null, valueShown: "SUPPRESSED" });
      expect(kpis?.exits.byCategory).toEqual([
        { key: "PLANNED", count: null, countShown: "<5" },
        { key: "TRANSFERRED", count: 0, countShown: "0" },
        { key: "UNPLANNED", count: 0, countShown: "0" },
      ]);
    });

    it("a TEAM_LEAD sees only their own teams, in full, whatever they leave out of the filter", async () => {
      const kpis = (await suite.lead.request<KpisAnswer>(KPIS, { period: Q1, breakdown: "TEAM" })).data?.kpis;
      expect(kpis?.suppressed).toBe(false);
      expect(kpis?.teamIds).toEqual([toGlobalId("Team", suite.organisation.adultTeamId)]);
      expect(kpis?.numbersInTreatment.groups.map((group) => group.key)).toEqual([toGlobalId("Team", suite.organisation.adultTeamId)]);
      expect(kpis?.numbersInTreatment.byCohort).toEqual([
        { key: "OPIATE", label: "Opiate", count: 6, countShown: "6" },
        { key: "ALCOHOL_ONLY", label: "Alcohol only", count: 1, countShown: "1" },
      ]);
      expect(kpis?.waitingTime).toMatchObject({ numerator: 6, numeratorShown: "6", denominator: 7, value: 6 / 7, valueShown: "85.7%", medianWaitDays: 9 });
      expect(kpis?.caseloadSize).toMatchObject({ openEpisodes: 4, openEpisodesShown: "4", keyworkers: 1, meanCaseload: 4 });
    });

    it("a TEAM_LEAD asking for a team they do not lead is refused, naming filter.teamIds", async () => {
      const result = await suite.lead.request(KPIS, { period: Q1, filter: { teamIds: [toGlobalId("Team", suite.organisation.youngPeopleTeamId)] } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.teamIds" });
      expect(result.data).toBeNull();
    });

    it("an ADMIN with no clinical role and a PRACTITIONER are FORBIDDEN; no one signed in is UNAUTHENTICATED", async () => {
      for (const client of [suite.admin, suite.keyworker]) {
        const result = await client.request(KPIS, { period: Q1 });
        expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
        expect(result.data).toBeNull();
      }
      const anonymous = await suite.server.client().request(KPIS, { period: Q1 });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("what comes back", () => {
    it("each indicator carries core's written definition and DOMAIN's target (K-3 80%, K-2 in days)", async () => {
      const kpis = (await suite.analyst.request<KpisAnswer>(KPIS, { period: Q1 })).data?.kpis;
      expect(kpis?.reviewsOnTime).toEqual({
        id: "K-3",
        definition: kpiDefinitionOf("K-3").definition,
        target: { value: 0.8, unit: "FRACTION", text: kpiDefinitionOf("K-3").target?.text },
      });
      expect(kpis?.waitingTime.target).toEqual({ value: 21, unit: "DAYS" });
      expect(kpis?.asOf).toBe("2025-03-31");
    });

    it("the whole report, every indicator broken down by keyworker, is answered within the query limits", async () => {
      const result = await suite.analyst.request<{ kpis: Record<string, { id?: string }> }>(WHOLE_REPORT, { period: Q1, breakdown: "KEYWORKER" });
      expect(result.errors).toBeUndefined();
      const ids = Object.values(result.data?.kpis ?? {}).flatMap((value) => (value !== null && typeof value === "object" && "id" in value ? [value.id] : []));
      expect(ids).toEqual(["K-1", "K-2", "K-3", "K-4", "K-5", "K-6", "K-7", "K-8", "K-9", "K-10", "K-11", "K-12", "K-13", "K-14"]);
    });

    it("the report weighs as a scan of the whole provider in its cost (extensions.cost), not as one field", async () => {
      const result = await suite.analyst.request(`query ($period: KpiPeriodInput!) { kpis(period: $period) { asOf } }`, { period: Q1 });
      expect(result.errors).toBeUndefined();
      const cost = result.extensions?.cost as { requested: number; limit: number };
      expect(cost.requested).toBeGreaterThanOrEqual(1000);
      expect(cost.requested).toBeLessThan(cost.limit);
    });

    it("a TEAM group's key fed back into the filter gives that group's figures", async () => {
      const first = (await suite.analyst.request<KpisAnswer>(KPIS, { period: Q1, breakdown: "TEAM" })).data?.kpis;
      const adultKey = first?.numbersInTreatment.groups[0]?.key;
      const filtered = (await suite.analyst.request<KpisAnswer>(KPIS, { period: Q1, filter: { teamIds: [adultKey] } })).data?.kpis;
      expect(filtered?.numbersInTreatment).toMatchObject({ count: 7, countShown: "7" });
    });

    it("K-11: the snapshot is taken on asOf: after the discharges of 1 March, four adult episodes remain open", async () => {
      const kpis = (await suite.lead.request<KpisAnswer>(KPIS, { period: Q1, asOf: "2025-02-28" })).data?.kpis;
      expect(kpis?.caseloadSize).toMatchObject({ openEpisodes: 7, keyworkers: 1, meanCaseload: 7 });
      expect(kpis?.caseloadSize.caseloads).toEqual([
        { keyworkerId: toGlobalId("StaffMember", suite.organisation.staff.keyworker.id), label: "Kim Keyworker", openEpisodes: 7, openEpisodesShown: "7" },
      ]);
    });
  });

  describe("input is validated before anything is read", () => {
    const refusals: [string, Record<string, unknown>, string][] = [
      ["a period that ends before it starts", { period: { from: "2025-03-31", to: "2025-01-01" } }, "period.to"],
      ["a period longer than five years", { period: { from: "2020-04-01", to: "2025-04-01" } }, "period.to"],
      ["asOf before the period starts", { period: Q1, asOf: "2024-12-31" }, "asOf"],
      ["an ID that is not a Team ID", { period: Q1, filter: { teamIds: [toGlobalId("StaffMember", "someone")] } }, "filter.teamIds"],
      ["a Team ID that matches no team", { period: Q1, filter: { teamIds: [toGlobalId("Team", "no-such-team")] } }, "filter.teamIds"],
      ["a StaffMember ID that matches no one", { period: Q1, filter: { keyworkerIds: [toGlobalId("StaffMember", "no-such-person")] } }, "filter.keyworkerIds"],
      ["a full postcode where a district is asked for", { period: Q1, filter: { postcodeDistricts: ["SO14 3JA"] } }, "filter.postcodeDistricts"],
    ];
    for (const [what, variables, field] of refusals) {
      it(`refuses ${what} with BAD_USER_INPUT naming ${field}`, async () => {
        const result = await suite.analyst.request(KPIS, variables);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
        expect(result.data).toBeNull();
      });
    }

    it("accepts a period of exactly five years", async () => {
      const result = await suite.analyst.request<KpisAnswer>(KPIS, { period: { from: "2020-04-01", to: "2025-03-31" } });
      expect(result.errors).toBeUndefined();
      expect(result.data?.kpis.numbersInTreatment.count).toBe(9);
    });
  });
});
