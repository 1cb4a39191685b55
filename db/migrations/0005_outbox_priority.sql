ALTER TABLE "outbox" ADD COLUMN "priority" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "budget" text DEFAULT 'routine' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "merge_key" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "payload" jsonb;--> statement-breakpoint
CREATE INDEX "outbox_merge_idx" ON "outbox" USING btree ("merge_key") WHERE status = 'pending' and merge_key is not null;--> statement-breakpoint
CREATE INDEX "outbox_group_sent_idx" ON "outbox" USING btree ("group_id","sent_at") WHERE status = 'sent';--> statement-breakpoint
UPDATE "outbox" SET "priority" = 0, "budget" = 'urgent' WHERE "urgent";
