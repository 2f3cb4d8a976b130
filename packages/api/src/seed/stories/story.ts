import type {
  AssessmentKind,
  BbvStatus,
  ContactKind,
  ContactOutcome,
  DischargeReason,
  EpisodeStatus,
  FirstContactAction,
  GoalStatus,
  InjectingStatus,
  InterventionSetting,
  IsoDate,
  NaloxoneRecipient,
  NeedDomain,
  NeedLevel,
  OutcomeStarArea,
  PlanKind,
  ReferralSource,
  ReferralUrgency,
  RiskLevel,
  Route,
  ServiceUserInput,
  Substance,
  TopSubstance,
} from "@waymark/core";
import type { StaffKey, TeamKey } from "../organisation.js";

/**
 * A demo person's story as plain data: who they are and, in date order, each thing the service recorded
 * about them. Stories are written first and then replayed through the API, so the whole demo is data a
 * reader can check against the rules, and every record goes through the same mutations a keyworker uses.
 */
export type DemoPerson = ServiceUserInput;

export interface DemoRisk {
  readonly selfHarmOrSuicide: RiskLevel;
  readonly overdose: RiskLevel;
  readonly toOthers: RiskLevel;
  readonly fromOthers: RiskLevel;
  readonly domesticAbuse: boolean;
  readonly toChildren: RiskLevel;
  readonly suicideFactors: {
    readonly bereavement: boolean;
    readonly relationshipBreakdown: boolean;
    readonly domesticOrSexualAbuseHistory: boolean;
    readonly isCarer: boolean;
  };
  readonly notes: string | null;
}

export interface DemoProblemSubstance {
  readonly rank: 1 | 2 | 3;
  readonly substance: Substance;
  readonly ageOfFirstUse: number;
  readonly route: Route;
}

export interface DemoGoal {
  readonly domain: NeedDomain;
  readonly description: string;
  readonly targetDate: IsoDate | null;
}

/** A TOP's answers; null stands for "not disclosed". */
export interface DemoTop {
  readonly substanceDays: Readonly<Record<TopSubstance, number | null>>;
  readonly typicalAmounts: Readonly<Partial<Record<TopSubstance, string>>>;
  readonly injectingDays: number | null;
  readonly sharedNeedles: boolean | null;
  readonly sharedOtherEquipment: boolean | null;
  readonly shoplifting: number;
  readonly drugSelling: number;
  readonly otherTheft: number;
  readonly assaultViolence: number;
  readonly psychologicalHealth: number;
  readonly physicalHealth: number;
  readonly qualityOfLife: number;
  readonly paidWorkDays: number;
  readonly educationDays: number;
  readonly acuteHousingProblem: boolean;
  readonly atRiskOfEviction: boolean;
  /** The alcohol Outcome Star, taken with some alcohol clients' TOPs. */
  readonly outcomeStar: Readonly<Partial<Record<OutcomeStarArea, number>>> | null;
}

interface StepBase {
  readonly date: IsoDate;
  /** The staff member who records it; the API sees them as the signed-in viewer. */
  readonly by: StaffKey;
}

export type Step =
  | (StepBase & {
      readonly kind: "REFERRAL";
      readonly team: TeamKey;
      readonly keyworker: StaffKey | null;
      readonly source: ReferralSource;
      readonly referrer: string | null;
      readonly reason: string;
      readonly urgency: ReferralUrgency;
      readonly ageBandOverrideReason: string | null;
    })
  | (StepBase & {
      readonly kind: "ASSESSMENT";
      readonly assessmentKind: AssessmentKind;
      readonly needs: Readonly<Partial<Record<NeedDomain, NeedLevel>>>;
      readonly risk: DemoRisk | null;
      readonly recoveryCapital: readonly number[] | null;
      /** Recorded with the triage: what the person uses, ranked. */
      readonly problemSubstances: readonly DemoProblemSubstance[] | null;
      readonly injectingStatus: InjectingStatus | null;
    })
  | (StepBase & {
      readonly kind: "PLAN";
      readonly planKind: PlanKind;
      readonly goals: readonly DemoGoal[];
      readonly signedOff: boolean;
      readonly budget: { readonly allocatedPence: number; readonly lines: readonly { readonly item: string; readonly costPence: number }[] } | null;
    })
  | (StepBase & {
      readonly kind: "INTERVENTION";
      /** The story's own name for it, so a later step can end it. */
      readonly ref: string;
      readonly code: string;
      readonly subTypes: readonly string[];
      readonly setting: InterventionSetting;
      readonly endDate: IsoDate | null;
      readonly plannedEndDate: IsoDate | null;
      readonly plannedSessions: number | null;
      readonly interestExpressedDate: IsoDate | null;
      readonly firstContactActions: readonly FirstContactAction[];
      readonly contactSchedule: readonly IsoDate[];
      readonly notes: string | null;
    })
  | (StepBase & { readonly kind: "END_INTERVENTION"; readonly ref: string })
  | (StepBase & {
      readonly kind: "REVIEW";
      readonly goalProgress: readonly { readonly goalIndex: number; readonly status: GoalStatus; readonly note: string | null }[];
      readonly risk: DemoRisk;
    })
  | (StepBase & { readonly kind: "TOP"; readonly stage: "START" | "REVIEW" | "EXIT" | "POST_EXIT"; readonly top: DemoTop })
  | (StepBase & {
      readonly kind: "CONTACT";
      readonly time: string | null;
      readonly contactKind: ContactKind;
      readonly outcome: ContactOutcome;
      readonly notes: string | null;
    })
  | (StepBase & {
      readonly kind: "HARM_REDUCTION";
      readonly naloxoneIssuedTo: NaloxoneRecipient | null;
      readonly naloxoneTrainingGiven: boolean;
      readonly hepatitisBVaccination: BbvStatus | null;
      readonly hepatitisCTest: BbvStatus | null;
      readonly hivTest: BbvStatus | null;
    })
  | (StepBase & { readonly kind: "REASSIGN"; readonly to: StaffKey })
  | (StepBase & { readonly kind: "DISCHARGE"; readonly reason: DischargeReason });

export type StepKind = Step["kind"];

export interface DemoEpisode {
  readonly team: TeamKey;
  readonly steps: readonly Step[];
  /** Where the journey should stand once every step is replayed; the seed checks it. */
  readonly expectedStatus: EpisodeStatus;
}

/** One person: registered once, with one episode, or two for a re-presentation. */
export interface DemoStory {
  readonly archetype: string;
  readonly person: DemoPerson;
  readonly registeredOn: IsoDate;
  readonly registeredBy: StaffKey;
  readonly registeredTeam: TeamKey;
  readonly episodes: readonly DemoEpisode[];
}
