CREATE TABLE "api_idempotency" (
	"key_id" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_key_id_idempotency_key_pk" PRIMARY KEY("key_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	"rate_window" timestamp with time zone,
	"rate_hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "api_keys_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "api_keys_scopes" CHECK (cardinality("api_keys"."scopes") > 0 and "api_keys"."scopes" <@ array['catalogue', 'prices', 'stock', 'orders:read']::text[]),
	CONSTRAINT "api_keys_name" CHECK (length("api_keys"."name") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"delivery_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"endpoint_id" integer NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_status" CHECK ("webhook_deliveries"."status" in ('queued', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" serial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "webhook_endpoints_events" CHECK (cardinality("webhook_endpoints"."events") > 0 and "webhook_endpoints"."events" <@ array['order.placed', 'reservation.placed', 'return.checked_in']::text[]),
	CONSTRAINT "webhook_endpoints_url" CHECK ("webhook_endpoints"."url" ~ '^https?://' and length("webhook_endpoints"."url") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "feed_xid" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "feed_xid" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_idempotency_created_idx" ON "api_idempotency" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","attempt");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_at") WHERE "webhook_deliveries"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_feed_idx" ON "orders" USING btree ("feed_xid","id");--> statement-breakpoint
CREATE INDEX "returns_feed_idx" ON "returns" USING btree ("feed_xid","id");--> statement-breakpoint
-- The API's change feed (lib/orders/feed.ts, lib/returns/feed.ts): every write of an order or a
-- return stamps the transaction that made it. A reader pages on (feed_xid, id) and reads only rows
-- below the oldest transaction still running, so a row committed late (a lower id, or a lower xid
-- committing after a higher one) is never behind a cursor already handed out.
CREATE FUNCTION comptoir_stamp_feed_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.feed_xid := (pg_current_xact_id()::text)::bigint;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER orders_feed_xid BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION comptoir_stamp_feed_xid();--> statement-breakpoint
CREATE TRIGGER returns_feed_xid BEFORE INSERT OR UPDATE ON returns FOR EACH ROW EXECUTE FUNCTION comptoir_stamp_feed_xid();--> statement-breakpoint
-- Webhooks out (lib/webhooks): a delivery per enabled endpoint that asked for the event, queued in
-- the transaction that made the event — no writer can forget one, and a rolled-back order sends
-- nothing. The event's id is stable (`order.placed:42`) so a receiver can drop a repeat.
CREATE FUNCTION comptoir_queue_webhook(p_event text, p_subject text, p_data jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO webhook_deliveries (endpoint_id, event, payload)
  SELECT e.id, p_event, jsonb_build_object('id', p_event || ':' || p_subject, 'type', p_event, 'created_at', now(), 'data', p_data)
  FROM webhook_endpoints e
  WHERE e.disabled_at IS NULL AND p_event = ANY (e.events)
$$;--> statement-breakpoint
CREATE FUNCTION comptoir_webhook_order_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM comptoir_queue_webhook('order.placed', NEW.id::text, jsonb_build_object('order', jsonb_build_object(
    'id', NEW.id, 'number', NEW.number, 'mode', NEW.mode, 'status', NEW.status, 'location_id', NEW.location_id,
    'placed_at_store_id', NEW.placed_at_store_id, 'total_cents', NEW.total_cents, 'placed_at', NEW.placed_at)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER orders_webhook_placed AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION comptoir_webhook_order_placed();--> statement-breakpoint
CREATE FUNCTION comptoir_webhook_reservation_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM comptoir_queue_webhook('reservation.placed', NEW.id::text, jsonb_build_object('reservation', jsonb_build_object(
    'id', NEW.id, 'code', NEW.code, 'store_id', NEW.store_id, 'status', NEW.status, 'created_at', NEW.created_at, 'expires_at', NEW.expires_at)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER reservations_webhook_placed AFTER INSERT ON reservations FOR EACH ROW EXECUTE FUNCTION comptoir_webhook_reservation_placed();--> statement-breakpoint
-- Checked in: the return's units reached the desk (booked → received, refunded or refused), or a
-- walk-in return written already received.
CREATE FUNCTION comptoir_webhook_return_checked_in() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.received_at IS NULL OR (TG_OP = 'UPDATE' AND OLD.received_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  PERFORM comptoir_queue_webhook('return.checked_in', NEW.id::text, jsonb_build_object('return', jsonb_build_object(
    'id', NEW.id, 'code', NEW.code, 'order_id', NEW.order_id, 'store_id', NEW.store_id, 'status', NEW.status,
    'refund_cents', NEW.refund_cents, 'received_at', NEW.received_at)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER returns_webhook_checked_in AFTER INSERT OR UPDATE OF received_at ON returns FOR EACH ROW EXECUTE FUNCTION comptoir_webhook_return_checked_in();
