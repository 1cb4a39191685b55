CREATE TABLE "contact_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"step" text NOT NULL,
	"outcome" text NOT NULL,
	"by" text,
	"note" text,
	"temperature" real,
	"at" timestamp with time zone NOT NULL,
	"source_message_id" bigint
);
--> statement-breakpoint
ALTER TABLE "health_reports" ADD COLUMN "via" text;--> statement-breakpoint
ALTER TABLE "health_reports" ADD COLUMN "given_by" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "contact_id" text;--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_source_message_id_messages_id_fk" FOREIGN KEY ("source_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_attempts_slot_idx" ON "contact_attempts" USING btree ("site_id","day","slot","resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_attempts_bot_step_idx" ON "contact_attempts" USING btree ("resident_id","day","slot","step") WHERE step in ('nudge', 'private', 'call-list');