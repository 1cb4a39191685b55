CREATE TABLE "alerts" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"number" integer NOT NULL,
	"resident_id" integer,
	"report_id" bigint,
	"kind" text NOT NULL,
	"temperature" real,
	"symptoms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"ack_at" timestamp with time zone,
	"ack_by" text,
	"ack_note" text,
	CONSTRAINT "alerts_site_number_unique" UNIQUE("site_id","number")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"site_id" integer NOT NULL,
	"kind" text NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "counters_site_id_kind_pk" PRIMARY KEY("site_id","kind")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer,
	"topic" text NOT NULL,
	"room_id" text,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_topic_unique" UNIQUE("topic"),
	CONSTRAINT "groups_room_id_unique" UNIQUE("room_id")
);
--> statement-breakpoint
CREATE TABLE "health_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"resident_id" integer,
	"talker_id" text NOT NULL,
	"message_id" bigint,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"temperature" real,
	"symptoms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fever" boolean DEFAULT false NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"name" text NOT NULL,
	"village_group" text,
	"address" text,
	"phone" text,
	"wechat_name" text,
	"wechat_id" text,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_site_name_unique" UNIQUE("site_id","name")
);
--> statement-breakpoint
CREATE TABLE "jielongs" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"group_id" integer,
	"header" text NOT NULL,
	"day" date NOT NULL,
	"product" text,
	"last_message_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "jielongs_site_header_day_unique" UNIQUE("site_id","header","day")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"key" text PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"instance" text NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"room_id" text NOT NULL,
	"group_id" integer,
	"talker_id" text NOT NULL,
	"talker_name" text NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"text" text NOT NULL,
	"mentions_self" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"note" text,
	"processed_at" timestamp with time zone,
	CONSTRAINT "messages_provider_id_unique" UNIQUE("provider_id")
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"name" text NOT NULL,
	"canonical" text NOT NULL,
	"qty" real,
	"unit" text,
	"cancelled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"number" integer NOT NULL,
	"household_id" integer,
	"customer" text NOT NULL,
	"talker_id" text NOT NULL,
	"talker_name" text NOT NULL,
	"deliver_to" text,
	"message_id" bigint,
	"jielong_id" integer,
	"jielong_seq" integer,
	"jielong_line" text,
	"status" text DEFAULT 'open' NOT NULL,
	"cost_fen" integer,
	"volunteer" text,
	"created_at" timestamp with time zone NOT NULL,
	"bought_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "orders_site_number_unique" UNIQUE("site_id","number"),
	CONSTRAINT "orders_jielong_seq_unique" UNIQUE("jielong_id","jielong_seq")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"group_id" integer,
	"room_id" text,
	"topic" text NOT NULL,
	"text" text NOT NULL,
	"mentions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kind" text DEFAULT 'reply' NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"dedupe_key" text,
	"source_message_id" bigint,
	"status" text DEFAULT 'pending' NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"claim_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"number" integer NOT NULL,
	"resident_id" integer,
	"room" text,
	"talker_id" text NOT NULL,
	"talker_name" text NOT NULL,
	"message_id" bigint,
	"category" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "requests_site_number_unique" UNIQUE("site_id","number")
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"room_id" integer,
	"name" text NOT NULL,
	"phone" text,
	"wechat_name" text,
	"wechat_id" text,
	"start_date" date NOT NULL,
	"planned_end_date" date NOT NULL,
	"status" text DEFAULT 'observing' NOT NULL,
	"status_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residents_site_room_name_unique" UNIQUE("site_id","room_id","name")
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"number" text NOT NULL,
	CONSTRAINT "rooms_site_number_unique" UNIQUE("site_id","number")
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"observation_days" integer DEFAULT 14 NOT NULL,
	"fever_threshold" real DEFAULT 37.3 NOT NULL,
	"report_times" jsonb DEFAULT '["08:00","20:00"]'::jsonb NOT NULL,
	"schedule" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "water_bookings" (
	"id" serial PRIMARY KEY NOT NULL,
	"site_id" integer NOT NULL,
	"number" integer NOT NULL,
	"household_id" integer,
	"customer" text NOT NULL,
	"talker_id" text NOT NULL,
	"message_id" bigint,
	"qty" real,
	"unit" text,
	"day" date NOT NULL,
	"part" text,
	"deliver_to" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "water_site_number_unique" UNIQUE("site_id","number")
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_report_id_health_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."health_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_reports" ADD CONSTRAINT "health_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_reports" ADD CONSTRAINT "health_reports_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_reports" ADD CONSTRAINT "health_reports_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jielongs" ADD CONSTRAINT "jielongs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jielongs" ADD CONSTRAINT "jielongs_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jielongs" ADD CONSTRAINT "jielongs_last_message_id_messages_id_fk" FOREIGN KEY ("last_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_jielong_id_jielongs_id_fk" FOREIGN KEY ("jielong_id") REFERENCES "public"."jielongs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_source_message_id_messages_id_fk" FOREIGN KEY ("source_message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "water_bookings" ADD CONSTRAINT "water_bookings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "water_bookings" ADD CONSTRAINT "water_bookings_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "water_bookings" ADD CONSTRAINT "water_bookings_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_open_idx" ON "alerts" USING btree ("site_id") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "health_reports_current_unique" ON "health_reports" USING btree ("resident_id","day","slot") WHERE current and resident_id is not null;--> statement-breakpoint
CREATE INDEX "health_reports_site_day_idx" ON "health_reports" USING btree ("site_id","day");--> statement-breakpoint
CREATE INDEX "health_reports_pending_idx" ON "health_reports" USING btree ("site_id","talker_id") WHERE resident_id is null;--> statement-breakpoint
CREATE INDEX "households_wechat_idx" ON "households" USING btree ("wechat_id");--> statement-breakpoint
CREATE INDEX "job_runs_job_fired_idx" ON "job_runs" USING btree ("job","fired_at");--> statement-breakpoint
CREATE INDEX "messages_group_sent_idx" ON "messages" USING btree ("group_id","sent_at");--> statement-breakpoint
CREATE INDEX "messages_pending_idx" ON "messages" USING btree ("received_at") WHERE state in ('received', 'failed');--> statement-breakpoint
CREATE INDEX "order_items_order_idx" ON "order_items" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_site_status_idx" ON "orders" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("not_before","id") WHERE status in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_group_created_idx" ON "outbox" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE INDEX "requests_site_status_idx" ON "requests" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "residents_site_status_idx" ON "residents" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "residents_wechat_idx" ON "residents" USING btree ("wechat_id");--> statement-breakpoint
CREATE INDEX "water_site_day_idx" ON "water_bookings" USING btree ("site_id","day");