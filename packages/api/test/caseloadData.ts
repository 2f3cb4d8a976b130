import { randomUUID } from "node:crypto";
import type { ContactKind, ContactOutcome, EpisodeStatus, IsoDate, RiskAssessment, Substance, TopStage } from "@waymark/core";
import { eq } from "drizzle-orm";
import { outcomeColumnsOf } from "../src/db/mappers.js";
import type { Db } from "../src/db/database.js";
import { refreshEpisodeSummary } from "../src/services/episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "../src/services/referenceData.js";
import type { TestServer } from "./testServer.js";

/**
 * Writes people, episodes and their records straight into a test server's database and refreshes each
 * episode's derived columns as every write does, so the working lists can be tested on any shape of data
 * without going through the journey's mutations.
 */

export interface PersonSpec {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly preferredName?: string | null;
  readonly localReference?: string;
  readonly dateOfBirth?: IsoDate;
  readonly pregnant?: boolean;
  readonly childUnder5InHousehold?: boolean;
}

export interface PlanSpec {
  readonly signedOffDate: IsoDate | null;
  readonly startDate?: IsoDate;
  readonly reviewIntervalWeeks?: number;
  /** Completion dates of the plan's reviews. */
  readonly reviews?: readonly IsoDate[];
  readonly enteredInError?: boolean;
}

export interface InterventionSpec {
  readonly code: string;
  readonly startDate: IsoDate;
  readonly endDate?: IsoDate | null;
  readonly enteredInError?: boolean;
}

export interface ContactSpec {
  readonly date: IsoDate;
  readonly time?: string | null;
  readonly kind: ContactKind;
  readonly outcome: ContactOutcome;
  readonly enteredInError?: boolean;
}

export interface AssessmentSpec {
  readonly date: IsoDate;
  /** True: a suicide-risk factor (bereavement) is present (R-RISK-2). */
  readonly suicideRiskFactor: boolean;
}

export interface EpisodeSpec {
  readonly teamId: string;
  readonly keyworkerId: string | null;
  readonly status?: EpisodeStatus;
  readonly referralDate: IsoDate;
  readonly dischargeDate?: IsoDate | null;
  readonly enteredInError?: boolean;
  readonly substances?: readonly Substance[];
  readonly assessments?: readonly AssessmentSpec[];
  readonly plans?: readonly PlanSpec[];
  readonly interventions?: readonly InterventionSpec[];
  readonly outcomes?: readonly { readonly stage: TopStage; readonly date: IsoDate }[];
  readonly contacts?: readonly ContactSpec[];
}

const STAMP_DATE = new Date("2025-01-01T00:00:00.000Z");
const stamps = { createdAt: STAMP_DATE, updatedAt: STAMP_DATE };
const errorMark = (marked: boolean | undefined, byId: string) =>
  marked ? { enteredInErrorReason: "Recorded against the wrong person", enteredInErrorById: byId, enteredInErrorOn: "2025-01-01" } : {};

function riskWith(suicideRiskFactor: boolean): RiskAssessment {
  return {
    selfHarmOrSuicide: "LOW",
    overdose: "LOW",
    toOthers: "LOW",
    fromOthers: "LOW",
    domesticAbuse: false,
    toChildren: "LOW",
    suicideFactors: { bereavement: suicideRiskFactor, relationshipBreakdown: false, domesticOrSexualAbuseHistory: false, isCarer: false },
    notes: null,
  };
}

const NO_TOP_ANSWERS = { days: 0, typicalAmount: null };

let referenceCounter = 0;

/** Writes test records through `server.database` and keeps the episodes' derived columns up to date. */
export class CaseloadData {
  constructor(
    private readonly server: TestServer,
    /** Staff recorded as the author of assessments, reviews and contacts. */
    private readonly authorId: string,
  ) {}

  async addPerson(spec: PersonSpec = {}): Promise<string> {
    const t = this.server.database.tables;
    const id = randomUUID();
    referenceCounter += 1;
    await this.server.database.write((tx) =>
      tx.insert(t.serviceUsers).values({
        id,
        pseudonym: randomUUID(),
        localReference: spec.localReference ?? `WM-${String(referenceCounter).padStart(6, "0")}-${id.slice(0, 4)}`,
        firstName: spec.firstName ?? "Sam",
        lastName: spec.lastName ?? "Person",
        preferredName: spec.preferredName ?? null,
        dateOfBirth: spec.dateOfBirth ?? "1980-05-17",
        sex: "NOT_STATED",
        ethnicity: "NOT_STATED",
        consentToNationalReporting: "YES",
        consentToShareWithGp: "YES",
        childUnder5InHousehold: spec.childUnder5InHousehold ?? false,
        pregnant: spec.pregnant ?? false,
        isCarer: false,
        accommodationNeed: "NO_PROBLEM",
        ...stamps,
      }),
    );
    return id;
  }

  /** Writes an episode with all its records and refreshes its derived columns as of `asOf`. */
  async addEpisode(serviceUserId: string, spec: EpisodeSpec, asOf: IsoDate = this.server.clock.today()): Promise<string> {
    const episodeId = randomUUID();
    await this.server.database.write(async (tx) => {
      await this.insertEpisode(tx, serviceUserId, episodeId, spec);
      await this.refreshIn(tx, episodeId, asOf);
    });
    return episodeId;
  }

  /** Adds contacts to an episode, as recording them would, and refreshes it as of `asOf`. */
  async addContacts(episodeId: string, contacts: readonly ContactSpec[], asOf: IsoDate = this.server.clock.today()): Promise<void> {
    await this.server.database.write(async (tx) => {
      await this.insertContacts(tx, episodeId, contacts);
      await this.refreshIn(tx, episodeId, asOf);
    });
  }

  /** Re-derives an episode's columns as of `asOf`, as any later write to it would. */
  async refresh(episodeId: string, asOf: IsoDate): Promise<void> {
    await this.server.database.write((tx) => this.refreshIn(tx, episodeId, asOf));
  }

  private async refreshIn(tx: Db, episodeId: string, asOf: IsoDate): Promise<void> {
    const t = this.server.database.tables;
    const [catalogue, settings] = await Promise.all([loadCatalogue(tx, t), loadServiceSettings(tx, t)]);
    await refreshEpisodeSummary(tx, t, episodeId, asOf, catalogue, settings);
  }

  private async insertContacts(tx: Db, episodeId: string, contacts: readonly ContactSpec[]): Promise<void> {
    const t = this.server.database.tables;
    if (contacts.length === 0) return;
    await tx.insert(t.contacts).values(
      contacts.map((contact) => ({
        id: randomUUID(),
        episodeId,
        date: contact.date,
        time: contact.time ?? null,
        kind: contact.kind,
        outcome: contact.outcome,
        staffId: this.authorId,
        notes: null,
        ...stamps,
        ...errorMark(contact.enteredInError, this.authorId),
      })),
    );
  }

  private async insertEpisode(tx: Db, serviceUserId: string, episodeId: string, spec: EpisodeSpec): Promise<void> {
    const t = this.server.database.tables;
    const author = this.authorId;
    await tx.insert(t.episodes).values({
      id: episodeId,
      serviceUserId,
      teamId: spec.teamId,
      keyworkerId: spec.keyworkerId,
      status: spec.status ?? "IN_TREATMENT",
      referralDate: spec.referralDate,
      referralSource: "SELF",
      referrer: null,
      referralReason: "Asked for help",
      referralUrgency: "ROUTINE",
      dischargeDate: spec.dischargeDate ?? null,
      dischargeReason: spec.dischargeDate ? "COMPLETED_DRUG_FREE" : null,
      ...stamps,
      ...errorMark(spec.enteredInError, author),
    });
    const substances = spec.substances ?? ["HEROIN"];
    if (substances.length > 0) {
      await tx.insert(t.problemSubstances).values(substances.map((substance, index) => ({ episodeId, rank: index + 1, substance, ageOfFirstUse: null, route: null })));
    }
    for (const assessment of spec.assessments ?? []) {
      await tx.insert(t.assessments).values({
        id: randomUUID(),
        episodeId,
        kind: "COMPREHENSIVE",
        date: assessment.date,
        assessorId: author,
        needs: {},
        risk: riskWith(assessment.suicideRiskFactor),
        recoveryCapitalItems: null,
        ...stamps,
      });
    }
    for (const plan of spec.plans ?? []) {
      const planId = randomUUID();
      await tx.insert(t.recoveryPlans).values({
        id: planId,
        episodeId,
        kind: "FULL",
        startDate: plan.startDate ?? plan.signedOffDate ?? spec.referralDate,
        agreedWithServiceUser: true,
        signedOffById: plan.signedOffDate ? author : null,
        signedOffDate: plan.signedOffDate,
        reviewIntervalWeeks: plan.reviewIntervalWeeks ?? 12,
        budgetAllocatedPence: null,
        ...stamps,
        ...errorMark(plan.enteredInError, author),
      });
      for (const completedDate of plan.reviews ?? []) {
        await tx.insert(t.reviews).values({ id: randomUUID(), planId, episodeId, dueDate: completedDate, completedDate, completedById: author, risk: riskWith(false), ...stamps });
      }
    }
    for (const intervention of spec.interventions ?? []) {
      await tx.insert(t.interventions).values({
        id: randomUUID(),
        episodeId,
        catalogueItemCode: intervention.code,
        subTypes: [],
        startDate: intervention.startDate,
        endDate: intervention.endDate ?? null,
        plannedEndDate: null,
        plannedSessions: null,
        setting: "COMMUNITY",
        deliveredById: author,
        notes: null,
        interestExpressedDate: null,
        firstContactActions: [],
        contactSchedule: [],
        ...stamps,
        ...errorMark(intervention.enteredInError, author),
      });
    }
    for (const outcome of spec.outcomes ?? []) {
      const answers = { ALCOHOL: NO_TOP_ANSWERS, OPIATES: NO_TOP_ANSWERS, CRACK: NO_TOP_ANSWERS, COCAINE: NO_TOP_ANSWERS, AMPHETAMINES: NO_TOP_ANSWERS, CANNABIS: NO_TOP_ANSWERS, OTHER: NO_TOP_ANSWERS, TOBACCO: NO_TOP_ANSWERS };
      const columns = outcomeColumnsOf({
        episodeId,
        stage: outcome.stage,
        date: outcome.date,
        substanceUse: answers,
        injecting: { days: 0, sharedNeedles: false, sharedOtherEquipment: false },
        crime: { shoplifting: 0, drugSelling: 0, otherTheft: 0, assaultViolence: 0 },
        health: { psychologicalHealth: 10, physicalHealth: 10, qualityOfLife: 10, paidWorkDays: 0, educationDays: 0, acuteHousingProblem: false, atRiskOfEviction: false },
        outcomeStar: null,
      });
      await tx.insert(t.outcomeRecords).values({ id: randomUUID(), ...columns, ...stamps });
    }
    await this.insertContacts(tx, episodeId, spec.contacts ?? []);
  }

  /** The episode's stored row, for tests that look at the derived columns. */
  async episodeRow(episodeId: string) {
    const t = this.server.database.tables;
    const [row] = await this.server.database.read.select().from(t.episodes).where(eq(t.episodes.id, episodeId));
    return row;
  }
}
