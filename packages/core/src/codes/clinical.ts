import { defineCodeList, type CodeOf } from "./codeList.js";

/** The journey's states (DOMAIN §2). */
export const EPISODE_STATUSES = defineCodeList([
  { code: "REFERRED", label: "Referred" },
  { code: "TRIAGED", label: "Triaged" },
  { code: "ASSESSED", label: "Assessed" },
  { code: "IN_TREATMENT", label: "In treatment" },
  { code: "COMPLETED", label: "Completed" },
  { code: "CLOSED", label: "Closed" },
]);
export type EpisodeStatus = CodeOf<typeof EPISODE_STATUSES>;

export const ASSESSMENT_KINDS = defineCodeList([
  { code: "TRIAGE", label: "Triage (initial assessment)" },
  { code: "COMPREHENSIVE", label: "Comprehensive assessment" },
  { code: "REASSESSMENT", label: "Reassessment" },
]);
export type AssessmentKind = CodeOf<typeof ASSESSMENT_KINDS>;

/** The life areas a needs assessment covers; ROSC social support sub-types point at one of them (R-ROSC-2). */
export const NEED_DOMAINS = defineCodeList([
  { code: "SUBSTANCE_USE", label: "Substance use" },
  { code: "PHYSICAL_HEALTH", label: "Physical health" },
  { code: "MENTAL_HEALTH", label: "Mental health" },
  { code: "HOUSING", label: "Housing" },
  { code: "FINANCE", label: "Finance" },
  { code: "EMPLOYMENT_EDUCATION", label: "Employment, education and training" },
  { code: "FAMILY_RELATIONSHIPS", label: "Family and relationships" },
  { code: "PARENTING", label: "Parenting" },
  { code: "CRIMINAL_JUSTICE", label: "Criminal justice" },
]);
export type NeedDomain = CodeOf<typeof NEED_DOMAINS>;

export const NEED_LEVELS = defineCodeList([
  { code: "NONE", label: "No need" },
  { code: "SOME", label: "Some need" },
  { code: "HIGH", label: "High need" },
]);
export type NeedLevel = CodeOf<typeof NEED_LEVELS>;

export const RISK_LEVELS = defineCodeList([
  { code: "LOW", label: "Low" },
  { code: "MEDIUM", label: "Medium" },
  { code: "HIGH", label: "High" },
]);
export type RiskLevel = CodeOf<typeof RISK_LEVELS>;

export const PLAN_KINDS = defineCodeList([
  { code: "INTERIM", label: "Interim recovery plan" },
  { code: "FULL", label: "Full recovery action plan" },
]);
export type PlanKind = CodeOf<typeof PLAN_KINDS>;

export const GOAL_STATUSES = defineCodeList([
  { code: "OPEN", label: "Open" },
  { code: "ACHIEVED", label: "Achieved" },
  { code: "DROPPED", label: "Dropped" },
]);
export type GoalStatus = CodeOf<typeof GOAL_STATUSES>;

export const INTERVENTION_SETTINGS = defineCodeList([
  { code: "COMMUNITY", label: "Community" },
  { code: "PRIMARY_CARE", label: "Primary care (GP shared care)" },
  { code: "INPATIENT", label: "Inpatient" },
  { code: "RESIDENTIAL", label: "Residential" },
  { code: "PRISON", label: "Prison" },
  { code: "OUTREACH", label: "Outreach" },
]);
export type InterventionSetting = CodeOf<typeof INTERVENTION_SETTINGS>;

export const MODALITIES = defineCodeList([
  { code: "PHARMACOLOGICAL", label: "Pharmacological" },
  { code: "PSYCHOSOCIAL", label: "Psychosocial" },
  { code: "RECOVERY_SUPPORT", label: "Recovery support (ROSC)" },
  { code: "HARM_REDUCTION", label: "Harm reduction" },
]);
export type Modality = CodeOf<typeof MODALITIES>;

/** Structured treatment is made of these two modalities; its first intervention starts treatment. */
export function isStructuredModality(modality: Modality): boolean {
  return modality === "PHARMACOLOGICAL" || modality === "PSYCHOSOCIAL";
}

export const PHASES = defineCodeList([
  { code: "IN_TREATMENT", label: "During treatment" },
  { code: "POST_TREATMENT", label: "After a planned completion" },
  { code: "ANY", label: "Any time" },
]);
export type Phase = CodeOf<typeof PHASES>;

export const TOP_STAGES = defineCodeList([
  { code: "START", label: "Start of treatment" },
  { code: "REVIEW", label: "Review" },
  { code: "EXIT", label: "Exit" },
  { code: "POST_EXIT", label: "Post-exit" },
]);
export type TopStage = CodeOf<typeof TOP_STAGES>;

export const CONTACT_KINDS = defineCodeList([
  { code: "APPOINTMENT", label: "Appointment" },
  { code: "HOME_VISIT", label: "Home visit" },
  { code: "PHONE", label: "Phone call" },
  { code: "LETTER", label: "Letter" },
  { code: "TEXT", label: "Text message" },
  { code: "GROUP", label: "Group session" },
]);
export type ContactKind = CodeOf<typeof CONTACT_KINDS>;

/** Contacts that count as an attempt to follow up a missed appointment (R-DNA-1). */
export const FOLLOW_UP_CONTACT_KINDS: readonly ContactKind[] = ["PHONE", "LETTER", "TEXT", "HOME_VISIT"];

export const CONTACT_OUTCOMES = defineCodeList([
  { code: "ATTENDED", label: "Attended" },
  { code: "DID_NOT_ATTEND", label: "Did not attend" },
  { code: "CANCELLED_BY_SERVICE_USER", label: "Cancelled by the person" },
  { code: "CANCELLED_BY_SERVICE", label: "Cancelled by the service" },
  { code: "REARRANGED", label: "Rearranged" },
]);
export type ContactOutcome = CodeOf<typeof CONTACT_OUTCOMES>;

export const NALOXONE_RECIPIENTS = defineCodeList([
  { code: "SERVICE_USER", label: "The person" },
  { code: "FAMILY_MEMBER", label: "A family member or friend" },
]);
export type NaloxoneRecipient = CodeOf<typeof NALOXONE_RECIPIENTS>;

/** Status of a blood-borne-virus intervention (hepatitis B vaccination, hepatitis C and HIV tests). */
export const BBV_STATUSES = defineCodeList([
  { code: "OFFERED", label: "Offered" },
  { code: "ACCEPTED", label: "Accepted" },
  { code: "DECLINED", label: "Declined" },
  { code: "NOT_OFFERED", label: "Not offered" },
]);
export type BbvStatus = CodeOf<typeof BBV_STATUSES>;

/** What staff did to make the first contact with a mutual-aid group (R-ROSC-3). */
export const FIRST_CONTACT_ACTIONS = defineCodeList([
  { code: "INFORMATION_GIVEN", label: "Gave information about the group" },
  { code: "CONTACT_MADE", label: "Made contact with the group" },
  { code: "TRANSPORT_ARRANGED", label: "Arranged transport to the group" },
  { code: "ACCOMPANIED", label: "Went with the person to a first meeting" },
]);
export type FirstContactAction = CodeOf<typeof FIRST_CONTACT_ACTIONS>;

export const ROLES = defineCodeList([
  { code: "PRACTITIONER", label: "Practitioner" },
  { code: "TEAM_LEAD", label: "Team lead" },
  { code: "ADMIN", label: "Admin" },
  { code: "ANALYST", label: "Analyst" },
]);
export type Role = CodeOf<typeof ROLES>;

export const AUDIT_ACTIONS = defineCodeList([
  { code: "READ", label: "Read" },
  { code: "CREATE", label: "Create" },
  { code: "UPDATE", label: "Update" },
  { code: "DELETE", label: "Delete" },
  { code: "EXPORT", label: "Export" },
  { code: "LOGIN", label: "Signed in" },
  { code: "LOGIN_FAILED", label: "Sign-in failed" },
  { code: "BREAK_GLASS", label: "Break-glass access" },
]);
export type AuditAction = CodeOf<typeof AUDIT_ACTIONS>;
