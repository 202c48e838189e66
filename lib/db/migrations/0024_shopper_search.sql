-- The shoppers' search (lib/catalog/search.ts): accents and capitals folded, each language's words
-- kept apart, and a vocabulary of the catalogue's words for typo correction and "did you mean".
-- unaccent and pg_trgm are contrib modules of PostgreSQL, trusted (a database owner may create
-- them); PGlite loads them from its own bundles (lib/db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is STABLE (it reads a dictionary that could be changed), so no index or generated
-- column may call it; this names the dictionary and schema explicitly and promises IMMUTABLE,
-- which holds as long as nobody edits unaccent.rules. A change there needs a REINDEX and a
-- rewrite of products.search_folded.
CREATE OR REPLACE FUNCTION comptoir_fold(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, p_text)) $$;
--> statement-breakpoint
-- One document for the shoppers' search, folded, with each language in its own weights: the French
-- name and brand A, the English name and brand B, the French description C, the English one D.
-- A French word is looked up in A and C with the French stemmer, an English one in B and D with
-- the English stemmer (comptoir_search_tsquery), so a stem of one language never matches the other's
-- text: "sweater" stemmed as French is « sweat », which the English description of a yoga mat has.
-- (products.search stays as it was for the staff's stock lookup.)
ALTER TABLE products ADD COLUMN search_folded tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('french'::regconfig, comptoir_fold(name_fr || ' ' || brand)), 'A')
  || setweight(to_tsvector('english'::regconfig, comptoir_fold(name_en || ' ' || brand)), 'B')
  || setweight(to_tsvector('french'::regconfig, comptoir_fold(description_fr)), 'C')
  || setweight(to_tsvector('english'::regconfig, comptoir_fold(description_en)), 'D')) STORED;
--> statement-breakpoint
CREATE INDEX products_search_folded_idx ON products USING gin (search_folded);
--> statement-breakpoint
-- A phrase as a tsquery on some weights only: phraseto_tsquery (stop words and hyphenated words
-- handled as in the document), each lexeme then given the weights ('AC': « 'chaussur':AC »).
-- PL/pgSQL rather than SQL: a search calls it for each of its alternatives (a synonym group has a
-- dozen), and the planner folds each call with constant arguments into a constant — a SQL function
-- with a FROM clause is planned again at every call, PL/pgSQL keeps its plan for the session.
CREATE OR REPLACE FUNCTION comptoir_search_tsquery(p_config regconfig, p_text text, p_weights text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
AS $$
DECLARE
  q tsquery := phraseto_tsquery(p_config, comptoir_fold(p_text));
BEGIN
  IF numnode(q) = 0 THEN
    RETURN q;
  END IF;
  RETURN regexp_replace(q::text, '(''(?:[^'']|'''')+'')', '\1:' || p_weights, 'g')::tsquery;
END;
$$;
--> statement-breakpoint
-- The words of the products on sale (names and brands), folded, with how many products use each:
-- what a misspelt word is corrected to, and what "did you mean" offers. Kept by the triggers below
-- whoever writes products (the app, the seed, an import), so it never lags the catalogue.
CREATE TABLE catalog_search_words (
  word text PRIMARY KEY,
  -- The word as printed (accents kept, lower case when it appears so anywhere): what a shopper is shown.
  label text NOT NULL,
  products integer NOT NULL CONSTRAINT catalog_search_words_products_check CHECK (products >= 0)
);
--> statement-breakpoint
CREATE INDEX catalog_search_words_trgm_idx ON catalog_search_words USING gist (word gist_trgm_ops);
--> statement-breakpoint
-- A product's words: its names and brand, split on anything but letters and digits.
CREATE OR REPLACE FUNCTION comptoir_product_words(p_name_fr text, p_name_en text, p_brand text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(p_name_fr || ' ' || p_name_en || ' ' || p_brand, '[^0-9A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+') AS w
  WHERE length(w) >= 2
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_search_words_changed() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM catalog_search_words;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE catalog_search_words s SET products = s.products - d.n
    FROM (SELECT comptoir_fold(w) AS word, count(DISTINCT o.id)::int AS n
          FROM old_rows o, comptoir_product_words(o.name_fr, o.name_en, o.brand) AS w
          WHERE o.withdrawn_at IS NULL GROUP BY 1) d
    WHERE s.word = d.word;
    DELETE FROM catalog_search_words WHERE products <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO catalog_search_words (word, label, products)
    SELECT comptoir_fold(w), max(w) COLLATE "C", count(DISTINCT n.id)::int
    FROM new_rows n, comptoir_product_words(n.name_fr, n.name_en, n.brand) AS w
    WHERE n.withdrawn_at IS NULL
    GROUP BY 1
    ON CONFLICT (word) DO UPDATE SET products = catalog_search_words.products + excluded.products;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER products_search_words_insert AFTER INSERT ON products
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
--> statement-breakpoint
CREATE TRIGGER products_search_words_update AFTER UPDATE ON products
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
--> statement-breakpoint
CREATE TRIGGER products_search_words_delete AFTER DELETE ON products
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
--> statement-breakpoint
CREATE TRIGGER products_search_words_truncate AFTER TRUNCATE ON products
FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
--> statement-breakpoint
INSERT INTO catalog_search_words (word, label, products)
SELECT comptoir_fold(w), max(w) COLLATE "C", count(DISTINCT p.id)::int
FROM products p, comptoir_product_words(p.name_fr, p.name_en, p.brand) AS w
WHERE p.withdrawn_at IS NULL
GROUP BY 1;
