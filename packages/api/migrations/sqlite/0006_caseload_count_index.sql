DROP INDEX `episodes_keyworker_status`;--> statement-breakpoint
CREATE INDEX `episodes_keyworker_status` ON `episodes` (`keyworker_id`,`status`,`team_id`,`service_user_id`,`entered_in_error_reason`);