CREATE TABLE "loyalty_accounts" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"card_number" text NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_accounts_balance" CHECK ("loyalty_accounts"."balance" >= 0),
	CONSTRAINT "loyalty_accounts_card_number" CHECK ("loyalty_accounts"."card_number" ~ '^29[0-9]{11}$')
);
--> statement-breakpoint
CREATE TABLE "loyalty_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"channel" text,
	"store_id" integer,
	"order_id" integer,
	"sale_id" integer,
	"idempotency_key" text NOT NULL,
	"spend_cents" integer DEFAULT 0 NOT NULL,
	"discount_cents" integer DEFAULT 0 NOT NULL,
	"shortfall" integer DEFAULT 0 NOT NULL,
	"staff_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_entries_kind" CHECK ("loyalty_entries"."kind" in ('earn', 'redeem', 'reverse', 'expire', 'adjust')),
	CONSTRAINT "loyalty_entries_channel" CHECK ("loyalty_entries"."channel" is null or "loyalty_entries"."channel" in ('web', 'store')),
	CONSTRAINT "loyalty_entries_sign" CHECK (("loyalty_entries"."kind" = 'earn' and "loyalty_entries"."points" >= 0) or ("loyalty_entries"."kind" in ('redeem', 'expire') and "loyalty_entries"."points" < 0) or ("loyalty_entries"."kind" = 'adjust' and "loyalty_entries"."points" <> 0) or "loyalty_entries"."kind" = 'reverse'),
	CONSTRAINT "loyalty_entries_shortfall" CHECK ("loyalty_entries"."shortfall" >= 0),
	CONSTRAINT "loyalty_entries_discount" CHECK ("loyalty_entries"."discount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_lots" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"points" integer NOT NULL,
	"remaining" integer NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_lots_remaining" CHECK ("loyalty_lots"."remaining" >= 0 and "loyalty_lots"."remaining" <= "loyalty_lots"."points")
);
--> statement-breakpoint
ALTER TABLE "loyalty_accounts" ADD CONSTRAINT "loyalty_accounts_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_customer_id_loyalty_accounts_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."loyalty_accounts"("customer_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_lots" ADD CONSTRAINT "loyalty_lots_customer_id_loyalty_accounts_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."loyalty_accounts"("customer_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_lots" ADD CONSTRAINT "loyalty_lots_entry_id_loyalty_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."loyalty_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_accounts_card_number_unique" ON "loyalty_accounts" USING btree ("card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_entries_idempotency_key_unique" ON "loyalty_entries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "loyalty_entries_customer_idx" ON "loyalty_entries" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "loyalty_entries_order_idx" ON "loyalty_entries" USING btree ("order_id") WHERE "loyalty_entries"."order_id" is not null;--> statement-breakpoint
CREATE INDEX "loyalty_entries_sale_idx" ON "loyalty_entries" USING btree ("sale_id") WHERE "loyalty_entries"."sale_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_lots_entry_unique" ON "loyalty_lots" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "loyalty_lots_open_idx" ON "loyalty_lots" USING btree ("customer_id","expires_at") WHERE "loyalty_lots"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "loyalty_lots_due_idx" ON "loyalty_lots" USING btree ("expires_at") WHERE "loyalty_lots"."remaining" > 0;