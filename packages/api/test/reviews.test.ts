import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { localIdOf } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import {
  accepted,
  AGREE_PLAN,
  agreeFullPlan,
  assess,
  COMPLETE_REVIEW,
  errorCode,
  fullRisk,
  refused,
  rowCounts,
  triagedAdult,
  type SignedOffPlan,
} from "./journeySteps.js";
import { useSignedInServer } from "./signedInServer.js";

const EPISODE = `query Episode($id: ID!) {
  episode(id: $id) {
    nextReviewDue
    suicideRisk { flagged factors assessedOn }
    serviceUser { flags { suicideRisk { flagged } } }
    reviews { totalCount edges { node { dueDate completedDate onTime } } }
    recoveryPlans { edges { node { kind nextReviewDue goals { description status } reviews { completedDate } } } }
  }
}`;

const DISCHARGE = `mutation Discharge($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { episode { status } userErrors { code field message } } }`;

interface ReviewPayload {
  review: { dueDate: string; completedDate: string; onTime: boolean; completedBy: { name: string }; goalProgress: { goalId: string; status: string; note: string | null; goal: { description: string; status: string } }[] };
}

describeEachDialect("reviews of recovery plans", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker"] });

  /** An episode with a full plan signed off on 2025-05-20 (reviews every 12 weeks: first due 2025-08-12). */
  async function signedOffEpisode(options: { factors?: Record<string, boolean> } = {}): Promise<{ episodeId: string; plan: SignedOffPlan }> {
    const risk = fullRisk({}, options.factors ?? {});
    const { episodeId } = await triagedAdult(api.keyworker, api.organisation.adultTeamId, api.organisation.staff.keyworker.id, { risk });
    await assess(api.keyworker, episodeId, { risk });
    const plan = await agreeFullPlan(api.keyworker, episodeId, api.organisation.staff.keyworker.id);
    return { episodeId, plan };
  }

  const reviewInput = (plan: SignedOffPlan, overrides: Record<string, unknown> = {}) => ({
    planId: plan.planId,
    completedDate: "2025-06-02",
    goalProgress: [{ goalId: plan.goalIds[0], status: "ACHIEVED", note: "Six weeks clean" }],
    risk: fullRisk(),
    ...overrides,
  });

  it("R-REV-1, R-REV-2: completes a review on time, updates its goals and moves the next review to 12 weeks after it", async () => {
    const { episodeId, plan } = await signedOffEpisode();
    const { review } = accepted<ReviewPayload>(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan) }), "completeReview");
    expect(review).toMatchObject({ dueDate: "2025-08-12", completedDate: "2025-06-02", onTime: true, completedBy: { name: "Kim Keyworker" } });
    expect(review.goalProgress).toEqual([{ goalId: plan.goalIds[0], status: "ACHIEVED", note: "Six weeks clean", goal: { description: "Stop using heroin", status: "ACHIEVED" } }]);
    const state = await api.keyworker.request<{ episode: { nextReviewDue: string; recoveryPlans: { edges: { node: { nextReviewDue: string; goals: { status: string }[] } }[] } } }>(EPISODE, { id: episodeId });
    expect(state.data?.episode.nextReviewDue).toBe("2025-08-25");
    expect(state.data?.episode.recoveryPlans.edges[0]?.node).toMatchObject({ nextReviewDue: "2025-08-25", goals: [{ status: "ACHIEVED" }, { status: "OPEN" }] });
  });

  it("R-REV-1, R-REV-2: a later review is due 12 weeks after the last one and is late when completed after that", async () => {
    const { episodeId, plan } = await signedOffEpisode();
    accepted(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan) }), "completeReview");
    api.server.clock.set("2025-09-01");
    try {
      // A session started in June has expired by September: sign in again on the later day.
      const later = await api.signIn("keyworker");
      const { review } = accepted<ReviewPayload>(await later.request(COMPLETE_REVIEW, { input: reviewInput(plan, { completedDate: "2025-09-01", goalProgress: [] }) }), "completeReview");
      expect(review).toMatchObject({ dueDate: "2025-08-25", completedDate: "2025-09-01", onTime: false });
      const state = await later.request<{ episode: { nextReviewDue: string; reviews: { totalCount: number } } }>(EPISODE, { id: episodeId });
      expect(state.data?.episode).toMatchObject({ nextReviewDue: "2025-11-24", reviews: { totalCount: 2 } });
    } finally {
      api.server.clock.set("2025-06-02");
    }
  });

  it("R-RISK-3: refuses a review without a risk re-assessment with RISK_ASSESSMENT_REQUIRED, writing nothing", async () => {
    const { plan } = await signedOffEpisode();
    const before = await rowCounts(api.server);
    const errors = refused(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan, { risk: null }) }), "completeReview");
    expect(errors).toEqual([expect.objectContaining({ code: "RISK_ASSESSMENT_REQUIRED", field: "risk" })]);
    expect(await rowCounts(api.server)).toEqual(before);
  });

  it("R-REV-3: refuses a review of a plan not signed off with REVIEW_NOT_ALLOWED, writing nothing", async () => {
    const { episodeId } = await triagedAdult(api.keyworker, api.organisation.adultTeamId, api.organisation.staff.keyworker.id);
    const interim = accepted<{ recoveryPlan: { id: string } }>(
      await api.keyworker.request(AGREE_PLAN, { input: { episodeId, kind: "INTERIM", startDate: "2025-05-07", goals: [{ domain: "HOUSING", description: "Keep my tenancy" }] } }),
      "agreeRecoveryPlan",
    );
    const before = await rowCounts(api.server);
    const errors = refused(await api.keyworker.request(COMPLETE_REVIEW, { input: { planId: interim.recoveryPlan.id, completedDate: "2025-06-02", risk: fullRisk() } }), "completeReview");
    expect(errors).toEqual([expect.objectContaining({ code: "REVIEW_NOT_ALLOWED", field: "planId" })]);
    expect(await rowCounts(api.server)).toEqual(before);
  });

  it("R-REV-3: refuses a review dated before the plan was signed off with REVIEW_NOT_ALLOWED", async () => {
    const { plan } = await signedOffEpisode();
    const errors = refused(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan, { completedDate: "2025-05-19" }) }), "completeReview");
    expect(errors).toContainEqual(expect.objectContaining({ code: "REVIEW_NOT_ALLOWED", field: "completedDate" }));
  });

  it("R-REV-3: refuses a review once the episode is closed, writing nothing", async () => {
    const { episodeId, plan } = await signedOffEpisode();
    const discharged = await api.keyworker.request<{ dischargeEpisode: { episode: { status: string } } }>(DISCHARGE, { input: { episodeId, reason: "DROPPED_OUT", dischargeDate: "2025-06-01" } });
    expect(accepted<{ episode: { status: string } }>(discharged, "dischargeEpisode").episode.status).toBe("CLOSED");
    const before = await rowCounts(api.server);
    const errors = refused(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan) }), "completeReview");
    expect(errors).toEqual([expect.objectContaining({ code: "REVIEW_NOT_ALLOWED", field: "planId" })]);
    expect(await rowCounts(api.server)).toEqual(before);
  });

  it("R-DATE-1: refuses a review dated in the future with INVALID_DATE", async () => {
    const { plan } = await signedOffEpisode();
    const errors = refused(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan, { completedDate: "2025-06-03" }) }), "completeReview");
    expect(errors).toContainEqual(expect.objectContaining({ code: "INVALID_DATE", field: "completedDate" }));
  });

  it("refuses progress on another plan's goal and on the same goal twice, naming each entry", async () => {
    const { plan } = await signedOffEpisode();
    const { plan: otherPlan } = await signedOffEpisode();
    const goalProgress = [
      { goalId: otherPlan.goalIds[0], status: "ACHIEVED" },
      { goalId: plan.goalIds[1], status: "OPEN" },
      { goalId: plan.goalIds[1], status: "DROPPED" },
    ];
    const errors = refused(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan, { goalProgress }) }), "completeReview");
    expect(errors.map((error) => [error.code, error.field])).toEqual([
      ["INVALID_VALUE", "goalProgress.0.goalId"],
      ["INVALID_VALUE", "goalProgress.2.goalId"],
    ]);
  });

  it("refuses a progress note over 2000 characters with TOO_LONG, writing nothing", async () => {
    const { plan } = await signedOffEpisode();
    const before = await rowCounts(api.server);
    const errors = refused(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan, { goalProgress: [{ goalId: plan.goalIds[0], status: "OPEN", note: "n".repeat(2001) }] }) }), "completeReview");
    expect(errors).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "goalProgress.0.note" })]);
    expect(await rowCounts(api.server)).toEqual(before);
  });

  it("R-RISK-2: the suicide-risk flag raised at triage stays through assessment and is cleared by a later review with no factor", async () => {
    const { episodeId, plan } = await signedOffEpisode({ factors: { relationshipBreakdown: true } });
    const raised = await api.keyworker.request<{ episode: { suicideRisk: object; serviceUser: { flags: { suicideRisk: { flagged: boolean } } } } }>(EPISODE, { id: episodeId });
    expect(raised.data?.episode.suicideRisk).toEqual({ flagged: true, factors: ["RELATIONSHIP_BREAKDOWN"], assessedOn: "2025-05-13" });
    expect(raised.data?.episode.serviceUser.flags.suicideRisk.flagged).toBe(true);

    accepted(await api.keyworker.request(COMPLETE_REVIEW, { input: reviewInput(plan) }), "completeReview");
    const cleared = await api.keyworker.request<{ episode: { suicideRisk: object; serviceUser: { flags: { suicideRisk: { flagged: boolean } } } } }>(EPISODE, { id: episodeId });
    expect(cleared.data?.episode.suicideRisk).toEqual({ flagged: false, factors: [], assessedOn: "2025-06-02" });
    expect(cleared.data?.episode.serviceUser.flags.suicideRisk.flagged).toBe(false);
    const t = api.server.database.tables;
    const [row] = await api.server.database.read.select({ suicideRisk: t.episodes.suicideRisk }).from(t.episodes).where(eq(t.episodes.id, localIdOf(episodeId, "Episode") ?? ""));
    expect(row?.suicideRisk).toBe(false);
  });

  it("is not found for a plan outside the viewer's scope, writing nothing", async () => {
    const { plan } = await signedOffEpisode();
    const youngPeople = await api.signIn("youngPeopleKeyworker");
    const before = await rowCounts(api.server);
    expect(errorCode(await youngPeople.request(COMPLETE_REVIEW, { input: reviewInput(plan) }))).toBe("NOT_FOUND");
    expect(await rowCounts(api.server)).toEqual(before);
  });
});
