CREATE TABLE "scheduled_price_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"sku_id" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "scheduled_price_changes_price_positive" CHECK ("scheduled_price_changes"."price_cents" > 0),
	CONSTRAINT "scheduled_price_changes_one_end" CHECK ("scheduled_price_changes"."applied_at" IS NULL OR "scheduled_price_changes"."cancelled_at" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_user_id" integer,
	"actor_name" text,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"product_id" integer,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_log_actor" CHECK ("audit_log"."actor_type" in ('user', 'job') and ("audit_log"."actor_type" <> 'user' or "audit_log"."actor_user_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduled_price_changes" ADD CONSTRAINT "scheduled_price_changes_sku_id_skus_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."skus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_price_changes_due_idx" ON "scheduled_price_changes" USING btree ("effective_at") WHERE "scheduled_price_changes"."applied_at" IS NULL AND "scheduled_price_changes"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "scheduled_price_changes_sku_idx" ON "scheduled_price_changes" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "audit_log_product_idx" ON "audit_log" USING btree ("product_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id","id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role" CHECK ("users"."role" in ('shopper', 'staff', 'admin', 'catalogue'));--> statement-breakpoint
-- A product's or a SKU's version moves on every real change of its row, whoever writes it (the back
-- office, an import, the API, the scheduled prices): a form read at version n updates only where
-- the version is still n, so a stale form never silently overwrites a colleague's change.
CREATE OR REPLACE FUNCTION comptoir_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'version' - 'search' - 'search_folded') IS DISTINCT FROM (to_jsonb(OLD) - 'version' - 'search' - 'search_folded') THEN
    NEW.version := OLD.version + 1;
  ELSE
    NEW.version := OLD.version;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER products_bump_version BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION comptoir_bump_version();--> statement-breakpoint
CREATE TRIGGER skus_bump_version BEFORE UPDATE ON skus FOR EACH ROW EXECUTE FUNCTION comptoir_bump_version();--> statement-breakpoint
-- The audit log is append-only: what was done stays written.
CREATE OR REPLACE FUNCTION comptoir_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'comptoir:audit_log_append_only'
    USING ERRCODE = 'P0001', HINT = 'The audit log is never edited: record a new line.';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION comptoir_audit_log_append_only();
