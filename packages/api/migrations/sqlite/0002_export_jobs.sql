CREATE TABLE `export_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`request` text NOT NULL,
	`rows_written` integer DEFAULT 0 NOT NULL,
	`total_rows` integer,
	`error_message` text,
	`validation` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`expires_at` integer NOT NULL,
	`files_deleted_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `export_jobs_owner` ON `export_jobs` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `export_jobs_status` ON `export_jobs` (`status`);