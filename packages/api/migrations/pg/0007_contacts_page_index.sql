DROP INDEX "contacts_episode_date";--> statement-breakpoint
CREATE INDEX "contacts_episode_date" ON "contacts" USING btree ("episode_id","date","time","created_at","id","entered_in_error_reason");