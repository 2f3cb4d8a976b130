CREATE INDEX `episodes_keyworker_review_order` ON `episodes` (`keyworker_id`,coalesce("next_review_due", '9999-12-31'),`id`,`status`,`team_id`,`service_user_id`,`entered_in_error_reason`);--> statement-breakpoint
CREATE INDEX `episodes_team_review_due` ON `episodes` (`team_id`,`next_review_due`,`id`,`status`,`keyworker_id`,`service_user_id`,`entered_in_error_reason`);
