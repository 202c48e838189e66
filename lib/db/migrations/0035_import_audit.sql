ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_actor";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "import_id" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor" CHECK ("audit_log"."actor_type" in ('user', 'job', 'api_key') and ("audit_log"."actor_type" <> 'user' or "audit_log"."actor_user_id" is not null));--> statement-breakpoint
-- An import (lib/import: the back office's imports page, the API) audits each product and SKU it
-- creates or changes, in its own transaction, like a back-office edit: runImport names the import
-- and who made it in the transaction-local setting comptoir.import_audit, and these triggers write
-- one line per row that really changed (the writers update only rows whose values differ). Outside
-- an import (the back office, which audits its own edits; the scheduled prices; the seed) the
-- setting is unset and nothing is written here.
CREATE OR REPLACE FUNCTION comptoir_import_audit_begin(import_id integer, actor_type text, user_id integer, key_id integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('comptoir.import_audit', jsonb_build_object('importId', import_id, 'actorType', actor_type, 'userId', user_id,
    'name', CASE WHEN actor_type = 'user' THEN (SELECT u.name FROM users u WHERE u.id = user_id) ELSE (SELECT k.name FROM api_keys k WHERE k.id = key_id) END)::text, true);
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_audit_import() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb := nullif(current_setting('comptoir.import_audit', true), '')::jsonb;
  was jsonb;
  now_is jsonb;
  product integer;
BEGIN
  IF ctx IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'products' THEN
    now_is := jsonb_build_object('slug', NEW.slug, 'nameFr', NEW.name_fr, 'nameEn', NEW.name_en, 'descriptionFr', NEW.description_fr,
      'descriptionEn', NEW.description_en, 'brand', NEW.brand, 'categoryId', NEW.category_id, 'images', NEW.images, 'withdrawnAt', NEW.withdrawn_at);
    IF TG_OP = 'UPDATE' THEN
      was := jsonb_build_object('slug', OLD.slug, 'nameFr', OLD.name_fr, 'nameEn', OLD.name_en, 'descriptionFr', OLD.description_fr,
        'descriptionEn', OLD.description_en, 'brand', OLD.brand, 'categoryId', OLD.category_id, 'images', OLD.images, 'withdrawnAt', OLD.withdrawn_at);
    END IF;
    product := NEW.id;
  ELSE
    now_is := jsonb_build_object('priceCents', NEW.price_cents, 'size', NEW.size, 'colour', NEW.colour, 'ean13', NEW.ean13, 'position', NEW.position);
    IF TG_OP = 'UPDATE' THEN
      was := jsonb_build_object('priceCents', OLD.price_cents, 'size', OLD.size, 'colour', OLD.colour, 'ean13', OLD.ean13, 'position', OLD.position);
    END IF;
    product := NEW.product_id;
  END IF;
  IF was IS NOT DISTINCT FROM now_is THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (actor_type, actor_user_id, actor_name, entity, entity_id, product_id, action, before, after, import_id)
  VALUES (ctx->>'actorType', (ctx->>'userId')::integer, ctx->>'name', CASE TG_TABLE_NAME WHEN 'products' THEN 'product' ELSE 'sku' END,
    NEW.id::text, product, CASE TG_OP WHEN 'INSERT' THEN 'import_create' ELSE 'import_update' END, was, now_is, (ctx->>'importId')::integer);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER products_import_audit AFTER INSERT OR UPDATE ON products FOR EACH ROW EXECUTE FUNCTION comptoir_audit_import();--> statement-breakpoint
CREATE TRIGGER skus_import_audit AFTER INSERT OR UPDATE ON skus FOR EACH ROW EXECUTE FUNCTION comptoir_audit_import();
