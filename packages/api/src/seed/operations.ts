/**
 * The GraphQL mutations the seed replays stories through, asking back only what later steps need: IDs,
 * the episode's status, and the goals a review reports on.
 */
const USER_ERRORS = "userErrors { code field message }";
const EPISODE = "episode { id status }";

export const OPERATIONS = {
  createTeam: `mutation CreateTeam($input: CreateTeamInput!) { createTeam(input: $input) { team { id } ${USER_ERRORS} } }`,
  createStaffMember: `mutation CreateStaffMember($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { staffMember { id } ${USER_ERRORS} } }`,
  registerServiceUser: `mutation RegisterServiceUser($input: RegisterServiceUserInput!) { registerServiceUser(input: $input) { serviceUser { id } ${USER_ERRORS} } }`,
  receiveReferral: `mutation ReceiveReferral($input: ReceiveReferralInput!) { receiveReferral(input: $input) { ${EPISODE} ${USER_ERRORS} } }`,
  recordTriage: `mutation RecordTriage($input: RecordTriageInput!) { recordTriage(input: $input) { assessment { id } ${EPISODE} ${USER_ERRORS} } }`,
  recordAssessment: `mutation RecordAssessment($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessment { id } ${USER_ERRORS} } }`,
  agreeRecoveryPlan: `mutation AgreeRecoveryPlan($input: AgreeRecoveryPlanInput!) { agreeRecoveryPlan(input: $input) { recoveryPlan { id goals { id } } ${EPISODE} ${USER_ERRORS} } }`,
  completeReview: `mutation CompleteReview($input: CompleteReviewInput!) { completeReview(input: $input) { review { id } ${USER_ERRORS} } }`,
  recordIntervention: `mutation RecordIntervention($input: RecordInterventionInput!) { recordIntervention(input: $input) { intervention { id } ${EPISODE} ${USER_ERRORS} } }`,
  endIntervention: `mutation EndIntervention($input: EndInterventionInput!) { endIntervention(input: $input) { intervention { id } ${USER_ERRORS} } }`,
  recordOutcome: `mutation RecordOutcome($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcomeRecord { id } ${USER_ERRORS} } }`,
  recordContact: `mutation RecordContact($input: RecordContactInput!) { recordContact(input: $input) { contact { id } ${USER_ERRORS} } }`,
  recordHarmReduction: `mutation RecordHarmReduction($input: RecordHarmReductionInput!) { recordHarmReduction(input: $input) { harmReductionRecord { id } ${USER_ERRORS} } }`,
  reassignKeyworker: `mutation ReassignKeyworker($input: ReassignKeyworkerInput!) { reassignKeyworker(input: $input) { ${EPISODE} ${USER_ERRORS} } }`,
  dischargeEpisode: `mutation DischargeEpisode($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { ${EPISODE} ${USER_ERRORS} } }`,
} as const;

export type OperationName = keyof typeof OPERATIONS;

export interface EpisodePayload {
  readonly episode: { readonly id: string; readonly status: string } | null;
}
