import type { DischargeReason, EpisodeStatus, IsoDate, NeedDomain, NeedLevel, Substance } from "@waymark/core";
import { randomUUID } from "node:crypto";
import { toGlobalId } from "../src/graphql/globalId.js";
import { refreshEpisodeSummary } from "../src/services/episodeSummary.js";
import { loadCatalogue, loadServiceSettings } from "../src/services/referenceData.js";
import type { Organisation } from "./fixtures.js";
import { fullRisk } from "./journeySteps.js";
import type { TestServer } from "./testServer.js";

/** The dates a built episode's journey follows, a few months before the test server's default today (2025-06-02). */
export const JOURNEY = {
  referralDate: "2025-01-06",
  triageDate: "2025-01-13",
  assessmentDate: "2025-01-20",
  planSignedOff: "2025-01-27",
  treatmentStart: "2025-02-03",
} as const;

export interface BuiltIntervention {
  readonly code: string;
  readonly startDate: IsoDate;
  readonly endDate?: IsoDate | null;
  readonly subTypes?: readonly string[];
}

export interface EpisodeSpec {
  readonly status: EpisodeStatus;
  /** Default: the adult team. */
  readonly teamId?: string;
  /** Default: Kim, the organisation's keyworker. */
  readonly keyworkerId?: string | null;
  /** Default: heroin, which makes the episode an opiate one (R-COH-1). */
  readonly substances?: readonly Substance[];
  /** Need levels of the comprehensive assessment. Default: a high substance-use need only. */
  readonly needs?: Partial<Record<NeedDomain, NeedLevel>>;
  /**
   * Interventions written as they stand. Default: an IN_TREATMENT, COMPLETED or CLOSED-from-treatment episode
   * gets motivational interventions from JOURNEY.treatmentStart (ended at discharge when discharged).
   */
  readonly interventions?: readonly BuiltIntervention[];
  readonly dischargeDate?: IsoDate;
  readonly dischargeReason?: DischargeReason;
}

export interface BuiltEpisode {
  readonly serviceUserId: string;
  readonly episodeId: string;
  /** The episode's global ID, for mutation inputs. */
  readonly episodeGlobalId: string;
  readonly interventionIds: readonly string[];
}

const BEFORE_TREATMENT: readonly EpisodeStatus[] = ["REFERRED", "TRIAGED", "ASSESSED"];

/**
 * Writes a person and one episode in the chosen state straight into the database, with the triage,
 * assessment and plan rows that state implies, then refreshes the episode's derived columns as every write
 * does. Tests of interventions, TOPs, contacts and discharge start from here rather than walking the whole
 * journey through the API.
 */
export async function buildEpisode(server: TestServer, organisation: Organisation, spec: EpisodeSpec): Promise<BuiltEpisode> {
  const { database } = server;
  const t = database.tables;
  const now = server.clock.now();
  const serviceUserId = randomUUID();
  const episodeId = randomUUID();
  const teamId = spec.teamId ?? organisation.adultTeamId;
  const reachedTriage = spec.status !== "REFERRED";
  const reachedAssessment = reachedTriage && spec.status !== "TRIAGED";
  const discharged = spec.status === "COMPLETED" || spec.status === "CLOSED";
  const dischargeDate = discharged ? (spec.dischargeDate ?? "2025-05-01") : null;
  const dischargeReason = discharged ? (spec.dischargeReason ?? (spec.status === "COMPLETED" ? "COMPLETED_DRUG_FREE" : "DROPPED_OUT")) : null;
  const treated = !BEFORE_TREATMENT.includes(spec.status) && !(spec.status === "CLOSED" && spec.dischargeReason === "COMMENCEMENT_DECLINED");
  const interventions =
    spec.interventions ?? (treated ? [{ code: "MOTIVATIONAL_INTERVENTIONS", startDate: JOURNEY.treatmentStart, endDate: dischargeDate }] : []);
  const stamps = { createdAt: now, updatedAt: now, createdById: organisation.staff.keyworker.id };
  const interventionIds = interventions.map(() => randomUUID());

  await database.write(async (tx) => {
    await tx.insert(t.serviceUsers).values({
      id: serviceUserId,
      pseudonym: randomUUID(),
      localReference: `T-${serviceUserId.slice(0, 8)}`,
      firstName: "Robin",
      lastName: "Test",
      dateOfBirth: "1980-04-12",
      sex: "FEMALE",
      ethnicity: "WHITE_BRITISH",
      consentToNationalReporting: "YES",
      consentToShareWithGp: "YES",
      childUnder5InHousehold: false,
      pregnant: false,
      isCarer: false,
      accommodationNeed: "NO_PROBLEM",
      registeredTeamId: teamId,
      ...stamps,
    });
    await tx.insert(t.episodes).values({
      id: episodeId,
      serviceUserId,
      teamId,
      keyworkerId: spec.keyworkerId === undefined ? organisation.staff.keyworker.id : spec.keyworkerId,
      status: spec.status,
      referralDate: JOURNEY.referralDate,
      referralSource: "SELF",
      referralReason: "Wants help with drug use",
      referralUrgency: "ROUTINE",
      triageDate: reachedTriage ? JOURNEY.triageDate : null,
      injectingStatus: "NEVER",
      dischargeDate,
      dischargeReason,
      ...stamps,
    });
    const substances = spec.substances ?? ["HEROIN"];
    if (substances.length > 0) {
      await tx.insert(t.problemSubstances).values(substances.map((substance, index) => ({ episodeId, rank: index + 1, substance, ageOfFirstUse: 20, route: "SMOKE" })));
    }
    if (reachedTriage) {
      const triagePlanId = randomUUID();
      await tx.insert(t.assessments).values({ id: randomUUID(), episodeId, kind: "TRIAGE", date: JOURNEY.triageDate, assessorId: organisation.staff.keyworker.id, needs: { SUBSTANCE_USE: "HIGH" }, risk: fullRisk(), ...stamps });
      await tx.insert(t.recoveryPlans).values({ id: triagePlanId, episodeId, kind: "INTERIM", startDate: JOURNEY.triageDate, agreedWithServiceUser: true, reviewIntervalWeeks: 12, ...stamps });
      await tx.insert(t.planGoals).values({ id: randomUUID(), planId: triagePlanId, position: 0, domain: "SUBSTANCE_USE", description: "Attend the first appointments", targetDate: null, status: "OPEN" });
    }
    if (reachedAssessment) {
      const planId = randomUUID();
      await tx.insert(t.assessments).values({
        id: randomUUID(),
        episodeId,
        kind: "COMPREHENSIVE",
        date: JOURNEY.assessmentDate,
        assessorId: organisation.staff.keyworker.id,
        needs: { SUBSTANCE_USE: "HIGH", ...spec.needs },
        risk: fullRisk(),
        ...stamps,
      });
      await tx.insert(t.recoveryPlans).values({
        id: planId,
        episodeId,
        kind: "FULL",
        startDate: JOURNEY.planSignedOff,
        agreedWithServiceUser: true,
        signedOffById: organisation.staff.keyworker.id,
        signedOffDate: JOURNEY.planSignedOff,
        reviewIntervalWeeks: 12,
        ...stamps,
      });
      await tx.insert(t.planGoals).values({ id: randomUUID(), planId, position: 0, domain: "SUBSTANCE_USE", description: "Stop using heroin", targetDate: null, status: "OPEN" });
    }
    if (interventions.length > 0) {
      await tx.insert(t.interventions).values(
        interventions.map((intervention, index) => ({
          id: interventionIds[index]!,
          episodeId,
          catalogueItemCode: intervention.code,
          subTypes: [...(intervention.subTypes ?? [])],
          startDate: intervention.startDate,
          endDate: intervention.endDate ?? null,
          setting: "COMMUNITY",
          firstContactActions: [],
          contactSchedule: [],
          ...stamps,
        })),
      );
    }
    await refreshEpisodeSummary(tx, t, episodeId, server.clock.today(), await loadCatalogue(tx, t), await loadServiceSettings(tx, t));
  });
  return { serviceUserId, episodeId, episodeGlobalId: toGlobalId("Episode", episodeId), interventionIds };
}
