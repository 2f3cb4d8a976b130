import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import {
  accepted,
  AGREE_PLAN,
  assess,
  comprehensiveInput,
  errorCode,
  fullPlanInput,
  RECORD_ASSESSMENT,
  refer,
  refused,
  registerPerson,
  rowCounts,
  triagedAdult,
} from "./journeySteps.js";
import { useSignedInServer } from "./signedInServer.js";

const EPISODE = `query Episode($id: ID!) {
  episode(id: $id) {
    status nextReviewDue
    assessments { totalCount edges { node { kind } } }
    recoveryPlans { totalCount }
  }
}`;

interface PlanPayload {
  agreeRecoveryPlan: {
    recoveryPlan: {
      kind: string;
      signedOffDate: string;
      reviewIntervalWeeks: number;
      nextReviewDue: string;
      signedOffBy: { name: string };
      goals: { id: string; domain: string; description: string; targetDate: string | null; status: string }[];
      personalBudget: { allocatedPence: number; spentPence: number; lines: { item: string; costPence: number }[] } | null;
    };
    episode: { status: string; nextReviewDue: string };
  };
}

describeEachDialect("assessments and recovery plans", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  const triaged = () => triagedAdult(api.keyworker, api.organisation.adultTeamId, api.organisation.staff.keyworker.id);

  describe("recordAssessment", () => {
    it("records a comprehensive assessment with needs by domain, risk and a BARC-10 total", async () => {
      const { episodeId } = await triaged();
      const result = await api.keyworker.request<{ recordAssessment: { assessment: object } }>(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId) });
      expect(accepted(result, "recordAssessment").assessment).toMatchObject({
        kind: "COMPREHENSIVE",
        date: "2025-05-13",
        needs: [
          { domain: "SUBSTANCE_USE", level: "HIGH" },
          { domain: "HOUSING", level: "SOME" },
        ],
        recoveryCapital: { items: [3, 4, 2, 5, 3, 3, 4, 2, 1, 6], total: 33 },
        risk: { toChildren: "LOW" },
        assessor: { name: "Kim Keyworker" },
      });
    });

    it("R-RISK-1: refuses a comprehensive assessment without a risk assessment with RISK_ASSESSMENT_REQUIRED, writing nothing", async () => {
      const { episodeId } = await triaged();
      const before = await rowCounts(api.server);
      const errors = refused(await api.keyworker.request(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId, { risk: null }) }), "recordAssessment");
      expect(errors).toEqual([expect.objectContaining({ code: "RISK_ASSESSMENT_REQUIRED", field: "risk" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("accepts a reassessment without a risk assessment", async () => {
      const { episodeId } = await triaged();
      accepted(await api.keyworker.request(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId, { kind: "REASSESSMENT", risk: null }) }), "recordAssessment");
    });

    it("refuses a BARC-10 item outside 1..6 and a domain assessed twice, naming each, writing nothing", async () => {
      const { episodeId } = await triaged();
      const before = await rowCounts(api.server);
      const input = comprehensiveInput(episodeId, {
        recoveryCapital: { items: [3, 4, 2, 7, 3, 3, 4, 2, 1, 6] },
        needs: [
          { domain: "HOUSING", level: "SOME" },
          { domain: "HOUSING", level: "HIGH" },
        ],
      });
      const errors = refused(await api.keyworker.request(RECORD_ASSESSMENT, { input }), "recordAssessment");
      expect(errors.map((error) => [error.code, error.field])).toEqual([
        ["INVALID_VALUE", "needs.1.domain"],
        ["INVALID_VALUE", "recoveryCapital.items.3"],
      ]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("refuses a triage through recordAssessment, and an assessment of an episode not yet triaged", async () => {
      const { episodeId } = await triaged();
      const triage = refused(await api.keyworker.request(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId, { kind: "TRIAGE" }) }), "recordAssessment");
      expect(triage).toContainEqual(expect.objectContaining({ code: "INVALID_VALUE", field: "kind" }));
      const person = await registerPerson(api.keyworker);
      const referred = await refer(api.keyworker, person, api.organisation.adultTeamId, { keyworkerId: toGlobalId("StaffMember", api.organisation.staff.keyworker.id) });
      const early = refused(await api.keyworker.request(RECORD_ASSESSMENT, { input: comprehensiveInput(referred) }), "recordAssessment");
      expect(early).toEqual([expect.objectContaining({ code: "TRANSITION_NOT_ALLOWED", field: "kind" })]);
    });

    it("R-DATE-1: refuses an assessment dated in the future with INVALID_DATE", async () => {
      const { episodeId } = await triaged();
      const errors = refused(await api.keyworker.request(RECORD_ASSESSMENT, { input: comprehensiveInput(episodeId, { date: "2025-07-01" }) }), "recordAssessment");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "date" })]);
    });

    it("refuses risk notes over 20000 characters with TOO_LONG", async () => {
      const { episodeId } = await triaged();
      const input = comprehensiveInput(episodeId);
      const errors = refused(
        await api.keyworker.request(RECORD_ASSESSMENT, { input: { ...input, risk: { ...(input.risk as object), notes: "n".repeat(20_001) } } }),
        "recordAssessment",
      );
      expect(errors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "risk.notes" })]);
    });
  });

  describe("agreeRecoveryPlan", () => {
    it("R-PLAN-1, R-REV-1: a signed-off full plan moves the episode to ASSESSED, copies the team's review interval and schedules the first review", async () => {
      const t = api.server.database.tables;
      await api.server.database.write((tx) => tx.update(t.teams).set({ reviewIntervalWeeks: 8 }).where(eq(t.teams.id, api.organisation.adultTeamId)));
      try {
        const { episodeId } = await triaged();
        await assess(api.keyworker, episodeId);
        const input = fullPlanInput(episodeId, api.organisation.staff.keyworker.id, {
          personalBudget: { allocatedPence: 25_000, lines: [{ item: "Gym membership", costPence: 12_000 }, { item: "College course", costPence: 13_000 }] },
        });
        const { recoveryPlan, episode } = accepted<PlanPayload["agreeRecoveryPlan"]>(await api.keyworker.request(AGREE_PLAN, { input }), "agreeRecoveryPlan");
        expect(recoveryPlan).toMatchObject({
          kind: "FULL",
          signedOffDate: "2025-05-20",
          reviewIntervalWeeks: 8,
          nextReviewDue: "2025-07-15",
          signedOffBy: { name: "Kim Keyworker" },
          personalBudget: { allocatedPence: 25_000, spentPence: 25_000, lines: [{ item: "Gym membership", costPence: 12_000 }, { item: "College course", costPence: 13_000 }] },
        });
        expect(recoveryPlan.goals.map((goal) => [goal.domain, goal.description, goal.targetDate, goal.status])).toEqual([
          ["SUBSTANCE_USE", "Stop using heroin", "2025-11-01", "OPEN"],
          ["HOUSING", "Move into my own flat", null, "OPEN"],
        ]);
        expect(episode).toEqual(expect.objectContaining({ status: "ASSESSED", nextReviewDue: "2025-07-15" }));
      } finally {
        await api.server.database.write((tx) => tx.update(t.teams).set({ reviewIntervalWeeks: 12 }).where(eq(t.teams.id, api.organisation.adultTeamId)));
      }
    });

    it("R-PLAN-1: refuses a full plan without goals, agreement or sign-off with PLAN_NOT_SIGNED_OFF, writing nothing", async () => {
      const { episodeId } = await triaged();
      await assess(api.keyworker, episodeId);
      const before = await rowCounts(api.server);
      const input = fullPlanInput(episodeId, api.organisation.staff.keyworker.id, { goals: [], agreedWithServiceUser: false, signedOffById: null, signedOffDate: null });
      const errors = refused(await api.keyworker.request(AGREE_PLAN, { input }), "agreeRecoveryPlan");
      expect(errors.map((error) => [error.code, error.field])).toEqual([
        ["PLAN_NOT_SIGNED_OFF", "goals"],
        ["PLAN_NOT_SIGNED_OFF", "agreedWithServiceUser"],
        ["PLAN_NOT_SIGNED_OFF", "signedOffById"],
      ]);
      expect(await rowCounts(api.server)).toEqual(before);
      const state = await api.keyworker.request<{ episode: { status: string; recoveryPlans: { totalCount: number } } }>(EPISODE, { id: episodeId });
      expect(state.data?.episode).toMatchObject({ status: "TRIAGED", recoveryPlans: { totalCount: 0 } });
    });

    it("R-PLAN-1: refuses a full plan before any comprehensive assessment", async () => {
      const { episodeId } = await triaged();
      const errors = refused(await api.keyworker.request(AGREE_PLAN, { input: fullPlanInput(episodeId, api.organisation.staff.keyworker.id) }), "agreeRecoveryPlan");
      expect(errors).toEqual([expect.objectContaining({ code: "PLAN_NOT_SIGNED_OFF", field: "kind" })]);
    });

    it("R-PLAN-1: refuses a sign-off by someone who is not an assessor (an analyst)", async () => {
      const { episodeId } = await triaged();
      await assess(api.keyworker, episodeId);
      const errors = refused(await api.keyworker.request(AGREE_PLAN, { input: fullPlanInput(episodeId, api.organisation.staff.analyst.id) }), "agreeRecoveryPlan");
      expect(errors).toEqual([expect.objectContaining({ code: "PLAN_NOT_SIGNED_OFF", field: "signedOffById" })]);
    });

    it("R-PLAN-2: refuses a budget whose lines exceed the allocation with BUDGET_EXCEEDED, writing nothing", async () => {
      const { episodeId } = await triaged();
      await assess(api.keyworker, episodeId);
      const before = await rowCounts(api.server);
      const input = fullPlanInput(episodeId, api.organisation.staff.keyworker.id, {
        personalBudget: { allocatedPence: 20_000, lines: [{ item: "Gym membership", costPence: 12_000 }, { item: "College course", costPence: 13_000 }] },
      });
      const errors = refused(await api.keyworker.request(AGREE_PLAN, { input }), "agreeRecoveryPlan");
      expect(errors).toEqual([expect.objectContaining({ code: "BUDGET_EXCEEDED", field: "personalBudget.lines" })]);
      expect(errors[0]?.message).toContain("£50.00");
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("R-DATE-1: refuses a goal targeted before the plan starts, naming goals.0.targetDate", async () => {
      const { episodeId } = await triaged();
      await assess(api.keyworker, episodeId);
      const input = fullPlanInput(episodeId, api.organisation.staff.keyworker.id, { goals: [{ domain: "HOUSING", description: "Find a flat", targetDate: "2025-05-19" }] });
      const errors = refused(await api.keyworker.request(AGREE_PLAN, { input }), "agreeRecoveryPlan");
      expect(errors).toEqual([expect.objectContaining({ code: "INVALID_DATE", field: "goals.0.targetDate" })]);
    });

    it("refuses a goal description over 2000 characters with TOO_LONG, writing nothing", async () => {
      const { episodeId } = await triaged();
      await assess(api.keyworker, episodeId);
      const before = await rowCounts(api.server);
      const input = fullPlanInput(episodeId, api.organisation.staff.keyworker.id, { goals: [{ domain: "HOUSING", description: "g".repeat(2001) }] });
      const errors = refused(await api.keyworker.request(AGREE_PLAN, { input }), "agreeRecoveryPlan");
      expect(errors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "goals.0.description" })]);
      expect(await rowCounts(api.server)).toEqual(before);
    });

    it("agrees an interim plan after triage, which keeps the episode TRIAGED", async () => {
      const { episodeId } = await triaged();
      const input = { episodeId, kind: "INTERIM", startDate: "2025-05-07", goals: [{ domain: "SUBSTANCE_USE", description: "Cut down to weekends" }], agreedWithServiceUser: true };
      const { recoveryPlan, episode } = accepted<PlanPayload["agreeRecoveryPlan"]>(await api.keyworker.request(AGREE_PLAN, { input }), "agreeRecoveryPlan");
      expect(recoveryPlan).toMatchObject({ kind: "INTERIM", signedOffDate: null, nextReviewDue: null, personalBudget: null, reviewIntervalWeeks: 12 });
      expect(episode.status).toBe("TRIAGED");
    });

    it("is not found for an episode outside the viewer's scope", async () => {
      const { episodeId } = await triaged();
      await assess(api.keyworker, episodeId);
      const other = await api.signIn("otherKeyworker");
      const before = await rowCounts(api.server);
      expect(errorCode(await other.request(AGREE_PLAN, { input: fullPlanInput(episodeId, api.organisation.staff.otherKeyworker.id) }))).toBe("NOT_FOUND");
      expect(await rowCounts(api.server)).toEqual(before);
    });
  });
});
