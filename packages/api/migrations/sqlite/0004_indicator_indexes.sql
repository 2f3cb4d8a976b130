CREATE INDEX `episodes_first_intervention_date` ON `episodes` (`first_intervention_date`);--> statement-breakpoint
CREATE INDEX `interventions_episode_cover` ON `interventions` (`episode_id`,`start_date`,`catalogue_item_code`,`end_date`,`entered_in_error_reason`);--> statement-breakpoint
CREATE INDEX `recovery_plans_signed_off` ON `recovery_plans` (`signed_off_date`);--> statement-breakpoint
CREATE INDEX `reviews_completed_plan` ON `reviews` (`completed_date`,`plan_id`);