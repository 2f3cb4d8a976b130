import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { localIdOf } from "../src/graphql/globalId.js";
import { describeEachDialect } from "./databases.js";
import { buildEpisode } from "./episodeBuilder.js";
import { agreeFullPlan, assess, COMPLETE_REVIEW, fullRisk, triagedAdult, type UserErrorShape } from "./journeySteps.js";
import { auditEventsFor, DISCHARGE_EPISODE, type DischargePayload } from "./recordOperations.js";
import { useSignedInServer } from "./signedInServer.js";

/**
 * Issue 7, point 7: two people acting on the same episode at the same moment cannot both discharge it, and a
 * due review cannot be completed twice. Several rounds, since a race that is lost only sometimes is still lost.
 */
const ROUNDS = 4;

describeEachDialect("Racing discharges and reviews (issue 7, point 7)", (dialect) => {
  const api = useSignedInServer(dialect, { signIn: ["keyworker", "lead"] });

  it(`two discharges of one episode sent at the same moment: exactly one wins, with one discharge date and one audited discharge (${ROUNDS} rounds)`, async () => {
    const t = api.server.database.tables;
    for (let round = 0; round < ROUNDS; round += 1) {
      const built = await buildEpisode(api.server, api.organisation, {
        status: "IN_TREATMENT",
        substances: ["ALCOHOL"],
        interventions: [{ code: "ALCOHOL_WITHDRAWAL", startDate: "2025-02-10" }],
      });
      const [before] = await api.server.database.read.select().from(t.episodes).where(eq(t.episodes.id, built.episodeId));
      // Half the rounds send the version both read; the others send none, leaving the journey rules to refuse.
      const version = round % 2 === 0 ? before!.version : undefined;
      const [fromKeyworker, fromLead] = await Promise.all([
        api.keyworker.request<{ dischargeEpisode: DischargePayload }>(DISCHARGE_EPISODE, { input: { episodeId: built.episodeGlobalId, reason: "COMPLETED_ALCOHOL_FREE", dischargeDate: "2025-05-30", version } }),
        api.lead.request<{ dischargeEpisode: DischargePayload }>(DISCHARGE_EPISODE, { input: { episodeId: built.episodeGlobalId, reason: "DROPPED_OUT", dischargeDate: "2025-05-29", version } }),
      ]);
      expect(fromKeyworker.errors, JSON.stringify(fromKeyworker.errors)).toBeUndefined();
      expect(fromLead.errors, JSON.stringify(fromLead.errors)).toBeUndefined();
      const payloads = [fromKeyworker.data!.dischargeEpisode, fromLead.data!.dischargeEpisode];
      const won = payloads.filter((payload) => payload.userErrors.length === 0);
      const lost = payloads.filter((payload) => payload.userErrors.length > 0);
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost, `round ${round}`).toHaveLength(1);
      expect(lost[0]!.userErrors.map((error) => error.code)).toEqual([expect.stringMatching(/^(STALE_VERSION|TRANSITION_NOT_ALLOWED)$/)]);
      expect(lost[0]!.episode).toBeNull();

      const [after] = await api.server.database.read.select().from(t.episodes).where(eq(t.episodes.id, built.episodeId));
      expect(after).toMatchObject({ dischargeDate: won[0]!.episode!.dischargeDate, dischargeReason: won[0]!.episode!.dischargeReason, version: before!.version + 1 });
      const [intervention] = await api.server.database.read.select().from(t.interventions).where(eq(t.interventions.id, built.interventionIds[0]!));
      expect(intervention).toMatchObject({ endDate: after!.dischargeDate, version: 2 });
      const discharges = (await auditEventsFor(api.server, built.episodeId)).filter((event) => event.recordType === "Episode" && JSON.stringify(event.detail).includes("dischargeReason"));
      expect(discharges, `round ${round}`).toHaveLength(1);
      const interventionEnds = (await auditEventsFor(api.server, built.interventionIds[0]!)).filter((event) => event.action === "UPDATE");
      expect(interventionEnds, `round ${round}`).toHaveLength(1);
    }
  });

  it(`two completions of the same due review sent at the same moment never complete one due date twice (${ROUNDS} rounds)`, async () => {
    const t = api.server.database.tables;
    for (let round = 0; round < ROUNDS; round += 1) {
      const risk = fullRisk();
      const { episodeId } = await triagedAdult(api.keyworker, api.organisation.adultTeamId, api.organisation.staff.keyworker.id, { risk });
      await assess(api.keyworker, episodeId, { risk });
      const plan = await agreeFullPlan(api.keyworker, episodeId, api.organisation.staff.keyworker.id);
      const input = (note: string) => ({ planId: plan.planId, completedDate: "2025-06-02", goalProgress: [{ goalId: plan.goalIds[0], status: "OPEN", note }], risk });
      const answers = await Promise.all([
        api.keyworker.request<{ completeReview: { review: { dueDate: string } | null; userErrors: UserErrorShape[] } }>(COMPLETE_REVIEW, { input: input("Keyworker's review") }),
        api.lead.request<{ completeReview: { review: { dueDate: string } | null; userErrors: UserErrorShape[] } }>(COMPLETE_REVIEW, { input: input("Lead's review") }),
      ]);
      for (const answer of answers) expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      const saved = answers.map((answer) => answer.data!.completeReview).filter((payload) => payload.userErrors.length === 0);
      expect(saved.length, `round ${round}`).toBeGreaterThanOrEqual(1);

      const reviews = await api.server.database.read.select().from(t.reviews).where(eq(t.reviews.planId, localIdOf(plan.planId, "RecoveryPlan")!));
      expect(reviews).toHaveLength(saved.length);
      // Each stored review satisfies a due date of its own: the first is the plan's first due date.
      const dueDates = reviews.map((review) => review.dueDate).sort();
      expect(new Set(dueDates).size, `round ${round}: ${dueDates.join(", ")}`).toBe(dueDates.length);
      expect(dueDates[0]).toBe("2025-08-12");
      const created = (await api.server.database.read.select().from(t.auditEvents).where(eq(t.auditEvents.recordType, "Review"))).filter((event) => reviews.some((review) => review.id === event.recordId));
      expect(created).toHaveLength(reviews.length);
    }
  });
});
