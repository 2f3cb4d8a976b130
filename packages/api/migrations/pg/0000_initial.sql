CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"episode_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"assessor_id" text NOT NULL,
	"needs" jsonb NOT NULL,
	"risk" jsonb,
	"recovery_capital_items" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"record_type" text,
	"record_id" text,
	"service_user_id" text,
	"from_address" text,
	"reason" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "break_glass_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"service_user_id" text NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"position" integer NOT NULL,
	"item" text NOT NULL,
	"cost_pence" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_items" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"definition" text NOT NULL,
	"modality" text NOT NULL,
	"phase" text NOT NULL,
	"sub_types" jsonb NOT NULL,
	"needs_concurrent_modality" boolean NOT NULL,
	"needs_sub_type" boolean NOT NULL,
	"needs_assessed_need" boolean NOT NULL,
	"needs_interest" boolean NOT NULL,
	"sustained_only" boolean NOT NULL,
	"needs_contact_schedule" boolean NOT NULL,
	"opioid_substitution" boolean NOT NULL,
	"retired" boolean NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"episode_id" text NOT NULL,
	"date" date NOT NULL,
	"time" text,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"staff_id" text NOT NULL,
	"notes" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" text PRIMARY KEY NOT NULL,
	"service_user_id" text NOT NULL,
	"team_id" text NOT NULL,
	"keyworker_id" text,
	"status" text NOT NULL,
	"referral_date" date NOT NULL,
	"referral_source" text NOT NULL,
	"referrer" text,
	"referral_reason" text NOT NULL,
	"referral_urgency" text NOT NULL,
	"age_band_override_reason" text,
	"age_band_override_by_id" text,
	"triage_date" date,
	"injecting_status" text,
	"discharge_date" date,
	"discharge_reason" text,
	"cohort" text,
	"first_intervention_date" date,
	"next_review_due" date,
	"last_attended_contact_date" date,
	"dna_follow_up_due_by" date,
	"consecutive_dnas" integer DEFAULT 0 NOT NULL,
	"suicide_risk" boolean DEFAULT false NOT NULL,
	"safeguarding" boolean DEFAULT false NOT NULL,
	"home_visit_recorded" boolean DEFAULT false NOT NULL,
	"ost_since" date,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "goal_progress" (
	"review_id" text NOT NULL,
	"goal_id" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	CONSTRAINT "goal_progress_review_id_goal_id_pk" PRIMARY KEY("review_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "harm_reduction_records" (
	"id" text PRIMARY KEY NOT NULL,
	"episode_id" text NOT NULL,
	"date" date NOT NULL,
	"naloxone_issued_to" text,
	"naloxone_training_given" boolean NOT NULL,
	"hepatitis_b_vaccination" text,
	"hepatitis_c_test" text,
	"hiv_test" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" text PRIMARY KEY NOT NULL,
	"episode_id" text NOT NULL,
	"catalogue_item_code" text NOT NULL,
	"sub_types" jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"planned_end_date" date,
	"planned_sessions" integer,
	"setting" text NOT NULL,
	"delivered_by_id" text,
	"notes" text,
	"interest_expressed_date" date,
	"first_contact_actions" jsonb NOT NULL,
	"contact_schedule" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "outcome_records" (
	"id" text PRIMARY KEY NOT NULL,
	"episode_id" text NOT NULL,
	"stage" text NOT NULL,
	"date" date NOT NULL,
	"alcohol_days" integer,
	"alcohol_amount" text,
	"opiates_days" integer,
	"opiates_amount" text,
	"crack_days" integer,
	"crack_amount" text,
	"cocaine_days" integer,
	"cocaine_amount" text,
	"amphetamines_days" integer,
	"amphetamines_amount" text,
	"cannabis_days" integer,
	"cannabis_amount" text,
	"other_days" integer,
	"other_amount" text,
	"tobacco_days" integer,
	"tobacco_amount" text,
	"injecting_days" integer,
	"shared_needles" boolean,
	"shared_other_equipment" boolean,
	"shoplifting_days" integer,
	"drug_selling_days" integer,
	"other_theft_days" integer,
	"assault_violence_days" integer,
	"psychological_health" integer,
	"physical_health" integer,
	"quality_of_life" integer,
	"paid_work_days" integer,
	"education_days" integer,
	"acute_housing_problem" boolean,
	"at_risk_of_eviction" boolean,
	"outcome_star" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"position" integer NOT NULL,
	"domain" text NOT NULL,
	"description" text NOT NULL,
	"target_date" date,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_substances" (
	"episode_id" text NOT NULL,
	"rank" integer NOT NULL,
	"substance" text NOT NULL,
	"age_of_first_use" integer,
	"route" text,
	CONSTRAINT "problem_substances_episode_id_rank_pk" PRIMARY KEY("episode_id","rank")
);
--> statement-breakpoint
CREATE TABLE "recovery_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"episode_id" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"agreed_with_service_user" boolean NOT NULL,
	"signed_off_by_id" text,
	"signed_off_date" date,
	"review_interval_weeks" integer NOT NULL,
	"budget_allocated_pence" integer,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"episode_id" text NOT NULL,
	"due_date" date NOT NULL,
	"completed_date" date NOT NULL,
	"completed_by_id" text NOT NULL,
	"risk" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "service_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_users" (
	"id" text PRIMARY KEY NOT NULL,
	"pseudonym" text NOT NULL,
	"local_reference" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"preferred_name" text,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"gender_identity" text,
	"ethnicity" text NOT NULL,
	"postcode" text,
	"nhs_number" text,
	"gp_practice" text,
	"phone" text,
	"email" text,
	"consent_to_national_reporting" text NOT NULL,
	"consent_to_share_with_gp" text NOT NULL,
	"parental_responsibility" boolean,
	"children_living_with" integer,
	"child_under_5_in_household" boolean NOT NULL,
	"pregnant" boolean NOT NULL,
	"expected_delivery_date" date,
	"is_carer" boolean NOT NULL,
	"veteran" boolean,
	"accommodation_need" text NOT NULL,
	"registered_team_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by_id" text,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entered_in_error_reason" text,
	"entered_in_error_by_id" text,
	"entered_in_error_on" date
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"from_address" text
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"roles" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_teams" (
	"staff_id" text NOT NULL,
	"team_id" text NOT NULL,
	CONSTRAINT "staff_teams_staff_id_team_id_pk" PRIMARY KEY("staff_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"review_interval_weeks" integer NOT NULL,
	"waiting_time_target_days" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor_id_staff_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_plan_id_recovery_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."recovery_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_keyworker_id_staff_id_fk" FOREIGN KEY ("keyworker_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_age_band_override_by_id_staff_id_fk" FOREIGN KEY ("age_band_override_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "harm_reduction_records" ADD CONSTRAINT "harm_reduction_records_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_catalogue_item_code_catalogue_items_code_fk" FOREIGN KEY ("catalogue_item_code") REFERENCES "public"."catalogue_items"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_delivered_by_id_staff_id_fk" FOREIGN KEY ("delivered_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_records" ADD CONSTRAINT "outcome_records_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_recovery_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."recovery_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_substances" ADD CONSTRAINT "problem_substances_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_plans" ADD CONSTRAINT "recovery_plans_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_plans" ADD CONSTRAINT "recovery_plans_signed_off_by_id_staff_id_fk" FOREIGN KEY ("signed_off_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_plan_id_recovery_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."recovery_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_completed_by_id_staff_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_users" ADD CONSTRAINT "service_users_registered_team_id_teams_id_fk" FOREIGN KEY ("registered_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD CONSTRAINT "staff_teams_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD CONSTRAINT "staff_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_unique" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_staff" ON "api_tokens" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "assessments_episode" ON "assessments" USING btree ("episode_id","date");--> statement-breakpoint
CREATE INDEX "audit_events_at" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_service_user" ON "audit_events" USING btree ("service_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "break_glass_grants_staff" ON "break_glass_grants" USING btree ("staff_id","expires_at");--> statement-breakpoint
CREATE INDEX "budget_lines_plan" ON "budget_lines" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "contacts_episode_date" ON "contacts" USING btree ("episode_id","date");--> statement-breakpoint
CREATE INDEX "contacts_date" ON "contacts" USING btree ("date");--> statement-breakpoint
CREATE INDEX "episodes_service_user" ON "episodes" USING btree ("service_user_id");--> statement-breakpoint
CREATE INDEX "episodes_keyworker_status" ON "episodes" USING btree ("keyworker_id","status");--> statement-breakpoint
CREATE INDEX "episodes_team_status" ON "episodes" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "episodes_next_review_due" ON "episodes" USING btree ("next_review_due");--> statement-breakpoint
CREATE INDEX "episodes_referral_date" ON "episodes" USING btree ("referral_date");--> statement-breakpoint
CREATE INDEX "episodes_discharge_date" ON "episodes" USING btree ("discharge_date");--> statement-breakpoint
CREATE INDEX "harm_reduction_records_episode" ON "harm_reduction_records" USING btree ("episode_id","date");--> statement-breakpoint
CREATE INDEX "interventions_episode" ON "interventions" USING btree ("episode_id","start_date");--> statement-breakpoint
CREATE INDEX "interventions_item_start" ON "interventions" USING btree ("catalogue_item_code","start_date");--> statement-breakpoint
CREATE INDEX "outcome_records_episode" ON "outcome_records" USING btree ("episode_id","stage","date");--> statement-breakpoint
CREATE INDEX "outcome_records_date" ON "outcome_records" USING btree ("date");--> statement-breakpoint
CREATE INDEX "plan_goals_plan" ON "plan_goals" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "recovery_plans_episode" ON "recovery_plans" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "reviews_plan" ON "reviews" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "reviews_episode" ON "reviews" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "reviews_due_date" ON "reviews" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "service_users_local_reference_unique" ON "service_users" USING btree ("local_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "service_users_pseudonym_unique" ON "service_users" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "service_users_last_name" ON "service_users" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE INDEX "service_users_nhs_number" ON "service_users" USING btree ("nhs_number");--> statement-breakpoint
CREATE INDEX "sessions_staff" ON "sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_email_unique" ON "staff" USING btree ("email");--> statement-breakpoint
CREATE INDEX "staff_teams_team" ON "staff_teams" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_unique" ON "teams" USING btree ("name");