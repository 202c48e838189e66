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
CREATE TABLE "cart_lines" (
	"cart_id" integer NOT NULL,
	"sku_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_lines_cart_sku" PRIMARY KEY("cart_id","sku_id"),
	CONSTRAINT "cart_lines_quantity" CHECK ("cart_lines"."quantity" > 0 AND "cart_lines"."quantity" <= 999)
);
--> statement-breakpoint
CREATE TABLE "carts" (
	"id" serial PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"customer_id" integer,
	"fulfilment" text DEFAULT 'delivery' NOT NULL,
	"drive_store_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carts_token_unique" UNIQUE("token"),
	CONSTRAINT "carts_customer_id_unique" UNIQUE("customer_id"),
	CONSTRAINT "carts_fulfilment" CHECK ("carts"."fulfilment" in ('delivery', 'drive')),
	CONSTRAINT "carts_token_length" CHECK (length("carts"."token") >= 32)
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_id" integer,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_events_kind" CHECK ("order_events"."kind" in ('placed', 'preparing', 'ready', 'collected', 'shipped', 'delivered', 'cancelled', 'arrived', 'slot_moved'))
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"sku_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_cents" integer NOT NULL,
	CONSTRAINT "order_lines_quantity" CHECK ("order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_price" CHECK ("order_lines"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"customer_id" integer NOT NULL,
	"mode" text NOT NULL,
	"location_id" integer NOT NULL,
	"status" text DEFAULT 'placed' NOT NULL,
	"subtotal_cents" integer NOT NULL,
	"delivery_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer NOT NULL,
	"payment_provider" text NOT NULL,
	"payment_reference" text,
	"payment_status" text NOT NULL,
	"card_last4" text,
	"delivery_name" text,
	"delivery_address" text,
	"delivery_postcode" text,
	"delivery_town" text,
	"delivery_phone" text,
	"idempotency_key" text NOT NULL,
	"arrived_at" timestamp with time zone,
	"arrival_bay" text,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number"),
	CONSTRAINT "orders_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "orders_mode" CHECK ("orders"."mode" in ('delivery', 'drive')),
	CONSTRAINT "orders_status" CHECK ("orders"."status" in ('placed', 'preparing', 'ready', 'collected', 'shipped', 'delivered', 'cancelled')),
	CONSTRAINT "orders_status_for_mode" CHECK (("orders"."mode" = 'drive' and "orders"."status" not in ('shipped', 'delivered')) or ("orders"."mode" = 'delivery' and "orders"."status" not in ('ready', 'collected'))),
	CONSTRAINT "orders_payment_status" CHECK ("orders"."payment_status" in ('authorized', 'captured', 'due_at_pickup', 'paid_at_pickup', 'voided')),
	CONSTRAINT "orders_totals" CHECK ("orders"."subtotal_cents" >= 0 and "orders"."delivery_cents" >= 0 and "orders"."total_cents" = "orders"."subtotal_cents" + "orders"."delivery_cents"),
	CONSTRAINT "orders_delivery_address" CHECK ("orders"."mode" = 'drive' or ("orders"."delivery_name" is not null and "orders"."delivery_address" is not null and "orders"."delivery_postcode" is not null and "orders"."delivery_town" is not null))
);
--> statement-breakpoint
ALTER TABLE "drive_closures" ADD CONSTRAINT "drive_closures_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_settings" ADD CONSTRAINT "drive_settings_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slot_bookings" ADD CONSTRAINT "drive_slot_bookings_slot_id_drive_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."drive_slots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slot_holds" ADD CONSTRAINT "drive_slot_holds_slot_id_drive_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."drive_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slot_plans" ADD CONSTRAINT "drive_slot_plans_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_slots" ADD CONSTRAINT "drive_slots_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_drive_store_id_stores_location_id_fk" FOREIGN KEY ("drive_store_id") REFERENCES "public"."stores"("location_id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drive_slot_bookings_one_per_order" ON "drive_slot_bookings" USING btree ("order_ref") WHERE "drive_slot_bookings"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "drive_slot_bookings_slot_idx" ON "drive_slot_bookings" USING btree ("slot_id") WHERE "drive_slot_bookings"."status" = 'booked';--> statement-breakpoint
CREATE UNIQUE INDEX "drive_slot_holds_one_per_holder" ON "drive_slot_holds" USING btree ("holder") WHERE "drive_slot_holds"."state" = 'held';--> statement-breakpoint
CREATE INDEX "drive_slot_holds_slot_idx" ON "drive_slot_holds" USING btree ("slot_id","expires_at") WHERE "drive_slot_holds"."state" = 'held';--> statement-breakpoint
CREATE INDEX "cart_lines_sku_idx" ON "cart_lines" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "carts_anonymous_updated_idx" ON "carts" USING btree ("updated_at") WHERE "carts"."customer_id" IS NULL;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_location_idx" ON "orders" USING btree ("location_id","status","placed_at");