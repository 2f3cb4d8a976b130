CREATE TABLE "audit_event_people" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"service_user_id" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_event_people" ("event_id", "service_user_id") SELECT "id", "service_user_id" FROM "audit_events" WHERE "service_user_id" IS NOT NULL;--> statement-breakpoint
DROP INDEX "audit_events_service_user";--> statement-breakpoint
ALTER TABLE "audit_event_people" ADD CONSTRAINT "audit_event_people_event_id_audit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_people_service_user" ON "audit_event_people" USING btree ("service_user_id","event_id");