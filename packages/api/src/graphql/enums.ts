import {
  ACCOMMODATION_NEEDS,
  ASSESSMENT_KINDS,
  AUDIT_ACTIONS,
  BBV_STATUSES,
  COHORTS,
  CONSENT_ANSWERS,
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  DISCHARGE_REASONS,
  EPISODE_STATUSES,
  ETHNICITIES,
  FIRST_CONTACT_ACTIONS,
  GOAL_STATUSES,
  INJECTING_STATUSES,
  INTERVENTION_SETTINGS,
  MODALITIES,
  NALOXONE_RECIPIENTS,
  NEED_DOMAINS,
  NEED_LEVELS,
  PHASES,
  PLAN_KINDS,
  REFERRAL_SOURCES,
  REFERRAL_URGENCIES,
  RISK_LEVELS,
  ROLES,
  ROUTES,
  SEXES,
  SUBSTANCES,
  TOP_STAGES,
  type CodeListEntry,
} from "@waymark/core";
import { registerEnumType } from "type-graphql";

/**
 * GraphQL enums made from core's code lists, so the schema, the database and the rules share one list of
 * codes. Each value carries its label as its description for analysts reading the schema.
 */
function enumOf<C extends string>(name: string, description: string, list: { readonly entries: readonly CodeListEntry<C>[] }): Record<C, C> {
  const values = Object.fromEntries(list.entries.map((entry) => [entry.code, entry.code])) as Record<C, C>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(list.entries.map((entry) => [entry.code, { description: entry.label }])) as never,
  });
  return values;
}

export const RoleEnum = enumOf("Role", "A staff member's role, which decides what they may see and do.", ROLES);
export const SexEnum = enumOf("Sex", "Sex as recorded.", SEXES);
export const EthnicityEnum = enumOf("Ethnicity", "Ethnic group, as asked in the 2021 census of England and Wales.", ETHNICITIES);
export const ConsentEnum = enumOf("ConsentAnswer", "A consent answer; NOT_ASKED is kept apart from NO.", CONSENT_ANSWERS);
export const AccommodationNeedEnum = enumOf("AccommodationNeed", "The person's housing situation.", ACCOMMODATION_NEEDS);
export const EpisodeStatusEnum = enumOf("EpisodeStatus", "Where an episode is on the journey from referral to discharge.", EPISODE_STATUSES);
export const ReferralSourceEnum = enumOf("ReferralSource", "Where a referral came from.", REFERRAL_SOURCES);
export const ReferralUrgencyEnum = enumOf("ReferralUrgency", "How urgently a referral needs a response.", REFERRAL_URGENCIES);
export const DischargeReasonEnum = enumOf("DischargeReason", "Why an episode ended. The three COMPLETED_ reasons are successful completions.", DISCHARGE_REASONS);
export const SubstanceEnum = enumOf("Substance", "A problem substance. The first four are opiates.", SUBSTANCES);
export const RouteEnum = enumOf("Route", "How a substance is taken.", ROUTES);
export const InjectingStatusEnum = enumOf("InjectingStatus", "Whether the person injects.", INJECTING_STATUSES);
export const CohortEnum = enumOf("Cohort", "The treatment population an episode counts in, from its problem substances.", COHORTS);
export const AssessmentKindEnum = enumOf("AssessmentKind", "The kind of assessment.", ASSESSMENT_KINDS);
export const NeedDomainEnum = enumOf("NeedDomain", "A life area a needs assessment covers.", NEED_DOMAINS);
export const NeedLevelEnum = enumOf("NeedLevel", "How much need was assessed in a domain.", NEED_LEVELS);
export const RiskLevelEnum = enumOf("RiskLevel", "A level of risk.", RISK_LEVELS);
export const PlanKindEnum = enumOf("PlanKind", "Interim plan after triage, or full recovery action plan after a comprehensive assessment.", PLAN_KINDS);
export const GoalStatusEnum = enumOf("GoalStatus", "Where a recovery-plan goal stands.", GOAL_STATUSES);
export const InterventionSettingEnum = enumOf("InterventionSetting", "Where an intervention is delivered.", INTERVENTION_SETTINGS);
export const ModalityEnum = enumOf("Modality", "The kind of intervention.", MODALITIES);
export const PhaseEnum = enumOf("Phase", "When in the journey an intervention may be recorded.", PHASES);
export const TopStageEnum = enumOf("TopStage", "The point in an episode a Treatment Outcomes Profile was taken.", TOP_STAGES);
export const ContactKindEnum = enumOf("ContactKind", "The kind of contact.", CONTACT_KINDS);
export const ContactOutcomeEnum = enumOf("ContactOutcome", "What happened at a contact.", CONTACT_OUTCOMES);
export const NaloxoneRecipientEnum = enumOf("NaloxoneRecipient", "Who naloxone was given to.", NALOXONE_RECIPIENTS);
export const BbvStatusEnum = enumOf("BbvStatus", "Status of a blood-borne-virus vaccination or test.", BBV_STATUSES);
export const FirstContactActionEnum = enumOf("FirstContactAction", "What staff did to make the first contact with a mutual-aid group.", FIRST_CONTACT_ACTIONS);
export const AuditActionEnum = enumOf("AuditAction", "What an audit event records.", AUDIT_ACTIONS);
