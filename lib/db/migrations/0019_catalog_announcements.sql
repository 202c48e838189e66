-- A withdrawn product: its page answers 404 and no list, search or cart shows it any more. The row
-- stays, because orders, reservations, sales and returns of it refer to its SKUs.
ALTER TABLE products ADD COLUMN withdrawn_at timestamptz;
--> statement-breakpoint
-- The database announces every change of what a cached page shows, so no writer — the app, a
-- seed, an importer, psql — can forget to. Each statement that changes catalogue or store rows
-- sends one NOTIFY on channel 'catalog' when it commits, carrying the cache tags it touched (a JSON
-- array: "product:<slug>", "category:<slug>", "store:<slug>", "catalog", "stores"); every server
-- process hears it and expires those tags in its own Next.js cache (lib/cache/catalog-expiry.ts).
-- Too many to list (a bulk import, a TRUNCATE): '["*"]', everything.
--
-- Why a NOTIFY in the writer's transaction, when stock goes through an outbox (0004): NOTIFY takes
-- one database-wide lock at commit, which mattered for thousands of stock commits a second;
-- catalogue changes come a few at a time, or as one statement of an import. PostgreSQL drops an
-- identical payload sent twice in one transaction.
CREATE OR REPLACE FUNCTION comptoir_announce_catalog(p_tags text[]) RETURNS void
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_payload text;
BEGIN
  SELECT json_agg(DISTINCT t ORDER BY t)::text INTO v_payload FROM unnest(p_tags) AS t WHERE t IS NOT NULL;
  IF v_payload IS NULL THEN
    RETURN;
  END IF;
  -- NOTIFY takes at most 8,000 bytes.
  IF 'catalog:*' = ANY (p_tags) OR octet_length(v_payload) > 7000 THEN
    v_payload := '["*"]';
  END IF;
  PERFORM pg_notify('catalog', v_payload);
END;
$$;
--> statement-breakpoint
-- One statement-level trigger function for every announcing table. The rows it looks at are those
-- a statement really changed: inserted, deleted, or — for an UPDATE — the old and new versions of
-- rows that differ (an import rewriting identical values announces nothing).
CREATE OR REPLACE FUNCTION comptoir_catalog_changed() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_rows jsonb[];
  v_tags text[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM comptoir_announce_catalog(ARRAY['catalog:*']);
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    IF (SELECT count(*) FROM new_rows) > 500 THEN
      PERFORM comptoir_announce_catalog(ARRAY['catalog:*']);
      RETURN NULL;
    END IF;
    v_rows := ARRAY(SELECT to_jsonb(r) FROM new_rows r);
  ELSIF TG_OP = 'DELETE' THEN
    IF (SELECT count(*) FROM old_rows) > 500 THEN
      PERFORM comptoir_announce_catalog(ARRAY['catalog:*']);
      RETURN NULL;
    END IF;
    v_rows := ARRAY(SELECT to_jsonb(r) FROM old_rows r);
  ELSE
    v_rows := ARRAY(
      SELECT to_jsonb(r) FROM (SELECT * FROM old_rows EXCEPT ALL SELECT * FROM new_rows) r
      UNION ALL
      SELECT to_jsonb(r) FROM (SELECT * FROM new_rows EXCEPT ALL SELECT * FROM old_rows) r);
    IF cardinality(v_rows) > 1000 THEN
      PERFORM comptoir_announce_catalog(ARRAY['catalog:*']);
      RETURN NULL;
    END IF;
  END IF;
  IF cardinality(v_rows) = 0 THEN
    RETURN NULL;
  END IF;

  IF TG_TABLE_NAME = 'categories' THEN
    -- The departments' names are in every header and in the breadcrumb of their products' pages.
    v_tags := ARRAY['catalog']
      || ARRAY(SELECT 'category:' || (r->>'slug') FROM unnest(v_rows) r)
      || ARRAY(SELECT 'product:' || p.slug FROM products p WHERE p.category_id IN (SELECT (r->>'id')::int FROM unnest(v_rows) r));
  ELSIF TG_TABLE_NAME = 'products' THEN
    v_tags := ARRAY['catalog']
      || ARRAY(SELECT 'product:' || (r->>'slug') FROM unnest(v_rows) r)
      || ARRAY(SELECT 'category:' || c.slug FROM categories c WHERE c.id IN (SELECT (r->>'category_id')::int FROM unnest(v_rows) r));
  ELSIF TG_TABLE_NAME = 'skus' THEN
    -- A price shows on its product's page, on its department's cards and on the home page's.
    v_tags := ARRAY['catalog']
      || ARRAY(SELECT 'product:' || p.slug FROM products p WHERE p.id IN (SELECT (r->>'product_id')::int FROM unnest(v_rows) r))
      || ARRAY(SELECT 'category:' || c.slug FROM products p JOIN categories c ON c.id = p.category_id
               WHERE p.id IN (SELECT (r->>'product_id')::int FROM unnest(v_rows) r));
  ELSIF TG_TABLE_NAME = 'stores' THEN
    v_tags := ARRAY['stores'] || ARRAY(SELECT 'store:' || (r->>'slug') FROM unnest(v_rows) r);
  ELSE
    -- store_hours, store_closures: the store's page and the locator's list.
    v_tags := ARRAY['stores']
      || ARRAY(SELECT 'store:' || s.slug FROM stores s WHERE s.location_id IN (SELECT (r->>'store_id')::int FROM unnest(v_rows) r));
  END IF;
  PERFORM comptoir_announce_catalog(v_tags);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A trigger with transition tables fires on one event only: four per table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['categories', 'products', 'skus', 'stores', 'store_hours', 'store_closures'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed()', t || '_announce_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed()', t || '_announce_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed()', t || '_announce_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed()', t || '_announce_truncate', t);
  END LOOP;
END;
$$;
