ALTER TABLE "outbound_messages" DROP CONSTRAINT "outbound_messages_kind";--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "locale" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "locale" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "html" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_locale" CHECK ("reservations"."locale" in ('fr', 'en'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_locale" CHECK ("orders"."locale" in ('fr', 'en'));--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_kind" CHECK ("outbound_messages"."kind" in ('cart_reminder', 'order_confirmation', 'drive_order_ready', 'drive_arrival', 'reservation_ready', 'return_pass', 'refund_confirmation'));