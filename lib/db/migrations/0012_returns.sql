CREATE TABLE "return_desk_settings" (
	"store_id" integer PRIMARY KEY NOT NULL,
	"capacity_per_hour" smallint NOT NULL,
	CONSTRAINT "return_desk_settings_capacity" CHECK ("return_desk_settings"."capacity_per_hour" between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "return_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"return_id" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_id" integer,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_events_kind" CHECK ("return_events"."kind" in ('booked', 'rescheduled', 'cancelled', 'received', 'refunded', 'refund_failed', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "return_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"return_id" integer NOT NULL,
	"order_line_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text NOT NULL,
	"outcome" text,
	"refusal_reason" text,
	CONSTRAINT "return_lines_quantity" CHECK ("return_lines"."quantity" > 0),
	CONSTRAINT "return_lines_reason" CHECK ("return_lines"."reason" in ('changed_mind', 'wrong_size', 'defective', 'not_as_described', 'arrived_late', 'other')),
	CONSTRAINT "return_lines_outcome" CHECK ("return_lines"."outcome" is null or "return_lines"."outcome" in ('resellable', 'damaged', 'refused')),
	CONSTRAINT "return_lines_refusal" CHECK (("return_lines"."outcome" = 'refused') = ("return_lines"."refusal_reason" is not null) or "return_lines"."outcome" is null)
);
--> statement-breakpoint
CREATE TABLE "return_windows" (
	"id" serial PRIMARY KEY NOT NULL,
	"store_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	CONSTRAINT "return_windows_store_starts" UNIQUE("store_id","starts_at"),
	CONSTRAINT "return_windows_order" CHECK ("return_windows"."starts_at" < "return_windows"."ends_at"),
	CONSTRAINT "return_windows_capacity" CHECK ("return_windows"."capacity" between 0 and 200)
);
--> statement-breakpoint
CREATE TABLE "returns" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"order_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"store_id" integer NOT NULL,
	"window_id" integer,
	"walk_in" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"refund_method" text NOT NULL,
	"refund_cents" integer DEFAULT 0 NOT NULL,
	"refund_state" text DEFAULT 'none' NOT NULL,
	"refund_reference" text,
	"refund_error" text,
	"points_reversed" integer DEFAULT 0 NOT NULL,
	"points_shortfall" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text NOT NULL,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"received_by" integer,
	"refunded_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "returns_code_unique" UNIQUE("code"),
	CONSTRAINT "returns_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "returns_status" CHECK ("returns"."status" in ('booked', 'received', 'refunded', 'partially_refunded', 'refused', 'cancelled')),
	CONSTRAINT "returns_refund_method" CHECK ("returns"."refund_method" in ('card', 'desk', 'store_credit')),
	CONSTRAINT "returns_refund_state" CHECK ("returns"."refund_state" in ('none', 'pending', 'succeeded', 'failed')),
	CONSTRAINT "returns_window" CHECK ("returns"."walk_in" or "returns"."window_id" is not null),
	CONSTRAINT "returns_amounts" CHECK ("returns"."refund_cents" >= 0 and "returns"."points_reversed" >= 0 and "returns"."points_shortfall" >= 0),
	CONSTRAINT "returns_received" CHECK ("returns"."status" in ('booked', 'cancelled') or "returns"."received_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "store_credit_accounts" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"balance_cents" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_credit_accounts_balance" CHECK ("store_credit_accounts"."balance_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "store_credit_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"return_id" integer,
	"idempotency_key" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_credit_entries_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "store_credit_entries_kind" CHECK ("store_credit_entries"."kind" in ('return', 'spend', 'adjust')),
	CONSTRAINT "store_credit_entries_amount" CHECK ("store_credit_entries"."amount_cents" <> 0 and ("store_credit_entries"."kind" <> 'return' or "store_credit_entries"."amount_cents" > 0) and ("store_credit_entries"."kind" <> 'spend' or "store_credit_entries"."amount_cents" < 0))
);
--> statement-breakpoint
ALTER TABLE "return_desk_settings" ADD CONSTRAINT "return_desk_settings_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_events" ADD CONSTRAINT "return_events_return_id_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_events" ADD CONSTRAINT "return_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_return_id_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_lines" ADD CONSTRAINT "return_lines_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_windows" ADD CONSTRAINT "return_windows_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_window_id_return_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."return_windows"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_accounts" ADD CONSTRAINT "store_credit_accounts_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_customer_id_store_credit_accounts_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."store_credit_accounts"("customer_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_return_id_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."returns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_events_return_idx" ON "return_events" USING btree ("return_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "return_lines_one_per_order_line" ON "return_lines" USING btree ("return_id","order_line_id");--> statement-breakpoint
CREATE INDEX "return_lines_order_line_idx" ON "return_lines" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "returns_order_idx" ON "returns" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "returns_customer_idx" ON "returns" USING btree ("customer_id","booked_at");--> statement-breakpoint
CREATE INDEX "returns_window_idx" ON "returns" USING btree ("window_id");--> statement-breakpoint
CREATE INDEX "returns_store_idx" ON "returns" USING btree ("store_id","status");--> statement-breakpoint
CREATE INDEX "store_credit_entries_customer_idx" ON "store_credit_entries" USING btree ("customer_id","created_at");