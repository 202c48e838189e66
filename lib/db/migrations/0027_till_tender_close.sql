CREATE TABLE "sale_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"sale_id" integer NOT NULL,
	"method" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"given_cents" integer,
	"change_cents" integer,
	"provider_id" text,
	"provider_reference" text,
	"card_last4" text,
	"captured_at" timestamp with time zone,
	CONSTRAINT "sale_payments_sale_method" UNIQUE("sale_id","method"),
	CONSTRAINT "sale_payments_method" CHECK ("sale_payments"."method" in ('card', 'cash')),
	CONSTRAINT "sale_payments_amount" CHECK ("sale_payments"."amount_cents" > 0),
	CONSTRAINT "sale_payments_tender" CHECK (("sale_payments"."method" = 'cash' AND "sale_payments"."given_cents" IS NOT NULL AND "sale_payments"."change_cents" IS NOT NULL AND "sale_payments"."change_cents" = "sale_payments"."given_cents" - "sale_payments"."amount_cents" AND "sale_payments"."change_cents" >= 0 AND "sale_payments"."provider_reference" IS NULL)
       OR ("sale_payments"."method" = 'card' AND "sale_payments"."given_cents" IS NULL AND "sale_payments"."change_cents" IS NULL AND "sale_payments"."provider_id" IS NOT NULL AND "sale_payments"."provider_reference" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "till_closes" (
	"id" serial PRIMARY KEY NOT NULL,
	"store_id" integer NOT NULL,
	"business_day" date NOT NULL,
	"closed_by" integer,
	"idempotency_key" text NOT NULL,
	"sales_count" integer DEFAULT 0 NOT NULL,
	"card_count" integer DEFAULT 0 NOT NULL,
	"card_cents" integer DEFAULT 0 NOT NULL,
	"cash_count" integer DEFAULT 0 NOT NULL,
	"cash_cents" integer DEFAULT 0 NOT NULL,
	"total_cents" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "till_closes_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "till_closes_store_day" UNIQUE("store_id","business_day"),
	CONSTRAINT "till_closes_totals" CHECK ("till_closes"."sales_count" >= 0 AND "till_closes"."card_count" >= 0 AND "till_closes"."card_cents" >= 0 AND "till_closes"."cash_count" >= 0 AND "till_closes"."cash_cents" >= 0 AND "till_closes"."total_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "close_id" integer;--> statement-breakpoint
ALTER TABLE "sale_payments" ADD CONSTRAINT "sale_payments_sale_id_sales_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "till_closes" ADD CONSTRAINT "till_closes_store_id_stores_location_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("location_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "till_closes" ADD CONSTRAINT "till_closes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales" ADD CONSTRAINT "sales_close_id_till_closes_id_fk" FOREIGN KEY ("close_id") REFERENCES "public"."till_closes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_unclosed_idx" ON "sales" USING btree ("store_id","created_at") WHERE "sales"."close_id" IS NULL AND "sales"."source" = 'till';--> statement-breakpoint
-- A till sale is paid exactly its total: its payments (card, cash) sum to sales.total_cents. Checked
-- at commit (deferred), since the sale row is written before its lines, points and payments. Sales
-- without a ticket key (seeded history, collected reservations) were never tendered at the till.
CREATE FUNCTION sale_payments_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sid integer;
  total integer;
  src text;
  ticket text;
  paid bigint;
BEGIN
  IF TG_TABLE_NAME = 'sales' THEN
    sid := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    sid := OLD.sale_id;
  ELSE
    sid := NEW.sale_id;
  END IF;
  SELECT s.total_cents, s.source, s.idempotency_key INTO total, src, ticket FROM sales s WHERE s.id = sid;
  IF NOT FOUND OR src <> 'till' OR ticket IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT COALESCE(sum(p.amount_cents), 0) INTO paid FROM sale_payments p WHERE p.sale_id = sid;
  IF paid <> total THEN
    RAISE EXCEPTION 'till sale % is paid % cents of its % cents', sid, paid, total
      USING ERRCODE = '23514', CONSTRAINT = 'sale_payments_balance';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sales_paid_in_full AFTER INSERT OR UPDATE OF total_cents ON sales
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.source = 'till' AND NEW.idempotency_key IS NOT NULL)
  EXECUTE FUNCTION sale_payments_balance();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sale_payments_sum_to_total AFTER INSERT OR UPDATE OR DELETE ON sale_payments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION sale_payments_balance();
