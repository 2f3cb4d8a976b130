/**
 * The database schema on Postgres. `sqlite.ts` holds the same tables and columns for SQLite; keep the two in
 * step (schema.test.ts fails when they differ).
 */
import { sql } from "drizzle-orm";
import { index, pgTable as table, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";
import { bool, id, instant, int, isoDate, json, serialId, serialRef, str } from "./columns.pg.js";

/** Stamps every clinical table carries: who created it and when, a version for safe concurrent edits, and the entered-in-error mark. */
const recordStamps = () => ({
  createdAt: instant("created_at").notNull(),
  createdById: id("created_by_id"),
  updatedAt: instant("updated_at").notNull(),
  version: int("version").notNull().default(1),
  enteredInErrorReason: str("entered_in_error_reason"),
  enteredInErrorById: id("entered_in_error_by_id"),
  enteredInErrorOn: isoDate("entered_in_error_on"),
});

export const teams = table("teams", {
  id: id("id").primaryKey(),
  name: str("name").notNull(),
  minAge: int("min_age"),
  maxAge: int("max_age"),
  reviewIntervalWeeks: int("review_interval_weeks").notNull(),
  waitingTimeTargetDays: int("waiting_time_target_days").notNull(),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  version: int("version").notNull().default(1),
}, (t) => [uniqueIndex("teams_name_unique").on(t.name)]);

export const staff = table("staff", {
  id: id("id").primaryKey(),
  name: str("name").notNull(),
  /** Stored lower-cased so sign-in is case-insensitive. */
  email: str("email").notNull(),
  passwordHash: str("password_hash"),
  roles: json<string[]>("roles").notNull(),
  active: bool("active").notNull(),
  failedSignIns: int("failed_sign_ins").notNull().default(0),
  lockedUntil: instant("locked_until"),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  version: int("version").notNull().default(1),
}, (t) => [uniqueIndex("staff_email_unique").on(t.email)]);

export const staffTeams = table("staff_teams", {
  staffId: id("staff_id").notNull().references(() => staff.id),
  teamId: id("team_id").notNull().references(() => teams.id),
}, (t) => [primaryKey({ columns: [t.staffId, t.teamId] }), index("staff_teams_team").on(t.teamId)]);

export const sessions = table("sessions", {
  /** SHA-256 of the session token: a stolen database does not yield live sessions. */
  tokenHash: str("token_hash").primaryKey(),
  staffId: id("staff_id").notNull().references(() => staff.id),
  csrfToken: str("csrf_token").notNull(),
  createdAt: instant("created_at").notNull(),
  lastSeenAt: instant("last_seen_at").notNull(),
  expiresAt: instant("expires_at").notNull(),
  fromAddress: str("from_address"),
}, (t) => [index("sessions_staff").on(t.staffId)]);

export const apiTokens = table("api_tokens", {
  id: id("id").primaryKey(),
  staffId: id("staff_id").notNull().references(() => staff.id),
  name: str("name").notNull(),
  tokenHash: str("token_hash").notNull(),
  createdAt: instant("created_at").notNull(),
  expiresAt: instant("expires_at"),
  lastUsedAt: instant("last_used_at"),
  revokedAt: instant("revoked_at"),
}, (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_staff").on(t.staffId)]);

/** Provider-wide settings, one row per key (ServiceSettings in core). */
export const serviceSettings = table("service_settings", {
  key: str("key").primaryKey(),
  value: json<unknown>("value").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/**
 * The installation's secret key for pseudonymous person IDs shown to analysts (HMAC-SHA256 of the person's id).
 * One row, generated on first use; kept apart from settings so it is never returned by any settings query.
 */
export const pseudonymisationKeys = table("pseudonymisation_keys", {
  id: str("id").primaryKey(),
  secret: str("secret").notNull(),
  createdAt: instant("created_at").notNull(),
});

export const catalogueItems = table("catalogue_items", {
  code: str("code").primaryKey(),
  label: str("label").notNull(),
  definition: str("definition").notNull(),
  modality: str("modality").notNull(),
  phase: str("phase").notNull(),
  subTypes: json<{ code: string; label: string; needDomain: string | null }[]>("sub_types").notNull(),
  needsConcurrentModality: bool("needs_concurrent_modality").notNull(),
  needsSubType: bool("needs_sub_type").notNull(),
  needsAssessedNeed: bool("needs_assessed_need").notNull(),
  needsInterest: bool("needs_interest").notNull(),
  sustainedOnly: bool("sustained_only").notNull(),
  needsContactSchedule: bool("needs_contact_schedule").notNull(),
  opioidSubstitution: bool("opioid_substitution").notNull(),
  retired: bool("retired").notNull(),
  position: int("position").notNull(),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  version: int("version").notNull().default(1),
});

export const serviceUsers = table("service_users", {
  id: id("id").primaryKey(),
  /** Stable random identifier shown to analysts instead of the id or any name. */
  pseudonym: str("pseudonym").notNull(),
  localReference: str("local_reference").notNull(),
  firstName: str("first_name").notNull(),
  lastName: str("last_name").notNull(),
  preferredName: str("preferred_name"),
  dateOfBirth: isoDate("date_of_birth").notNull(),
  sex: str("sex").notNull(),
  genderIdentity: str("gender_identity"),
  ethnicity: str("ethnicity").notNull(),
  postcode: str("postcode"),
  nhsNumber: str("nhs_number"),
  gpPractice: str("gp_practice"),
  phone: str("phone"),
  email: str("email"),
  consentToNationalReporting: str("consent_to_national_reporting").notNull(),
  consentToShareWithGp: str("consent_to_share_with_gp").notNull(),
  parentalResponsibility: bool("parental_responsibility"),
  childrenLivingWith: int("children_living_with"),
  childUnder5InHousehold: bool("child_under_5_in_household").notNull(),
  pregnant: bool("pregnant").notNull(),
  expectedDeliveryDate: isoDate("expected_delivery_date"),
  isCarer: bool("is_carer").notNull(),
  veteran: bool("veteran"),
  accommodationNeed: str("accommodation_need").notNull(),
  /** The team of whoever registered the person: their scope until a referral gives them an episode. */
  registeredTeamId: id("registered_team_id").references(() => teams.id),
  ...recordStamps(),
}, (t) => [
  uniqueIndex("service_users_local_reference_unique").on(t.localReference),
  uniqueIndex("service_users_pseudonym_unique").on(t.pseudonym),
  index("service_users_last_name").on(t.lastName, t.firstName),
  index("service_users_nhs_number").on(t.nhsNumber),
]);

export const episodes = table("episodes", {
  id: id("id").primaryKey(),
  serviceUserId: id("service_user_id").notNull().references(() => serviceUsers.id),
  teamId: id("team_id").notNull().references(() => teams.id),
  keyworkerId: id("keyworker_id").references(() => staff.id),
  status: str("status").notNull(),
  referralDate: isoDate("referral_date").notNull(),
  referralSource: str("referral_source").notNull(),
  referrer: str("referrer"),
  referralReason: str("referral_reason").notNull(),
  referralUrgency: str("referral_urgency").notNull(),
  ageBandOverrideReason: str("age_band_override_reason"),
  ageBandOverrideById: id("age_band_override_by_id").references(() => staff.id),
  triageDate: isoDate("triage_date"),
  injectingStatus: str("injecting_status"),
  dischargeDate: isoDate("discharge_date"),
  dischargeReason: str("discharge_reason"),
  // Derived from the episode's records by core, refreshed in the same transaction as every write to them,
  // so the caseload and schedules can filter and sort in SQL.
  cohort: str("cohort"),
  firstInterventionDate: isoDate("first_intervention_date"),
  nextReviewDue: isoDate("next_review_due"),
  lastAttendedContactDate: isoDate("last_attended_contact_date"),
  dnaFollowUpDueBy: isoDate("dna_follow_up_due_by"),
  consecutiveDnas: int("consecutive_dnas").notNull().default(0),
  suicideRisk: bool("suicide_risk").notNull().default(false),
  safeguarding: bool("safeguarding").notNull().default(false),
  homeVisitRecorded: bool("home_visit_recorded").notNull().default(false),
  ostSince: isoDate("ost_since"),
  ...recordStamps(),
}, (t) => [
  index("episodes_service_user").on(t.serviceUserId),
  // A keyworker's open episodes, and the caseload's count of them: the trailing columns are the ones the
  // access rule and the entered-in-error check read, so the count is taken from the index alone instead of
  // visiting every one of a keyworker's thousand rows (each on its own page) on every caseload request.
  index("episodes_keyworker_status").on(t.keyworkerId, t.status, t.teamId, t.serviceUserId, t.enteredInErrorReason),
  index("episodes_team_status").on(t.teamId, t.status),
  index("episodes_next_review_due").on(t.nextReviewDue),
  // A keyworker's caseload in its default order (next review due, undated last): the first page is read
  // straight off this index instead of sorting every episode the keyworker has ever held, and the trailing
  // columns let the caseload's count be taken from the index alone.
  index("episodes_keyworker_review_order").on(
    t.keyworkerId,
    sql`coalesce(${t.nextReviewDue}, '9999-12-31')`,
    t.id,
    t.status,
    t.teamId,
    t.serviceUserId,
    t.enteredInErrorReason,
  ),
  // A team's review schedule: the reviews due up to a day, in due order, by index range; the trailing
  // columns let the schedule's counts be read from the index alone, without visiting thousands of rows.
  index("episodes_team_review_due").on(t.teamId, t.nextReviewDue, t.id, t.status, t.keyworkerId, t.serviceUserId, t.enteredInErrorReason),
  index("episodes_referral_date").on(t.referralDate),
  index("episodes_discharge_date").on(t.dischargeDate),
  // K-2: the episodes whose treatment began in a report's period, by index range.
  index("episodes_first_intervention_date").on(t.firstInterventionDate),
]);

export const problemSubstances = table("problem_substances", {
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  rank: int("rank").notNull(),
  substance: str("substance").notNull(),
  ageOfFirstUse: int("age_of_first_use"),
  route: str("route"),
}, (t) => [primaryKey({ columns: [t.episodeId, t.rank] })]);

export const assessments = table("assessments", {
  id: id("id").primaryKey(),
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  kind: str("kind").notNull(),
  date: isoDate("date").notNull(),
  assessorId: id("assessor_id").notNull().references(() => staff.id),
  needs: json<Record<string, string>>("needs").notNull(),
  risk: json<unknown>("risk"),
  recoveryCapitalItems: json<number[]>("recovery_capital_items"),
  ...recordStamps(),
}, (t) => [index("assessments_episode").on(t.episodeId, t.date)]);

export const recoveryPlans = table("recovery_plans", {
  id: id("id").primaryKey(),
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  kind: str("kind").notNull(),
  startDate: isoDate("start_date").notNull(),
  agreedWithServiceUser: bool("agreed_with_service_user").notNull(),
  signedOffById: id("signed_off_by_id").references(() => staff.id),
  signedOffDate: isoDate("signed_off_date"),
  reviewIntervalWeeks: int("review_interval_weeks").notNull(),
  budgetAllocatedPence: int("budget_allocated_pence"),
  ...recordStamps(),
}, (t) => [
  index("recovery_plans_episode").on(t.episodeId),
  // K-3: the plans signed off in (or up to a review interval before) a report's period, by index range.
  index("recovery_plans_signed_off").on(t.signedOffDate),
]);

export const planGoals = table("plan_goals", {
  id: id("id").primaryKey(),
  planId: id("plan_id").notNull().references(() => recoveryPlans.id),
  position: int("position").notNull(),
  domain: str("domain").notNull(),
  description: str("description").notNull(),
  targetDate: isoDate("target_date"),
  status: str("status").notNull(),
}, (t) => [index("plan_goals_plan").on(t.planId)]);

export const budgetLines = table("budget_lines", {
  id: id("id").primaryKey(),
  planId: id("plan_id").notNull().references(() => recoveryPlans.id),
  position: int("position").notNull(),
  item: str("item").notNull(),
  costPence: int("cost_pence").notNull(),
}, (t) => [index("budget_lines_plan").on(t.planId)]);

export const reviews = table("reviews", {
  id: id("id").primaryKey(),
  planId: id("plan_id").notNull().references(() => recoveryPlans.id),
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  dueDate: isoDate("due_date").notNull(),
  completedDate: isoDate("completed_date").notNull(),
  completedById: id("completed_by_id").notNull().references(() => staff.id),
  risk: json<unknown>("risk"),
  ...recordStamps(),
}, (t) => [
  index("reviews_plan").on(t.planId),
  index("reviews_episode").on(t.episodeId),
  index("reviews_due_date").on(t.dueDate),
  // K-3: the plans with a review completed in (or up to a review interval before) a report's period, read
  // from the index alone.
  index("reviews_completed_plan").on(t.completedDate, t.planId),
]);

export const goalProgress = table("goal_progress", {
  reviewId: id("review_id").notNull().references(() => reviews.id),
  goalId: id("goal_id").notNull().references(() => planGoals.id),
  status: str("status").notNull(),
  note: str("note"),
}, (t) => [primaryKey({ columns: [t.reviewId, t.goalId] })]);

export const interventions = table("interventions", {
  id: id("id").primaryKey(),
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  catalogueItemCode: str("catalogue_item_code").notNull().references(() => catalogueItems.code),
  subTypes: json<string[]>("sub_types").notNull(),
  startDate: isoDate("start_date").notNull(),
  endDate: isoDate("end_date"),
  plannedEndDate: isoDate("planned_end_date"),
  plannedSessions: int("planned_sessions"),
  setting: str("setting").notNull(),
  deliveredById: id("delivered_by_id").references(() => staff.id),
  notes: str("notes"),
  interestExpressedDate: isoDate("interest_expressed_date"),
  firstContactActions: json<string[]>("first_contact_actions").notNull(),
  contactSchedule: json<string[]>("contact_schedule").notNull(),
  ...recordStamps(),
}, (t) => [
  index("interventions_episode").on(t.episodeId, t.startDate),
  index("interventions_item_start").on(t.catalogueItemCode, t.startDate),
  // K-1/K-13 (recovery support under way), K-8 (OST spells): an episode's interventions up to a day, with
  // their item, end and whether entered in error, read from the index alone rather than row by row.
  index("interventions_episode_cover").on(t.episodeId, t.startDate, t.catalogueItemCode, t.endDate, t.enteredInErrorReason),
]);

/** A TOP. Each answer is a column so indicators can be computed in SQL; null means "not disclosed". */
export const outcomeRecords = table("outcome_records", {
  id: id("id").primaryKey(),
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  stage: str("stage").notNull(),
  date: isoDate("date").notNull(),
  alcoholDays: int("alcohol_days"),
  alcoholAmount: str("alcohol_amount"),
  opiatesDays: int("opiates_days"),
  opiatesAmount: str("opiates_amount"),
  crackDays: int("crack_days"),
  crackAmount: str("crack_amount"),
  cocaineDays: int("cocaine_days"),
  cocaineAmount: str("cocaine_amount"),
  amphetaminesDays: int("amphetamines_days"),
  amphetaminesAmount: str("amphetamines_amount"),
  cannabisDays: int("cannabis_days"),
  cannabisAmount: str("cannabis_amount"),
  otherDays: int("other_days"),
  otherAmount: str("other_amount"),
  tobaccoDays: int("tobacco_days"),
  tobaccoAmount: str("tobacco_amount"),
  injectingDays: int("injecting_days"),
  sharedNeedles: bool("shared_needles"),
  sharedOtherEquipment: bool("shared_other_equipment"),
  shopliftingDays: int("shoplifting_days"),
  drugSellingDays: int("drug_selling_days"),
  otherTheftDays: int("other_theft_days"),
  assaultViolenceDays: int("assault_violence_days"),
  psychologicalHealth: int("psychological_health"),
  physicalHealth: int("physical_health"),
  qualityOfLife: int("quality_of_life"),
  paidWorkDays: int("paid_work_days"),
  educationDays: int("education_days"),
  acuteHousingProblem: bool("acute_housing_problem"),
  atRiskOfEviction: bool("at_risk_of_eviction"),
  outcomeStar: json<Record<string, number>>("outcome_star"),
  ...recordStamps(),
}, (t) => [index("outcome_records_episode").on(t.episodeId, t.stage, t.date), index("outcome_records_date").on(t.date)]);

export const contacts = table("contacts", {
  id: id("id").primaryKey(),
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  date: isoDate("date").notNull(),
  time: str("time"),
  kind: str("kind").notNull(),
  outcome: str("outcome").notNull(),
  staffId: id("staff_id").notNull().references(() => staff.id),
  notes: str("notes"),
  ...recordStamps(),
}, (t) => [index("contacts_episode_date").on(t.episodeId, t.date, t.time, t.createdAt, t.id, t.enteredInErrorReason), index("contacts_date").on(t.date)]);

export const harmReductionRecords = table("harm_reduction_records", {
  id: id("id").primaryKey(),
  episodeId: id("episode_id").notNull().references(() => episodes.id),
  date: isoDate("date").notNull(),
  naloxoneIssuedTo: str("naloxone_issued_to"),
  naloxoneTrainingGiven: bool("naloxone_training_given").notNull(),
  hepatitisBVaccination: str("hepatitis_b_vaccination"),
  hepatitisCTest: str("hepatitis_c_test"),
  hivTest: str("hiv_test"),
  ...recordStamps(),
}, (t) => [index("harm_reduction_records_episode").on(t.episodeId, t.date)]);

/** Time-limited access to a person outside the practitioner's caseload, given for a recorded reason. */
export const breakGlassGrants = table("break_glass_grants", {
  id: id("id").primaryKey(),
  staffId: id("staff_id").notNull().references(() => staff.id),
  serviceUserId: id("service_user_id").notNull().references(() => serviceUsers.id),
  reason: str("reason").notNull(),
  grantedAt: instant("granted_at").notNull(),
  expiresAt: instant("expires_at").notNull(),
}, (t) => [index("break_glass_grants_staff").on(t.staffId, t.expiresAt)]);

/** Append-only: nothing in the application updates or deletes a row here. */
export const auditEvents = table("audit_events", {
  id: serialId("id"),
  at: instant("at").notNull(),
  actorId: id("actor_id"),
  action: str("action").notNull(),
  recordType: str("record_type"),
  recordId: str("record_id"),
  serviceUserId: id("service_user_id"),
  fromAddress: str("from_address"),
  reason: str("reason"),
  detail: json<Record<string, unknown>>("detail"),
}, (t) => [
  index("audit_events_at").on(t.at),
  index("audit_events_actor").on(t.actorId, t.at),
]);

/**
 * Which audit events are about which person: the trail's index by person, kept as a table of its own so it
 * can be filled in batches. An index on audit_events itself would take one random page per person shown on
 * every request (fifty for a caseload page), which cost more than the rest of the request's writing. On
 * SQLite the rows are added in the background (audit/auditPeopleIndex.ts) and queries by person also read
 * the events newer than the last one added; on Postgres they are written with the event.
 */
export const auditEventPeople = table("audit_event_people", {
  eventId: serialRef("event_id").primaryKey().references(() => auditEvents.id),
  serviceUserId: id("service_user_id").notNull(),
}, (t) => [index("audit_event_people_service_user").on(t.serviceUserId, t.eventId)]);

/**
 * Background CSV exports, each owned by the staff member who started it. The file lives in the server's export
 * folder under the job's id; the row outlives the file so the owner can see that it expired.
 */
export const exportJobs = table("export_jobs", {
  id: id("id").primaryKey(),
  ownerId: id("owner_id").notNull().references(() => staff.id),
  /** GRAPHQL_QUERY (the owner's own query, paged) or NATIONAL_EXTRACT. */
  kind: str("kind").notNull(),
  status: str("status").notNull(),
  /** What to run: the query, its variables and connection path, or the extract's period. */
  request: json<Record<string, unknown>>("request").notNull(),
  rowsWritten: int("rows_written").notNull().default(0),
  totalRows: int("total_rows"),
  errorMessage: str("error_message"),
  /** The national extract's validation summary: records checked, records with errors, counts by error code. */
  validation: json<Record<string, unknown>>("validation"),
  createdAt: instant("created_at").notNull(),
  startedAt: instant("started_at"),
  finishedAt: instant("finished_at"),
  expiresAt: instant("expires_at").notNull(),
  /** Set when the sweep (or a download after expiry) deleted the files. */
  filesDeletedAt: instant("files_deleted_at"),
}, (t) => [index("export_jobs_owner").on(t.ownerId, t.createdAt), index("export_jobs_status").on(t.status)]);
