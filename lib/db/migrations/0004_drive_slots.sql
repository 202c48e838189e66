CREATE TABLE "drive_closures" (
	"store_id" integer NOT NULL,
	"day" date NOT NULL,
	"reason_fr" text NOT NULL,
	"reason_en" text NOT NULL,
	CONSTRAINT "drive_closures_store_id_day_pk" PRIMARY KEY("store_id","day")
);
--> statement-breakpoint
CREATE TABLE "drive_settings" (
	"store_id" integer PRIMARY KEY NOT NULL,
	"cutoff_minutes" smallint DEFAULT 120 NOT NULL,
	CONSTRAINT "drive_settings_cutoff" CHECK ("drive_settings"."cutoff_minutes" between 0 and 10080)
);
--> statement-breakpoint
CREATE TABLE "drive_slot_bookings" (
	"id" serial PRIMARY KEY NOT NULL,
	"slot_id" integer NOT NULL,
	"order_ref" text NOT NULL,
	"holder" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "drive_slot_bookings_status" CHECK ("drive_slot_bookings"."status" in ('booked', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "drive_slot_holds" (
	"id" serial PRIMARY KEY NOT NULL,
	"slot_id" integer NOT NULL,
	"holder" text NOT NULL,
	"state" text DEFAULT 'held' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drive_slot_holds_state" CHECK ("drive_slot_holds"."state" in ('held', 'converted', 'released', 'lapsed'))
);
--> statement-breakpoint
CREATE TABLE "drive_slot_plans" (
	"store_id" integer NOT NULL,
	"weekday" smallint NOT NULL,
	"opens" time NOT NULL,
	"closes" time NOT NULL,
	"slot_minutes" smallint DEFAULT 30 NOT NULL,
	"capacity" smallint NOT NULL,
	CONSTRAINT "drive_slot_plans_store_id_weekday_opens_pk" PRIMARY KEY("store_id","weekday","opens"),
	CONSTRAINT "drive_slot_plans_weekday" CHECK ("drive_slot_plans"."weekday" between 1 and 7),
	CONSTRAINT "drive_slot_plans_order" CHECK ("drive_slot_plans"."opens" < "drive_slot_plans"."closes"),
	CONSTRAINT "drive_slot_plans_slot_minutes" CHECK ("drive_slot_plans"."slot_minutes" between 5 and 240),
	CONSTRAINT "drive_slot_plans_capacity" CHECK ("drive_slot_plans"."capacity" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "drive_slots" (
	"id" serial PRIMARY KEY NOT NULL,
	"store_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	CONSTRAINT "drive_slots_store_starts" UNIQUE("store_id","starts_at"),
	CONSTRAINT "drive_slots_order" CHECK ("drive_slots"."starts_at" < "drive_slots"."ends_at"),
	CONSTRAINT "drive_slots_capacity" CHECK ("drive_slots"."capacity" between 0 and 1000)
);
--> statement-breakpoint
ALTER TABLE "drive_closures" ADD CONSTRAINT "drive_closures_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_settings" ADD CONSTRAINT "drive_settings_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slot_bookings" ADD CONSTRAINT "drive_slot_bookings_slot_id_drive_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."drive_slots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slot_holds" ADD CONSTRAINT "drive_slot_holds_slot_id_drive_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."drive_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slot_plans" ADD CONSTRAINT "drive_slot_plans_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slots" ADD CONSTRAINT "drive_slots_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drive_slot_bookings_one_per_order" ON "drive_slot_bookings" USING btree ("order_ref") WHERE "drive_slot_bookings"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "drive_slot_bookings_slot_idx" ON "drive_slot_bookings" USING btree ("slot_id") WHERE "drive_slot_bookings"."status" = 'booked';--> statement-breakpoint
CREATE UNIQUE INDEX "drive_slot_holds_one_per_holder" ON "drive_slot_holds" USING btree ("holder") WHERE "drive_slot_holds"."state" = 'held';--> statement-breakpoint
CREATE INDEX "drive_slot_holds_slot_idx" ON "drive_slot_holds" USING btree ("slot_id","expires_at") WHERE "drive_slot_holds"."state" = 'held';