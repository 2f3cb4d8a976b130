CREATE TABLE `audit_event_people` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`service_user_id` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `audit_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `audit_event_people` (`event_id`, `service_user_id`) SELECT `id`, `service_user_id` FROM `audit_events` WHERE `service_user_id` IS NOT NULL ORDER BY `id`;--> statement-breakpoint
CREATE INDEX `audit_event_people_service_user` ON `audit_event_people` (`service_user_id`,`event_id`);--> statement-breakpoint
DROP INDEX `audit_events_service_user`;