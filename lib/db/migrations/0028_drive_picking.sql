-- Drive picking and substitutions (issue 19, part 3; lib/orders/picking.ts): each order line's
-- picked quantity and substitute, the shopper's checkout preference for unanswered proposals, and
-- what a card authorisation holds (a drive order paid online is captured at handover, never above it).
ALTER TABLE "order_events" DROP CONSTRAINT "order_events_kind";--> statement-breakpoint
DROP INDEX "orders_capture_due_idx";--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "picked_quantity" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "substitute_sku_id" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "substitute_unit_price_cents" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "substitute_answer" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "substitute_answered_by" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "substitute_for_line_id" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "authorized_cents" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "substitutes_welcome" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_substitute_sku_id_skus_id_fk" FOREIGN KEY ("substitute_sku_id") REFERENCES "public"."skus"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_substitute_for_line_id_order_lines_id_fk" FOREIGN KEY ("substitute_for_line_id") REFERENCES "public"."order_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_capture_due_idx" ON "orders" USING btree ("capture_next_at") WHERE "orders"."payment_status" = 'authorized' AND "orders"."status" IN ('shipped', 'delivered', 'collected');--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_kind" CHECK ("order_events"."kind" in ('placed', 'preparing', 'ready', 'collected', 'shipped', 'delivered', 'cancelled', 'arrived', 'slot_moved', 'substitute_proposed', 'substitute_accepted', 'substitute_refused'));--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_picked" CHECK ("order_lines"."picked_quantity" is null or "order_lines"."picked_quantity" between 0 and "order_lines"."quantity");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_substitute" CHECK (("order_lines"."substitute_sku_id" is null and "order_lines"."substitute_unit_price_cents" is null and "order_lines"."substitute_answer" is null) or ("order_lines"."substitute_sku_id" is not null and "order_lines"."substitute_sku_id" <> "order_lines"."sku_id" and "order_lines"."picked_quantity" is not null and "order_lines"."picked_quantity" < "order_lines"."quantity" and "order_lines"."substitute_unit_price_cents" between 0 and "order_lines"."unit_price_cents"));--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_substitute_answer" CHECK ("order_lines"."substitute_answer" is null or "order_lines"."substitute_answer" in ('accepted', 'refused'));--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_substitute_answered_by" CHECK (("order_lines"."substitute_answer" is null) = ("order_lines"."substitute_answered_by" is null));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_within_authorisation" CHECK ("orders"."authorized_cents" is null or ("orders"."authorized_cents" > 0 and "orders"."total_cents" <= "orders"."authorized_cents"));--> statement-breakpoint
-- The card orders placed before this migration held their total.
UPDATE "orders" SET "authorized_cents" = "total_cents" WHERE "payment_status" IN ('authorized', 'captured') AND "total_cents" > 0;
