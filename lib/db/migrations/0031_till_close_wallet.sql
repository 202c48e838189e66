ALTER TABLE "till_closes" ADD COLUMN "store_credit_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "till_closes" ADD COLUMN "store_credit_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "till_closes" ADD COLUMN "gift_card_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "till_closes" ADD COLUMN "gift_card_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "till_closes" ADD CONSTRAINT "till_closes_wallet" CHECK ("till_closes"."store_credit_count" >= 0 AND "till_closes"."store_credit_cents" >= 0 AND "till_closes"."gift_card_count" >= 0 AND "till_closes"."gift_card_cents" >= 0);--> statement-breakpoint
-- Closes made before this column: their wallet payments, counted again from the sales they took.
UPDATE "till_closes" c SET
  "store_credit_count" = w.sc_n, "store_credit_cents" = w.sc_cents, "gift_card_count" = w.gc_n, "gift_card_cents" = w.gc_cents
FROM (
  SELECT s.close_id,
    count(*) FILTER (WHERE p.method = 'store_credit')::int AS sc_n,
    COALESCE(sum(p.amount_cents) FILTER (WHERE p.method = 'store_credit'), 0)::int AS sc_cents,
    count(*) FILTER (WHERE p.method = 'gift_card')::int AS gc_n,
    COALESCE(sum(p.amount_cents) FILTER (WHERE p.method = 'gift_card'), 0)::int AS gc_cents
  FROM "sales" s JOIN "sale_payments" p ON p.sale_id = s.id
  WHERE s.close_id IS NOT NULL
  GROUP BY s.close_id
) w
WHERE w.close_id = c.id;--> statement-breakpoint
ALTER TABLE "till_closes" ADD CONSTRAINT "till_closes_methods_sum" CHECK ("till_closes"."card_cents" + "till_closes"."cash_cents" + "till_closes"."store_credit_cents" + "till_closes"."gift_card_cents" = "till_closes"."total_cents");