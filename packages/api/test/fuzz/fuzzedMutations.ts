import { PASSWORD } from "../fixtures.js";
import { comprehensiveInput, fullRisk, referral, triageInput } from "../journeySteps.js";
import { completeTopSections, signedOffFullPlan } from "../roleMatrix/clinicalInputs.js";
import type { MatrixRecords } from "../roleMatrix/matrixRecords.js";
import type { StaffKey } from "../signedInServer.js";

/**
 * Who sends a fuzzed mutation: a member of staff signed in once for the whole run, or someone not signed
 * in (signing in and out are theirs).
 */
export type FuzzCaller = StaffKey | "anonymous";

export interface FuzzedMutation {
  /** Callers the role matrix lets through (DOMAIN §1), so generated inputs reach the resolvers' own checks. */
  readonly callers: readonly FuzzCaller[];
  /** The global ID types a real `id` in the input names; "StaffTarget" is an account that is no caller's. */
  readonly ids?: readonly string[];
  /**
   * Input fields that make the request one the rules accept for a record in the right state (as the role
   * matrix's rows do), under the generated fields: a case that fuzzes one field then tests that field's checks
   * rather than failing on a required part left empty.
   */
  readonly base?: (records: MatrixRecords) => Record<string, unknown>;
}

const CLINICIANS: readonly FuzzCaller[] = ["keyworker", "lead"];
const ADMIN: readonly FuzzCaller[] = ["admin"];
const EVERYONE: readonly FuzzCaller[] = ["keyworker", "lead", "admin"];

/** The clinical records markEnteredInError takes. */
const MARKABLE = ["Episode", "Assessment", "RecoveryPlan", "Review", "Intervention", "OutcomeRecord", "Contact", "HarmReductionRecord"];

/**
 * Every mutation the fuzzer runs, in the order it runs them: the clinical ones first, while the reference data
 * and team settings are as the organisation set them; configuration after, since its accepted cases retire
 * catalogue items and change teams; signing in last, since its refusals lock accounts and addresses. The
 * schema is the list of mutations, so a new one fails the suite until it is fuzzed here.
 */
export const FUZZED_MUTATIONS: Readonly<Record<string, FuzzedMutation>> = {
  registerServiceUser: { callers: CLINICIANS },
  updateServiceUser: { callers: CLINICIANS, ids: ["ServiceUser"], base: (r) => ({ id: r.serviceUserId, version: r.serviceUserVersion }) },
  receiveReferral: { callers: CLINICIANS, base: (r) => ({ referral: referral({ receivedDate: r.today }) }) },
  recordTriage: { callers: CLINICIANS, base: (r) => triageInput(r.episodeId, { date: r.today }) },
  recordAssessment: { callers: CLINICIANS, base: (r) => comprehensiveInput(r.episodeId, { date: r.today }) },
  agreeRecoveryPlan: { callers: CLINICIANS, base: (r) => signedOffFullPlan(r.keyworkerId, r.today) },
  completeReview: { callers: CLINICIANS, base: () => ({ risk: fullRisk() }) },
  recordIntervention: { callers: CLINICIANS, base: () => ({ catalogueItemCode: "CBT_SUBSTANCE_USE" }) },
  endIntervention: { callers: CLINICIANS, ids: ["Intervention"] },
  recordOutcome: { callers: CLINICIANS, base: () => ({ stage: "START", ...completeTopSections() }) },
  recordContact: { callers: CLINICIANS },
  recordHarmReduction: { callers: CLINICIANS, base: () => ({ naloxoneTrainingGiven: true }) },
  // Omar covers for Kim, in the same team: the break-glass path.
  breakGlass: { callers: ["keyworker", "lead", "otherKeyworker"] },
  markEnteredInError: { callers: CLINICIANS, ids: MARKABLE },
  dischargeEpisode: { callers: CLINICIANS, base: () => ({ reason: "DROPPED_OUT" }) },
  reassignKeyworker: { callers: ["lead"], base: (r) => ({ keyworkerId: r.colleagueId, version: r.episodeVersion }) },
  createApiToken: { callers: EVERYONE },
  revokeApiToken: { callers: EVERYONE, ids: ["ApiToken"] },
  startExport: { callers: EVERYONE, base: () => ({ query: "{ interventionCatalogue { edges { node { code } } } }" }) },
  startNationalExtract: { callers: ADMIN, base: (r) => ({ period: { from: "2025-01-01", to: r.today } }) },
  cancelExport: { callers: EVERYONE, ids: ["ExportJob"] },
  createCatalogueItem: { callers: ADMIN },
  updateCatalogueItem: { callers: ADMIN, ids: ["CatalogueItem"] },
  retireCatalogueItem: { callers: ADMIN, ids: ["CatalogueItem"] },
  deleteCatalogueItem: { callers: ADMIN, ids: ["CatalogueItem"] },
  updateServiceSettings: { callers: ADMIN },
  createTeam: { callers: ADMIN },
  updateTeam: { callers: ADMIN, ids: ["Team"] },
  createStaffMember: { callers: ADMIN, base: (r) => ({ roles: ["PRACTITIONER"], teamIds: [r.teamId] }) },
  updateStaffMember: { callers: ADMIN, ids: ["StaffTarget"] },
  login: { callers: ["anonymous"], base: (r) => ({ email: r.account.email, password: PASSWORD }) },
  logout: { callers: ["anonymous"] },
};

/** The members of staff who call fuzzed mutations, each signed in once. */
export const SIGNED_IN_CALLERS: readonly StaffKey[] = [...new Set(Object.values(FUZZED_MUTATIONS).flatMap((mutation) => mutation.callers))].filter(
  (caller): caller is StaffKey => caller !== "anonymous",
);
