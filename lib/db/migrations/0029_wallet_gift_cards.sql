CREATE TABLE "gift_cards" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"initial_cents" integer NOT NULL,
	"balance_cents" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"customer_id" integer,
	"store_id" integer,
	"sale_id" integer,
	"payment_reference" text,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gift_cards_code_unique" UNIQUE("code"),
	CONSTRAINT "gift_cards_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "gift_cards_amounts" CHECK ("gift_cards"."initial_cents" > 0 and "gift_cards"."balance_cents" >= 0 and "gift_cards"."balance_cents" <= "gift_cards"."initial_cents")
);
--> statement-breakpoint
ALTER TABLE "sale_payments" DROP CONSTRAINT "sale_payments_method";--> statement-breakpoint
ALTER TABLE "sale_payments" DROP CONSTRAINT "sale_payments_tender";--> statement-breakpoint
ALTER TABLE "store_credit_entries" DROP CONSTRAINT "store_credit_entries_kind";--> statement-breakpoint
ALTER TABLE "store_credit_entries" DROP CONSTRAINT "store_credit_entries_amount";--> statement-breakpoint
ALTER TABLE "store_credit_entries" ALTER COLUMN "customer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "wallet_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD COLUMN "gift_card_id" integer;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD COLUMN "order_id" integer;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD COLUMN "sale_id" integer;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD COLUMN "store_id" integer;--> statement-breakpoint
ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gift_cards_customer_idx" ON "gift_cards" USING btree ("customer_id");--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_gift_card_id_gift_cards_id_fk" FOREIGN KEY ("gift_card_id") REFERENCES "public"."gift_cards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_credit_entries_gift_card_idx" ON "store_credit_entries" USING btree ("gift_card_id");--> statement-breakpoint
CREATE INDEX "store_credit_entries_order_idx" ON "store_credit_entries" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "sale_payments" ADD CONSTRAINT "sale_payments_method" CHECK ("sale_payments"."method" in ('card', 'cash', 'store_credit', 'gift_card'));--> statement-breakpoint
ALTER TABLE "sale_payments" ADD CONSTRAINT "sale_payments_tender" CHECK (("sale_payments"."method" = 'cash' AND "sale_payments"."given_cents" IS NOT NULL AND "sale_payments"."change_cents" IS NOT NULL AND "sale_payments"."change_cents" = "sale_payments"."given_cents" - "sale_payments"."amount_cents" AND "sale_payments"."change_cents" >= 0 AND "sale_payments"."provider_reference" IS NULL)
       OR ("sale_payments"."method" = 'card' AND "sale_payments"."given_cents" IS NULL AND "sale_payments"."change_cents" IS NULL AND "sale_payments"."provider_id" IS NOT NULL AND "sale_payments"."provider_reference" IS NOT NULL)
       OR ("sale_payments"."method" IN ('store_credit', 'gift_card') AND "sale_payments"."given_cents" IS NULL AND "sale_payments"."change_cents" IS NULL AND "sale_payments"."provider_id" = 'wallet' AND "sale_payments"."provider_reference" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_wallet" CHECK ("orders"."wallet_cents" >= 0 and "orders"."wallet_cents" <= "orders"."total_cents");--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_owner" CHECK ("store_credit_entries"."customer_id" is not null or "store_credit_entries"."gift_card_id" is not null);--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_gift_card" CHECK (("store_credit_entries"."kind" = 'gift_card') = ("store_credit_entries"."gift_card_id" is not null and "store_credit_entries"."amount_cents" > 0));--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_kind" CHECK ("store_credit_entries"."kind" in ('return', 'refund', 'spend', 'gift_card', 'adjust'));--> statement-breakpoint
ALTER TABLE "store_credit_entries" ADD CONSTRAINT "store_credit_entries_amount" CHECK ("store_credit_entries"."amount_cents" <> 0 and ("store_credit_entries"."kind" not in ('return', 'refund', 'gift_card') or "store_credit_entries"."amount_cents" > 0) and ("store_credit_entries"."kind" <> 'spend' or "store_credit_entries"."amount_cents" < 0));--> statement-breakpoint
-- The wallet's ledger is append-only: a correction is a new entry, never an edit of an old one.
CREATE OR REPLACE FUNCTION comptoir_wallet_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'comptoir:wallet_entries_append_only'
    USING ERRCODE = 'P0001', HINT = 'Write a new entry (refund or adjust) instead.';
END;
$$;--> statement-breakpoint
CREATE TRIGGER store_credit_entries_append_only BEFORE DELETE OR UPDATE ON store_credit_entries
  FOR EACH ROW EXECUTE FUNCTION comptoir_wallet_entries_append_only();
