import { TOP_SUBSTANCES, type IsoDate } from "@waymark/core";
import type { Viewer } from "../auth/viewer.js";
import type { InProcessApi } from "./inProcessApi.js";
import { OPERATIONS, type EpisodePayload, type OperationName } from "./operations.js";
import type { StaffKey, TeamKey } from "./organisation.js";
import type { DemoEpisode, DemoRisk, DemoStory, DemoTop, Step } from "./stories/story.js";

/** The accounts and teams the stories refer to by key, with their GraphQL IDs. */
export interface Directory {
  readonly viewers: Record<StaffKey, Viewer>;
  readonly staffIds: Record<StaffKey, string>;
  readonly teamIds: Record<TeamKey, string>;
}

/** What one episode's replay has learned: its ID, the plan under review and its goals, and its interventions. */
interface EpisodeState {
  episodeId: string | null;
  status: string | null;
  planId: string | null;
  goalIds: string[];
  readonly interventions: Map<string, string>;
}

const riskInput = (risk: DemoRisk) => ({ ...risk, suicideFactors: { ...risk.suicideFactors } });

/** A TOP as the API takes it: every answer a value, or its path listed as not disclosed. */
function outcomeInput(top: DemoTop) {
  const notDisclosed: string[] = [];
  const answer = <T>(path: string, value: T | null): T | null => {
    if (value === null) notDisclosed.push(path);
    return value;
  };
  const substanceUse = Object.fromEntries(
    TOP_SUBSTANCES.codes.map((code) => [code, { days: answer(`substanceUse.${code}.days`, top.substanceDays[code]), typicalAmount: top.typicalAmounts[code] ?? null }]),
  );
  return {
    substanceUse,
    injecting: {
      days: answer("injecting.days", top.injectingDays),
      sharedNeedles: answer("injecting.sharedNeedles", top.sharedNeedles),
      sharedOtherEquipment: answer("injecting.sharedOtherEquipment", top.sharedOtherEquipment),
    },
    crime: { shoplifting: top.shoplifting, drugSelling: top.drugSelling, otherTheft: top.otherTheft, assaultViolence: top.assaultViolence },
    health: {
      psychologicalHealth: top.psychologicalHealth,
      physicalHealth: top.physicalHealth,
      qualityOfLife: top.qualityOfLife,
      paidWorkDays: top.paidWorkDays,
      educationDays: top.educationDays,
      acuteHousingProblem: top.acuteHousingProblem,
      atRiskOfEviction: top.atRiskOfEviction,
    },
    outcomeStar: top.outcomeStar,
    notDisclosed,
  };
}

/**
 * Replays stories through the API. Each step becomes the mutation a keyworker would use, sent as the staff
 * member the story names on the day it happened; any refusal stops the seed with the rule that refused.
 */
export class StoryReplay {
  constructor(
    private readonly api: InProcessApi,
    private readonly directory: Directory,
  ) {}

  private send<T>(operation: OperationName, input: Record<string, unknown>, by: StaffKey, date: IsoDate): Promise<T> {
    return this.api.mutate<T>(operation, OPERATIONS[operation], { input }, this.directory.viewers[by], date);
  }

  async replay(story: DemoStory): Promise<void> {
    const { person } = story;
    const registered = await this.send<{ serviceUser: { id: string } }>(
      "registerServiceUser",
      { ...person, teamId: this.directory.teamIds[story.registeredTeam] },
      story.registeredBy,
      story.registeredOn,
    );
    for (const episode of story.episodes) await this.replayEpisode(registered.serviceUser.id, episode, story);
  }

  private async replayEpisode(serviceUserId: string, episode: DemoEpisode, story: DemoStory): Promise<void> {
    const state: EpisodeState = { episodeId: null, status: null, planId: null, goalIds: [], interventions: new Map() };
    for (const step of episode.steps) {
      try {
        await this.replayStep(serviceUserId, episode, step, state);
      } catch (error) {
        throw new Error(`Demo person ${story.person.localReference} (${story.archetype}), ${step.kind} on ${step.date}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (state.status !== episode.expectedStatus) {
      throw new Error(`Demo person ${story.person.localReference} (${story.archetype}) ended ${state.status}, not ${episode.expectedStatus} as the story says`);
    }
  }

  private async replayStep(serviceUserId: string, episode: DemoEpisode, step: Step, state: EpisodeState): Promise<void> {
    const { staffIds } = this.directory;
    const episodeId = step.kind === "REFERRAL" ? null : state.episodeId;
    if (step.kind !== "REFERRAL" && episodeId === null) throw new Error("the episode was not opened");
    const track = (payload: EpisodePayload) => {
      if (!payload.episode) throw new Error(`${step.by} cannot see the episode after ${step.kind}`);
      state.episodeId = payload.episode.id;
      state.status = payload.episode.status;
    };
    switch (step.kind) {
      case "REFERRAL":
        track(
          await this.send<EpisodePayload>(
            "receiveReferral",
            {
              serviceUserId,
              teamId: this.directory.teamIds[episode.team],
              referral: { receivedDate: step.date, source: step.source, referrer: step.referrer, reason: step.reason, urgency: step.urgency },
              keyworkerId: step.keyworker ? staffIds[step.keyworker] : null,
              ageBandOverride: step.ageBandOverrideReason ? { reason: step.ageBandOverrideReason } : null,
            },
            step.by,
            step.date,
          ),
        );
        return;
      case "ASSESSMENT": {
        const common = {
          episodeId,
          date: step.date,
          needs: Object.entries(step.needs).map(([domain, level]) => ({ domain, level })),
          risk: step.risk ? riskInput(step.risk) : null,
          recoveryCapital: step.recoveryCapital ? { items: step.recoveryCapital } : null,
        };
        if (step.assessmentKind === "TRIAGE") {
          track(await this.send<EpisodePayload>("recordTriage", { ...common, problemSubstances: step.problemSubstances, injectingStatus: step.injectingStatus }, step.by, step.date));
        } else {
          await this.send("recordAssessment", { ...common, kind: step.assessmentKind }, step.by, step.date);
        }
        return;
      }
      case "PLAN": {
        const payload = await this.send<EpisodePayload & { recoveryPlan: { id: string; goals: { id: string }[] } }>(
          "agreeRecoveryPlan",
          {
            episodeId,
            kind: step.planKind,
            startDate: step.date,
            goals: step.goals,
            agreedWithServiceUser: true,
            signedOffById: step.signedOff ? staffIds[step.by] : null,
            signedOffDate: step.signedOff ? step.date : null,
            personalBudget: step.budget,
          },
          step.by,
          step.date,
        );
        track(payload);
        if (step.signedOff) {
          state.planId = payload.recoveryPlan.id;
          state.goalIds = payload.recoveryPlan.goals.map((goal) => goal.id);
        }
        return;
      }
      case "REVIEW":
        if (!state.planId) throw new Error("no signed-off plan to review");
        await this.send(
          "completeReview",
          {
            planId: state.planId,
            completedDate: step.date,
            goalProgress: step.goalProgress.map((progress) => ({ goalId: state.goalIds[progress.goalIndex], status: progress.status, note: progress.note })),
            risk: riskInput(step.risk),
          },
          step.by,
          step.date,
        );
        return;
      case "INTERVENTION": {
        const payload = await this.send<EpisodePayload & { intervention: { id: string } }>(
          "recordIntervention",
          {
            episodeId,
            catalogueItemCode: step.code,
            subTypes: step.subTypes,
            startDate: step.date,
            endDate: step.endDate,
            plannedEndDate: step.plannedEndDate,
            plannedSessions: step.plannedSessions,
            setting: step.setting,
            // Mutual-aid groups and advice agencies deliver their own support; the service arranges it.
            deliveredById: step.code === "ROSC_FACILITATED_MUTUAL_AID" || step.code === "ROSC_SOCIAL_FINANCIAL_RELATIONSHIP_SUPPORT" ? null : staffIds[step.by],
            notes: step.notes,
            interestExpressedDate: step.interestExpressedDate,
            firstContactActions: step.firstContactActions,
            contactSchedule: step.contactSchedule.length > 0 ? step.contactSchedule : null,
          },
          step.by,
          step.date,
        );
        track(payload);
        state.interventions.set(step.ref, payload.intervention.id);
        return;
      }
      case "END_INTERVENTION": {
        const id = state.interventions.get(step.ref);
        if (!id) throw new Error(`no intervention ${step.ref} to end`);
        await this.send("endIntervention", { id, endDate: step.date }, step.by, step.date);
        return;
      }
      case "TOP":
        await this.send("recordOutcome", { episodeId, stage: step.stage, date: step.date, ...outcomeInput(step.top) }, step.by, step.date);
        return;
      case "CONTACT":
        await this.send("recordContact", { episodeId, date: step.date, time: step.time, kind: step.contactKind, outcome: step.outcome, notes: step.notes }, step.by, step.date);
        return;
      case "HARM_REDUCTION": {
        const { naloxoneIssuedTo, naloxoneTrainingGiven, hepatitisBVaccination, hepatitisCTest, hivTest } = step;
        await this.send("recordHarmReduction", { episodeId, date: step.date, naloxoneIssuedTo, naloxoneTrainingGiven, hepatitisBVaccination, hepatitisCTest, hivTest }, step.by, step.date);
        return;
      }
      case "REASSIGN":
        track(await this.send<EpisodePayload>("reassignKeyworker", { episodeId, keyworkerId: staffIds[step.to] }, step.by, step.date));
        return;
      case "DISCHARGE":
        track(await this.send<EpisodePayload>("dischargeEpisode", { episodeId, reason: step.reason, dischargeDate: step.date }, step.by, step.date));
        return;
    }
  }
}
