import { addDays, type EpisodeStatus, type IsoDate } from "@waymark/core";
import type { StaffKey, TeamKey } from "../organisation.js";
import type { DemoEpisode, DemoGoal, Step } from "./story.js";

/** Steps that fall on the same day are replayed in the order a keyworker would record them. */
const SAME_DAY_ORDER: Record<Step["kind"] | "ROSC" | "POST_TREATMENT", number> = {
  REFERRAL: 0,
  ASSESSMENT: 1,
  PLAN: 2,
  CONTACT: 3,
  HARM_REDUCTION: 4,
  INTERVENTION: 5,
  ROSC: 6,
  TOP: 7,
  REVIEW: 8,
  END_INTERVENTION: 9,
  REASSIGN: 10,
  DISCHARGE: 11,
  POST_TREATMENT: 12,
};

type Ordered = { readonly step: StepInput; readonly order: number; readonly sequence: number };
type StepInput = Step extends infer S ? (S extends Step ? Omit<S, "by"> & { by?: StaffKey } : never) : never;

/**
 * Collects the steps of one episode. Threads of the story (reviews, contacts, TOPs) are written one after
 * another, each in its own date order, and `build` merges them into the order they happened. Dates are
 * checked against today as they are added, so a story can never ask the API for a date in the future.
 */
export class EpisodeBuilder {
  private readonly steps: Ordered[] = [];
  private readonly handovers: { date: IsoDate; to: StaffKey }[] = [];
  private goals: DemoGoal[] = [];
  private sequence = 0;
  private interventionCount = 0;

  constructor(
    readonly team: TeamKey,
    private readonly keyworker: StaffKey | null,
    /** Who records steps while nobody is allocated: the team's duty worker. */
    private readonly dutyWorker: StaffKey,
    readonly today: IsoDate,
  ) {}

  /** The keyworker holding the episode on `date`; a reassignment takes effect the day after it is recorded. */
  keyworkerOn(date: IsoDate): StaffKey {
    const handover = this.handovers.filter((entry) => entry.date < date).at(-1);
    return handover?.to ?? this.keyworker ?? this.dutyWorker;
  }

  add(input: StepInput, order: keyof typeof SAME_DAY_ORDER = input.kind): void {
    if (input.date > this.today) throw new Error(`A demo step (${input.kind}) is dated ${input.date}, after today (${this.today})`);
    this.steps.push({ step: input, order: SAME_DAY_ORDER[order], sequence: this.sequence++ });
  }

  /** Hands the episode to another keyworker from `date`; the team lead records it. */
  reassign(date: IsoDate, to: StaffKey): void {
    this.add({ kind: "REASSIGN", date, by: "lead", to });
    this.handovers.push({ date, to });
    this.handovers.sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /** Records the goals of the plan a later review reports progress on. */
  setGoals(goals: DemoGoal[]): void {
    this.goals = goals;
  }

  currentGoals(): readonly DemoGoal[] {
    return this.goals;
  }

  /** A name for an intervention that later steps (its end) can refer to. */
  nextInterventionRef(code: string): string {
    this.interventionCount += 1;
    return `${code}#${this.interventionCount}`;
  }

  /** The last date any step has been written for, or the day before `fallback` when none has. */
  lastDate(fallback: IsoDate): IsoDate {
    return this.steps.reduce((latest, entry) => (entry.step.date > latest ? entry.step.date : latest), addDays(fallback, -1));
  }

  build(expectedStatus: EpisodeStatus): DemoEpisode {
    const ordered = [...this.steps].sort((a, b) => (a.step.date !== b.step.date ? (a.step.date < b.step.date ? -1 : 1) : a.order - b.order || a.sequence - b.sequence));
    // Who records a step is settled last, once every reassignment of the episode is known.
    const steps = ordered.map((entry) => ({ ...entry.step, by: entry.step.by ?? this.keyworkerOn(entry.step.date) }) as Step);
    return { team: this.team, steps, expectedStatus };
  }
}
