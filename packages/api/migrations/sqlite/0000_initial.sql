CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_staff` ON `api_tokens` (`staff_id`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`episode_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`assessor_id` text NOT NULL,
	`needs` text NOT NULL,
	`risk` text,
	`recovery_capital_items` text,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessor_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessments_episode` ON `assessments` (`episode_id`,`date`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`record_type` text,
	`record_id` text,
	`service_user_id` text,
	`from_address` text,
	`reason` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_service_user` ON `audit_events` (`service_user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`actor_id`,`at`);--> statement-breakpoint
CREATE TABLE `break_glass_grants` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`service_user_id` text NOT NULL,
	`reason` text NOT NULL,
	`granted_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_user_id`) REFERENCES `service_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `break_glass_grants_staff` ON `break_glass_grants` (`staff_id`,`expires_at`);--> statement-breakpoint
CREATE TABLE `budget_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`position` integer NOT NULL,
	`item` text NOT NULL,
	`cost_pence` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `recovery_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_lines_plan` ON `budget_lines` (`plan_id`);--> statement-breakpoint
CREATE TABLE `catalogue_items` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`definition` text NOT NULL,
	`modality` text NOT NULL,
	`phase` text NOT NULL,
	`sub_types` text NOT NULL,
	`needs_concurrent_modality` integer NOT NULL,
	`needs_sub_type` integer NOT NULL,
	`needs_assessed_need` integer NOT NULL,
	`needs_interest` integer NOT NULL,
	`sustained_only` integer NOT NULL,
	`needs_contact_schedule` integer NOT NULL,
	`opioid_substitution` integer NOT NULL,
	`retired` integer NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`episode_id` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`staff_id` text NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_episode_date` ON `contacts` (`episode_id`,`date`);--> statement-breakpoint
CREATE INDEX `contacts_date` ON `contacts` (`date`);--> statement-breakpoint
CREATE TABLE `episodes` (
	`id` text PRIMARY KEY NOT NULL,
	`service_user_id` text NOT NULL,
	`team_id` text NOT NULL,
	`keyworker_id` text,
	`status` text NOT NULL,
	`referral_date` text NOT NULL,
	`referral_source` text NOT NULL,
	`referrer` text,
	`referral_reason` text NOT NULL,
	`referral_urgency` text NOT NULL,
	`age_band_override_reason` text,
	`age_band_override_by_id` text,
	`triage_date` text,
	`injecting_status` text,
	`discharge_date` text,
	`discharge_reason` text,
	`cohort` text,
	`first_intervention_date` text,
	`next_review_due` text,
	`last_attended_contact_date` text,
	`dna_follow_up_due_by` text,
	`consecutive_dnas` integer DEFAULT 0 NOT NULL,
	`suicide_risk` integer DEFAULT false NOT NULL,
	`safeguarding` integer DEFAULT false NOT NULL,
	`home_visit_recorded` integer DEFAULT false NOT NULL,
	`ost_since` text,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`service_user_id`) REFERENCES `service_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`keyworker_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`age_band_override_by_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `episodes_service_user` ON `episodes` (`service_user_id`);--> statement-breakpoint
CREATE INDEX `episodes_keyworker_status` ON `episodes` (`keyworker_id`,`status`);--> statement-breakpoint
CREATE INDEX `episodes_team_status` ON `episodes` (`team_id`,`status`);--> statement-breakpoint
CREATE INDEX `episodes_next_review_due` ON `episodes` (`next_review_due`);--> statement-breakpoint
CREATE INDEX `episodes_referral_date` ON `episodes` (`referral_date`);--> statement-breakpoint
CREATE INDEX `episodes_discharge_date` ON `episodes` (`discharge_date`);--> statement-breakpoint
CREATE TABLE `goal_progress` (
	`review_id` text NOT NULL,
	`goal_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	PRIMARY KEY(`review_id`, `goal_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `plan_goals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `harm_reduction_records` (
	`id` text PRIMARY KEY NOT NULL,
	`episode_id` text NOT NULL,
	`date` text NOT NULL,
	`naloxone_issued_to` text,
	`naloxone_training_given` integer NOT NULL,
	`hepatitis_b_vaccination` text,
	`hepatitis_c_test` text,
	`hiv_test` text,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `harm_reduction_records_episode` ON `harm_reduction_records` (`episode_id`,`date`);--> statement-breakpoint
CREATE TABLE `interventions` (
	`id` text PRIMARY KEY NOT NULL,
	`episode_id` text NOT NULL,
	`catalogue_item_code` text NOT NULL,
	`sub_types` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`planned_end_date` text,
	`planned_sessions` integer,
	`setting` text NOT NULL,
	`delivered_by_id` text,
	`notes` text,
	`interest_expressed_date` text,
	`first_contact_actions` text NOT NULL,
	`contact_schedule` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`catalogue_item_code`) REFERENCES `catalogue_items`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivered_by_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interventions_episode` ON `interventions` (`episode_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `interventions_item_start` ON `interventions` (`catalogue_item_code`,`start_date`);--> statement-breakpoint
CREATE TABLE `outcome_records` (
	`id` text PRIMARY KEY NOT NULL,
	`episode_id` text NOT NULL,
	`stage` text NOT NULL,
	`date` text NOT NULL,
	`alcohol_days` integer,
	`alcohol_amount` text,
	`opiates_days` integer,
	`opiates_amount` text,
	`crack_days` integer,
	`crack_amount` text,
	`cocaine_days` integer,
	`cocaine_amount` text,
	`amphetamines_days` integer,
	`amphetamines_amount` text,
	`cannabis_days` integer,
	`cannabis_amount` text,
	`other_days` integer,
	`other_amount` text,
	`tobacco_days` integer,
	`tobacco_amount` text,
	`injecting_days` integer,
	`shared_needles` integer,
	`shared_other_equipment` integer,
	`shoplifting_days` integer,
	`drug_selling_days` integer,
	`other_theft_days` integer,
	`assault_violence_days` integer,
	`psychological_health` integer,
	`physical_health` integer,
	`quality_of_life` integer,
	`paid_work_days` integer,
	`education_days` integer,
	`acute_housing_problem` integer,
	`at_risk_of_eviction` integer,
	`outcome_star` text,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outcome_records_episode` ON `outcome_records` (`episode_id`,`stage`,`date`);--> statement-breakpoint
CREATE INDEX `outcome_records_date` ON `outcome_records` (`date`);--> statement-breakpoint
CREATE TABLE `plan_goals` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`position` integer NOT NULL,
	`domain` text NOT NULL,
	`description` text NOT NULL,
	`target_date` text,
	`status` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `recovery_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_goals_plan` ON `plan_goals` (`plan_id`);--> statement-breakpoint
CREATE TABLE `problem_substances` (
	`episode_id` text NOT NULL,
	`rank` integer NOT NULL,
	`substance` text NOT NULL,
	`age_of_first_use` integer,
	`route` text,
	PRIMARY KEY(`episode_id`, `rank`),
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recovery_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`episode_id` text NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`agreed_with_service_user` integer NOT NULL,
	`signed_off_by_id` text,
	`signed_off_date` text,
	`review_interval_weeks` integer NOT NULL,
	`budget_allocated_pence` integer,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recovery_plans_episode` ON `recovery_plans` (`episode_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`episode_id` text NOT NULL,
	`due_date` text NOT NULL,
	`completed_date` text NOT NULL,
	`completed_by_id` text NOT NULL,
	`risk` text,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`plan_id`) REFERENCES `recovery_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`episode_id`) REFERENCES `episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reviews_plan` ON `reviews` (`plan_id`);--> statement-breakpoint
CREATE INDEX `reviews_episode` ON `reviews` (`episode_id`);--> statement-breakpoint
CREATE INDEX `reviews_due_date` ON `reviews` (`due_date`);--> statement-breakpoint
CREATE TABLE `service_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `service_users` (
	`id` text PRIMARY KEY NOT NULL,
	`pseudonym` text NOT NULL,
	`local_reference` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`preferred_name` text,
	`date_of_birth` text NOT NULL,
	`sex` text NOT NULL,
	`gender_identity` text,
	`ethnicity` text NOT NULL,
	`postcode` text,
	`nhs_number` text,
	`gp_practice` text,
	`phone` text,
	`email` text,
	`consent_to_national_reporting` text NOT NULL,
	`consent_to_share_with_gp` text NOT NULL,
	`parental_responsibility` integer,
	`children_living_with` integer,
	`child_under_5_in_household` integer NOT NULL,
	`pregnant` integer NOT NULL,
	`expected_delivery_date` text,
	`is_carer` integer NOT NULL,
	`veteran` integer,
	`accommodation_need` text NOT NULL,
	`registered_team_id` text,
	`created_at` integer NOT NULL,
	`created_by_id` text,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`entered_in_error_reason` text,
	`entered_in_error_by_id` text,
	`entered_in_error_on` text,
	FOREIGN KEY (`registered_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_users_local_reference_unique` ON `service_users` (`local_reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `service_users_pseudonym_unique` ON `service_users` (`pseudonym`);--> statement-breakpoint
CREATE INDEX `service_users_last_name` ON `service_users` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `service_users_nhs_number` ON `service_users` (`nhs_number`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`from_address` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_staff` ON `sessions` (`staff_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text,
	`roles` text NOT NULL,
	`active` integer NOT NULL,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_unique` ON `staff` (`email`);--> statement-breakpoint
CREATE TABLE `staff_teams` (
	`staff_id` text NOT NULL,
	`team_id` text NOT NULL,
	PRIMARY KEY(`staff_id`, `team_id`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_teams_team` ON `staff_teams` (`team_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`min_age` integer,
	`max_age` integer,
	`review_interval_weeks` integer NOT NULL,
	`waiting_time_target_days` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);