-- Every SQL function and trigger of the schema as the migrations (lib/db/migrations) leave them,
-- read back from pg_catalog (pg_get_functiondef, pg_get_triggerdef): what runs now, each in one place.
-- Generated: do not edit. Change them with a new migration, then run `npm run db:sql`;
-- lib/db/current-sql.test.ts fails while this file differs from a freshly migrated database.

-- 40 functions

-- comptoir_announce_catalog(p_tags text[]) (last written by 0019_catalog_announcements.sql)
CREATE OR REPLACE FUNCTION public.comptoir_announce_catalog(p_tags text[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- comptoir_audit_import() (last written by 0035_import_audit.sql)
CREATE OR REPLACE FUNCTION public.comptoir_audit_import()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

-- comptoir_audit_log_append_only() (last written by 0034_back_office.sql)
CREATE OR REPLACE FUNCTION public.comptoir_audit_log_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'comptoir:audit_log_append_only'
    USING ERRCODE = 'P0001', HINT = 'The audit log is never edited: record a new line.';
END;
$function$;

-- comptoir_begin_sign_in(p_account text, p_address text, p_window interval, p_pair_limit integer, p_address_limit integer, p_free_failures integer, p_max_delay interval, p_known_for interval, OUT attempt_id bigint, OUT retry_at timestamp with time zone, OUT limited_by text) (last written by 0018_sign_in_sessions.sql)
CREATE OR REPLACE FUNCTION public.comptoir_begin_sign_in(p_account text, p_address text, p_window interval, p_pair_limit integer, p_address_limit integer, p_free_failures integer, p_max_delay interval, p_known_for interval, OUT attempt_id bigint, OUT retry_at timestamp with time zone, OUT limited_by text)
 RETURNS record
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_since timestamptz := v_now - p_window;
  v_count integer;
  v_oldest timestamptz;
  v_latest timestamptz;
  v_delay interval;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('sign-in account'), hashtext(p_account));
  PERFORM pg_advisory_xact_lock(hashtext('sign-in address'), hashtext(p_address));
  SELECT count(*), min(attempted_at) INTO v_count, v_oldest
  FROM (SELECT attempted_at FROM sign_in_attempts
        WHERE account = p_account AND address = p_address AND attempted_at > v_since
        ORDER BY attempted_at DESC LIMIT p_pair_limit) recent;
  IF v_count >= p_pair_limit THEN
    retry_at := v_oldest + p_window;
    limited_by := 'account';
    RETURN;
  END IF;
  SELECT count(*), min(attempted_at) INTO v_count, v_oldest
  FROM (SELECT attempted_at FROM sign_in_attempts WHERE address = p_address AND attempted_at > v_since
        ORDER BY attempted_at DESC LIMIT p_address_limit) recent;
  IF v_count >= p_address_limit THEN
    retry_at := v_oldest + p_window;
    limited_by := 'address';
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM sign_in_known_addresses
                 WHERE account = p_account AND address = p_address AND address <> 'unknown'
                   AND signed_in_at > v_now - p_known_for) THEN
    SELECT count(*), max(attempted_at) INTO v_count, v_latest
    FROM sign_in_attempts WHERE account = p_account AND attempted_at > v_since;
    IF v_count >= p_free_failures THEN
      v_delay := least(p_max_delay, make_interval(secs => power(2, least(v_count - p_free_failures, 30))));
      IF v_latest + v_delay > v_now THEN
        retry_at := v_latest + v_delay;
        limited_by := 'delay';
        RETURN;
      END IF;
    END IF;
  END IF;
  INSERT INTO sign_in_attempts (account, address) VALUES (p_account, p_address) RETURNING id INTO attempt_id;
END;
$function$;

-- comptoir_booking_book(p_slot integer, p_holder text, p_ref text) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_booking_book(p_slot integer, p_holder text, p_ref text)
 RETURNS json
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_kind text;
  v_prev record;
  v_converted boolean := false;
  v_id int;
BEGIN
  SELECT kind INTO v_kind FROM capacity_slots WHERE id = p_slot;
  IF NOT FOUND THEN RAISE EXCEPTION 'comptoir:booking_slot_unknown'; END IF;
  SELECT id, slot_id INTO v_prev FROM capacity_claims WHERE kind = v_kind AND ref = p_ref AND state = 'booked';
  IF FOUND THEN
    IF v_prev.slot_id <> p_slot THEN RAISE EXCEPTION 'comptoir:booking_ref_booked'; END IF;
    RETURN json_build_object('id', v_prev.id, 'slot_id', p_slot, 'from_hold', false, 'replayed', true);
  END IF;
  IF p_holder IS NOT NULL THEN
    UPDATE capacity_claims
    SET state = CASE WHEN expires_at <= now() THEN 'lapsed' WHEN slot_id = p_slot THEN 'converted' ELSE 'released' END,
        updated_at = now()
    WHERE kind = v_kind AND holder = p_holder AND state = 'held'
    RETURNING state = 'converted' INTO v_converted;
    v_converted := COALESCE(v_converted, false);
  END IF;
  -- The hold is out of the count now; the trigger refuses a full slot.
  INSERT INTO capacity_claims (kind, slot_id, holder, ref, state) VALUES (v_kind, p_slot, p_holder, p_ref, 'booked')
  RETURNING id INTO v_id;
  RETURN json_build_object('id', v_id, 'slot_id', p_slot, 'from_hold', v_converted, 'replayed', false);
END;
$function$;

-- comptoir_booking_capacity_guard() (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_booking_capacity_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_taken int;
BEGIN
  IF NEW.capacity < OLD.capacity THEN
    v_taken := comptoir_booking_taken(NEW.id);
    IF v_taken > NEW.capacity THEN RAISE EXCEPTION 'comptoir:booking_capacity_below_taken:%', v_taken; END IF;
  END IF;
  RETURN NEW;
END;
$function$;

-- comptoir_booking_guard() (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_booking_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_capacity int;
BEGIN
  -- Only a claim that counts once written can overbook.
  IF NOT (NEW.state = 'booked' OR (NEW.state = 'held' AND NEW.expires_at > now())) THEN RETURN NEW; END IF;
  -- Counted on this slot already (a hold extended, a booking touched): no new place taken.
  IF TG_OP = 'UPDATE' AND OLD.slot_id = NEW.slot_id AND (OLD.state = 'booked' OR (OLD.state = 'held' AND OLD.expires_at > now())) THEN
    RETURN NEW;
  END IF;
  SELECT capacity INTO v_capacity FROM capacity_slots WHERE id = NEW.slot_id FOR NO KEY UPDATE;
  IF comptoir_booking_taken(NEW.slot_id, NEW.id, CASE WHEN NEW.state = 'held' THEN NEW.holder END) >= v_capacity THEN
    RAISE EXCEPTION 'comptoir:booking_full:%', v_capacity;
  END IF;
  RETURN NEW;
END;
$function$;

-- comptoir_booking_hold(p_slot integer, p_holder text, p_minutes integer) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_booking_hold(p_slot integer, p_holder text, p_minutes integer)
 RETURNS json
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_id int;
  v_expires timestamptz;
BEGIN
  INSERT INTO capacity_claims (kind, slot_id, holder, state, expires_at)
  SELECT s.kind, s.id, p_holder, 'held', now() + make_interval(mins => p_minutes) FROM capacity_slots s WHERE s.id = p_slot
  ON CONFLICT (kind, holder) WHERE state = 'held'
  DO UPDATE SET slot_id = excluded.slot_id, expires_at = excluded.expires_at, updated_at = now()
  RETURNING id, expires_at INTO v_id, v_expires;
  IF v_id IS NULL THEN RAISE EXCEPTION 'comptoir:booking_slot_unknown'; END IF;
  RETURN json_build_object('id', v_id, 'slot_id', p_slot, 'expires_at', v_expires);
END;
$function$;

-- comptoir_booking_taken(p_slot integer, p_claim integer, p_holder text) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_booking_taken(p_slot integer, p_claim integer DEFAULT NULL::integer, p_holder text DEFAULT NULL::text)
 RETURNS integer
 LANGUAGE sql
AS $function$
  SELECT count(*)::int FROM capacity_claims c
  WHERE c.slot_id = p_slot
    AND (c.state = 'booked' OR (c.state = 'held' AND c.expires_at > now()))
    AND c.id IS DISTINCT FROM p_claim
    AND (p_holder IS NULL OR c.state <> 'held' OR c.holder <> p_holder)
$function$;

-- comptoir_bump_version() (last written by 0034_back_office.sql)
CREATE OR REPLACE FUNCTION public.comptoir_bump_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF (to_jsonb(NEW) - 'version' - 'search' - 'search_folded') IS DISTINCT FROM (to_jsonb(OLD) - 'version' - 'search' - 'search_folded') THEN
    NEW.version := OLD.version + 1;
  ELSE
    NEW.version := OLD.version;
  END IF;
  RETURN NEW;
END;
$function$;

-- comptoir_catalog_changed() (last written by 0019_catalog_announcements.sql)
CREATE OR REPLACE FUNCTION public.comptoir_catalog_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- comptoir_drive_book(p_store integer, p_slot integer, p_holder text, p_order_ref text) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_drive_book(p_store integer, p_slot integer, p_holder text, p_order_ref text)
 RETURNS json
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_slot capacity_slots;
BEGIN
  v_slot := comptoir_drive_lock_slot(p_store, p_slot);
  RETURN (comptoir_booking_book(p_slot, p_holder, p_order_ref)::jsonb
          || jsonb_build_object('starts_at', v_slot.starts_at, 'ends_at', v_slot.ends_at))::json;
END;
$function$;

-- comptoir_drive_ensure_slots(p_from date, p_days integer, p_store integer) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_drive_ensure_slots(p_from date, p_days integer, p_store integer DEFAULT NULL::integer)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_from date := COALESCE(p_from, (now() AT TIME ZONE 'Europe/Paris')::date);
  v_done int;
BEGIN
  INSERT INTO capacity_slots (kind, store_id, starts_at, ends_at, capacity)
  SELECT 'drive', c.store_id, c.starts_at, c.ends_at, c.capacity
  FROM (
    SELECT p.store_id,
           (d.day + p.opens + make_interval(mins => n * p.slot_minutes)) AT TIME ZONE 'Europe/Paris' AS starts_at,
           (d.day + p.opens + make_interval(mins => (n + 1) * p.slot_minutes)) AT TIME ZONE 'Europe/Paris' AS ends_at,
           p.capacity
    FROM (SELECT (v_from + i) AS day FROM generate_series(0, p_days - 1) AS i) d
    JOIN drive_slot_plans p ON p.weekday = extract(isodow FROM d.day)
    JOIN stores s ON s.location_id = p.store_id AND s.drive
    -- Whole slots only: a 30-minute plan over 09:00-12:00 gives 09:00 … 11:30.
    CROSS JOIN LATERAL generate_series(0, (extract(epoch FROM p.closes - p.opens)::int / 60) / p.slot_minutes - 1) AS n
    WHERE (p_store IS NULL OR p.store_id = p_store)
      AND NOT EXISTS (SELECT 1 FROM store_closures x WHERE x.store_id = p.store_id AND x.day = d.day)
      AND NOT EXISTS (SELECT 1 FROM drive_closures x WHERE x.store_id = p.store_id AND x.day = d.day)
  ) c
  WHERE NOT EXISTS (SELECT 1 FROM capacity_slots x WHERE x.kind = 'drive' AND x.store_id = c.store_id AND x.starts_at = c.starts_at)
  ORDER BY c.store_id, c.starts_at
  ON CONFLICT (kind, store_id, starts_at) DO NOTHING;
  GET DIAGNOSTICS v_done = ROW_COUNT;
  RETURN v_done;
END;
$function$;

-- comptoir_drive_hold(p_store integer, p_slot integer, p_holder text, p_minutes integer) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_drive_hold(p_store integer, p_slot integer, p_holder text, p_minutes integer)
 RETURNS json
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM comptoir_drive_lock_slot(p_store, p_slot);
  RETURN comptoir_booking_hold(p_slot, p_holder, p_minutes);
END;
$function$;

-- comptoir_drive_lock_slot(p_store integer, p_slot integer) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_drive_lock_slot(p_store integer, p_slot integer)
 RETURNS capacity_slots
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_slot capacity_slots;
  v_cutoff int;
BEGIN
  SELECT COALESCE(ds.cutoff_minutes, 120) INTO v_cutoff
  FROM stores s LEFT JOIN drive_settings ds ON ds.store_id = s.location_id
  WHERE s.location_id = p_store AND s.drive;
  IF NOT FOUND THEN RAISE EXCEPTION 'comptoir:drive_not_available'; END IF;
  SELECT * INTO v_slot FROM capacity_slots WHERE id = p_slot AND kind = 'drive' FOR NO KEY UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'comptoir:drive_slot_unknown'; END IF;
  IF v_slot.store_id <> p_store THEN RAISE EXCEPTION 'comptoir:drive_other_store'; END IF;
  IF EXISTS (SELECT 1 FROM store_closures x WHERE x.store_id = p_store AND x.day = (v_slot.starts_at AT TIME ZONE 'Europe/Paris')::date)
     OR EXISTS (SELECT 1 FROM drive_closures x WHERE x.store_id = p_store AND x.day = (v_slot.starts_at AT TIME ZONE 'Europe/Paris')::date) THEN
    RAISE EXCEPTION 'comptoir:drive_closed';
  END IF;
  IF v_slot.starts_at - make_interval(mins => v_cutoff) <= now() THEN
    RAISE EXCEPTION 'comptoir:drive_past_cutoff:%', v_cutoff;
  END IF;
  RETURN v_slot;
END;
$function$;

-- comptoir_end_user_sessions() (last written by 0018_sign_in_sessions.sql)
CREATE OR REPLACE FUNCTION public.comptoir_end_user_sessions()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_user integer;
  v_keep text;
BEGIN
  IF TG_TABLE_NAME = 'staff_memberships' THEN
    v_user := OLD.user_id;
  ELSE
    v_user := NEW.id;
    IF OLD.role IS NOT DISTINCT FROM NEW.role THEN
      v_keep := nullif(current_setting('comptoir.keep_session', true), '');
    END IF;
  END IF;
  UPDATE auth_sessions SET revoked_at = clock_timestamp()
  WHERE user_id = v_user AND revoked_at IS NULL AND (v_keep IS NULL OR id::text <> v_keep);
  RETURN NULL;
END;
$function$;

-- comptoir_fold(p_text text) (last written by 0024_shopper_search.sql)
CREATE OR REPLACE FUNCTION public.comptoir_fold(p_text text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, p_text)) $function$;

-- comptoir_import_audit_begin(import_id integer, actor_type text, user_id integer, key_id integer) (last written by 0035_import_audit.sql)
CREATE OR REPLACE FUNCTION public.comptoir_import_audit_begin(import_id integer, actor_type text, user_id integer, key_id integer)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM set_config('comptoir.import_audit', jsonb_build_object('importId', import_id, 'actorType', actor_type, 'userId', user_id,
    'name', CASE WHEN actor_type = 'user' THEN (SELECT u.name FROM users u WHERE u.id = user_id) ELSE (SELECT k.name FROM api_keys k WHERE k.id = key_id) END)::text, true);
END $function$;

-- comptoir_loyalty_check_account() (last written by 0008_loyalty_functions.sql)
CREATE OR REPLACE FUNCTION public.comptoir_loyalty_check_account()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_customer int := NEW.customer_id;
  v_balance int;
  v_entries bigint;
  v_lots bigint;
BEGIN
  SELECT balance INTO v_balance FROM loyalty_accounts WHERE customer_id = v_customer;
  SELECT COALESCE(sum(points), 0) INTO v_entries FROM loyalty_entries WHERE customer_id = v_customer;
  SELECT COALESCE(sum(remaining), 0) INTO v_lots FROM loyalty_lots WHERE customer_id = v_customer AND remaining > 0;
  IF v_balance IS DISTINCT FROM v_entries OR v_balance IS DISTINCT FROM v_lots THEN
    RAISE EXCEPTION 'comptoir:loyalty_balance_mismatch: customer %, balance %, entries %, lots %',
      v_customer, v_balance, v_entries, v_lots USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$function$;

-- comptoir_loyalty_entries_append_only() (last written by 0008_loyalty_functions.sql)
CREATE OR REPLACE FUNCTION public.comptoir_loyalty_entries_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'comptoir:loyalty_entries_append_only'
    USING ERRCODE = 'P0001', HINT = 'Write a new entry (adjust or reverse) instead.';
END;
$function$;

-- comptoir_notify_stock_rows() (last written by 0036_stock_notify_per_statement.sql)
CREATE OR REPLACE FUNCTION public.comptoir_notify_stock_rows()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO stock_changes (location_id, sku_id, available, changed_at)
  SELECT location_id, sku_id, on_hand - reserved, updated_at FROM stock_rows;
  RETURN NULL;
END;
$function$;

-- comptoir_place_reservation(p_customer integer, p_store integer, p_skus integer[], p_quantities integer[], p_key text, p_code text, p_max_active integer, p_max_units integer, p_locale text) (last written by 0037_reservation_locale_in_place.sql)
CREATE OR REPLACE FUNCTION public.comptoir_place_reservation(p_customer integer, p_store integer, p_skus integer[], p_quantities integer[], p_key text, p_code text, p_max_active integer, p_max_units integer, p_locale text)
 RETURNS json
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_replay record;
  v_click boolean;
  v_open int;
  v_held int;
  v_skus int[];
  v_wanted int[];
  v_done int;
  v_short record;
  v_id int;
  v_code text;
  v_expires timestamptz;
BEGIN
  PERFORM 1 FROM users WHERE id = p_customer FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'comptoir:unknown_customer'; END IF;

  SELECT id, code, customer_id, expires_at INTO v_replay FROM reservations WHERE idempotency_key = p_key;
  IF FOUND THEN
    IF v_replay.customer_id <> p_customer THEN RAISE EXCEPTION 'comptoir:key_reused'; END IF;
    RETURN json_build_object('id', v_replay.id, 'code', v_replay.code, 'expires_at', v_replay.expires_at, 'replayed', true);
  END IF;

  SELECT click_reserve INTO v_click FROM stores WHERE location_id = p_store;
  IF NOT COALESCE(v_click, false) THEN RAISE EXCEPTION 'comptoir:store_not_reservable'; END IF;

  SELECT count(*) INTO v_open FROM reservations
  WHERE customer_id = p_customer AND status IN ('placed', 'ready') AND expires_at > now();
  IF v_open >= p_max_active THEN RAISE EXCEPTION 'comptoir:limit_active:%', p_max_active; END IF;

  -- Lines of one SKU count together, against the limits and against the shelf.
  SELECT array_agg(x.sku ORDER BY x.sku), array_agg(x.n ORDER BY x.sku) INTO v_skus, v_wanted
  FROM (SELECT w.sku, sum(w.n)::int AS n FROM unnest(p_skus, p_quantities) AS w(sku, n) GROUP BY w.sku) x;

  FOR i IN 1 .. coalesce(array_length(v_skus, 1), 0) LOOP
    SELECT COALESCE(sum(l.quantity), 0)::int INTO v_held
    FROM reservations r JOIN reservation_lines l ON l.reservation_id = r.id
    WHERE r.customer_id = p_customer AND r.status IN ('placed', 'ready') AND r.expires_at > now()
      AND l.sku_id = v_skus[i];
    IF v_held + v_wanted[i] > p_max_units THEN
      RAISE EXCEPTION 'comptoir:limit_units:%:%', p_max_units, v_held;
    END IF;
  END LOOP;

  -- Row locks in SKU order, so two multi-line holds at one shop queue instead of deadlocking.
  IF array_length(v_skus, 1) > 1 THEN
    PERFORM 1 FROM stock WHERE location_id = p_store AND sku_id = ANY(v_skus) ORDER BY sku_id FOR UPDATE;
  END IF;
  UPDATE stock s SET reserved = s.reserved + w.n
  FROM unnest(v_skus, v_wanted) AS w(sku, n)
  WHERE s.location_id = p_store AND s.sku_id = w.sku AND s.on_hand - s.reserved >= w.n;
  GET DIAGNOSTICS v_done = ROW_COUNT;
  IF v_done < array_length(v_skus, 1) THEN
    SELECT w.sku, s.sku_id IS NULL AS missing, s.on_hand - s.reserved AS available INTO v_short
    FROM unnest(v_skus, v_wanted) AS w(sku, n)
    LEFT JOIN stock s ON s.location_id = p_store AND s.sku_id = w.sku
    WHERE s.sku_id IS NULL OR s.on_hand - s.reserved < w.n
    ORDER BY w.sku LIMIT 1;
    IF v_short.missing THEN RAISE EXCEPTION 'comptoir:not_stocked:%', v_short.sku; END IF;
    RAISE EXCEPTION 'comptoir:out_of_stock:%:%', v_short.sku, v_short.available;
  END IF;

  -- The language of the page reserved from: the reservation's messages are written in it.
  INSERT INTO reservations (code, customer_id, store_id, status, idempotency_key, expires_at, locale)
  SELECT p_code, p_customer, s.location_id, 'placed', p_key, now() + make_interval(hours => s.reservation_hold_hours), COALESCE(p_locale, 'fr')
  FROM stores s WHERE s.location_id = p_store
  RETURNING id, code, expires_at INTO v_id, v_code, v_expires;

  -- Lines keep the shopper's order; the price is the one shown now, paid at pickup.
  INSERT INTO reservation_lines (reservation_id, sku_id, quantity, unit_price_cents)
  SELECT v_id, k.id, w.n, k.price_cents
  FROM unnest(p_skus, p_quantities) WITH ORDINALITY AS w(sku, n, ord)
  JOIN skus k ON k.id = w.sku
  ORDER BY w.ord;

  RETURN json_build_object('id', v_id, 'code', v_code, 'expires_at', v_expires, 'replayed', false);
END;
$function$;

-- comptoir_product_words(p_name_fr text, p_name_en text, p_brand text) (last written by 0024_shopper_search.sql)
CREATE OR REPLACE FUNCTION public.comptoir_product_words(p_name_fr text, p_name_en text, p_brand text)
 RETURNS SETOF text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT DISTINCT w FROM regexp_split_to_table(p_name_fr || ' ' || p_name_en || ' ' || p_brand, '[^0-9A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+') AS w
  WHERE length(w) >= 2
$function$;

-- comptoir_queue_webhook(p_event text, p_subject text, p_data jsonb) (last written by 0033_api_webhooks.sql)
CREATE OR REPLACE FUNCTION public.comptoir_queue_webhook(p_event text, p_subject text, p_data jsonb)
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO webhook_deliveries (endpoint_id, event, payload)
  SELECT e.id, p_event, jsonb_build_object('id', p_event || ':' || p_subject, 'type', p_event, 'created_at', now(), 'data', p_data)
  FROM webhook_endpoints e
  WHERE e.disabled_at IS NULL AND p_event = ANY (e.events)
$function$;

-- comptoir_return_claim() (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_return_claim()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_claim record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'cancelled' AND NEW.status <> 'cancelled' THEN
    RAISE EXCEPTION 'comptoir:return_cancelled';
  END IF;
  SELECT id, slot_id INTO v_claim FROM capacity_claims WHERE kind = 'returns' AND ref = NEW.id::text AND state = 'booked';
  IF NEW.window_id IS NULL OR NEW.status = 'cancelled' THEN
    IF FOUND THEN
      UPDATE capacity_claims SET state = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = v_claim.id;
    END IF;
  ELSIF NOT FOUND THEN
    INSERT INTO capacity_claims (kind, slot_id, ref, state) VALUES ('returns', NEW.window_id, NEW.id::text, 'booked');
  ELSIF v_claim.slot_id <> NEW.window_id THEN
    UPDATE capacity_claims SET slot_id = NEW.window_id, updated_at = now() WHERE id = v_claim.id;
  END IF;
  RETURN NULL;
END;
$function$;

-- comptoir_return_line_guard() (last written by 0013_returns_functions.sql)
CREATE OR REPLACE FUNCTION public.comptoir_return_line_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_bought int;
  v_order int;
  v_taken int;
BEGIN
  SELECT quantity, order_id INTO v_bought, v_order FROM order_lines WHERE id = NEW.order_line_id FOR NO KEY UPDATE;
  IF NOT FOUND OR v_order <> (SELECT order_id FROM returns WHERE id = NEW.return_id) THEN
    RAISE EXCEPTION 'comptoir:return_line_unknown';
  END IF;
  IF NEW.outcome IS NOT DISTINCT FROM 'refused' THEN RETURN NEW; END IF;
  SELECT COALESCE(sum(rl.quantity), 0) INTO v_taken
  FROM return_lines rl JOIN returns r ON r.id = rl.return_id
  WHERE rl.order_line_id = NEW.order_line_id AND r.status <> 'cancelled'
    AND rl.outcome IS DISTINCT FROM 'refused' AND rl.id <> NEW.id;
  IF v_taken + NEW.quantity > v_bought THEN
    RAISE EXCEPTION 'comptoir:return_exceeds:%', greatest(0, v_bought - v_taken);
  END IF;
  RETURN NEW;
END;
$function$;

-- comptoir_return_lock_window(p_store integer, p_starts timestamp with time zone, p_days integer, p_capacity integer) (last written by 0022_capacity_booking.sql)
CREATE OR REPLACE FUNCTION public.comptoir_return_lock_window(p_store integer, p_starts timestamp with time zone, p_days integer, p_capacity integer)
 RETURNS capacity_slots
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_window capacity_slots;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM stores WHERE location_id = p_store AND returns_desk) THEN
    RAISE EXCEPTION 'comptoir:return_no_desk';
  END IF;
  IF p_starts <= now() THEN RAISE EXCEPTION 'comptoir:return_window_past'; END IF;
  IF NOT EXISTS (
    SELECT 1 FROM comptoir_return_windows(p_store, (now() AT TIME ZONE 'Europe/Paris')::date, p_days) w WHERE w.starts_at = p_starts
  ) THEN
    RAISE EXCEPTION 'comptoir:return_window_closed';
  END IF;
  INSERT INTO capacity_slots (kind, store_id, starts_at, ends_at, capacity)
  SELECT 'returns', p_store, p_starts, p_starts + interval '1 hour',
         COALESCE((SELECT capacity_per_hour FROM return_desk_settings WHERE store_id = p_store), p_capacity)
  ON CONFLICT (kind, store_id, starts_at) DO NOTHING;
  SELECT * INTO v_window FROM capacity_slots
  WHERE kind = 'returns' AND store_id = p_store AND starts_at = p_starts FOR NO KEY UPDATE;
  RETURN v_window;
END;
$function$;

-- comptoir_return_windows(p_store integer, p_from date, p_days integer) (last written by 0013_returns_functions.sql)
CREATE OR REPLACE FUNCTION public.comptoir_return_windows(p_store integer, p_from date, p_days integer)
 RETURNS TABLE(starts_at timestamp with time zone, ends_at timestamp with time zone)
 LANGUAGE sql
 STABLE
AS $function$
  SELECT (d.day + h.opens + make_interval(hours => n)) AT TIME ZONE 'Europe/Paris',
         (d.day + h.opens + make_interval(hours => n + 1)) AT TIME ZONE 'Europe/Paris'
  FROM (SELECT p_from + i AS day FROM generate_series(0, p_days - 1) AS i) d
  JOIN store_hours h ON h.store_id = p_store AND h.weekday = extract(isodow FROM d.day)
  CROSS JOIN LATERAL generate_series(0, (extract(epoch FROM h.closes - h.opens)::int / 3600) - 1) AS n
  WHERE NOT EXISTS (SELECT 1 FROM store_closures x WHERE x.store_id = p_store AND x.day = d.day)
  ORDER BY 1
$function$;

-- comptoir_search_tsquery(p_config regconfig, p_text text, p_weights text) (last written by 0024_shopper_search.sql)
CREATE OR REPLACE FUNCTION public.comptoir_search_tsquery(p_config regconfig, p_text text, p_weights text)
 RETURNS tsquery
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
DECLARE
  q tsquery := phraseto_tsquery(p_config, comptoir_fold(p_text));
BEGIN
  IF numnode(q) = 0 THEN
    RETURN q;
  END IF;
  RETURN regexp_replace(q::text, '(''(?:[^'']|'''')+'')', '\1:' || p_weights, 'g')::tsquery;
END;
$function$;

-- comptoir_search_words_changed() (last written by 0024_shopper_search.sql)
CREATE OR REPLACE FUNCTION public.comptoir_search_words_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- comptoir_stamp_feed_xid() (last written by 0033_api_webhooks.sql)
CREATE OR REPLACE FUNCTION public.comptoir_stamp_feed_xid()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.feed_xid := (pg_current_xact_id()::text)::bigint;
  RETURN NEW;
END $function$;

-- comptoir_stock_relay_awake(p_awake boolean) (last written by 0020_stock_outbox_wake.sql)
CREATE OR REPLACE FUNCTION public.comptoir_stock_relay_awake(p_awake boolean)
 RETURNS boolean
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_held boolean := EXISTS (
    SELECT 1 FROM pg_locks
    WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND classid = 0 AND objid = 7423003
      AND objsubid = 1 AND mode = 'ShareLock' AND granted
  );
BEGIN
  IF p_awake AND NOT v_held THEN
    RETURN pg_try_advisory_lock_shared(7423003);
  ELSIF NOT p_awake AND v_held THEN
    PERFORM pg_advisory_unlock_shared(7423003);
    RETURN false;
  END IF;
  RETURN v_held;
END;
$function$;

-- comptoir_take_stock_changes(p_limit integer, p_notify boolean) (last written by 0023_stock_relay_publish.sql)
CREATE OR REPLACE FUNCTION public.comptoir_take_stock_changes(p_limit integer, p_notify boolean)
 RETURNS TABLE(taken integer, payload text)
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_payloads text[];
  v_payload text;
  v_taken integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7423001) THEN
    RETURN QUERY SELECT -1, NULL::text;
    RETURN;
  END IF;
  DELETE FROM stock_changes WHERE noted_at < clock_timestamp() - interval '1 minute';
  WITH gone AS (
    DELETE FROM stock_changes
    WHERE id IN (SELECT id FROM stock_changes ORDER BY id LIMIT p_limit)
    RETURNING id, location_id, sku_id, available, changed_at
  ), latest AS (
    SELECT DISTINCT ON (location_id, sku_id) * FROM gone ORDER BY location_id, sku_id, id DESC
  )
  SELECT (SELECT count(*) FROM gone)::integer, array_agg(
    json_build_object(
      'storeId', location_id,
      'skuId', sku_id,
      'available', available,
      'asOf', to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::text ORDER BY id)
  INTO v_taken, v_payloads FROM latest;
  IF v_taken = 0 THEN
    RETURN;
  END IF;
  PERFORM set_config('synchronous_commit', 'off', true);
  IF p_notify THEN
    FOREACH v_payload IN ARRAY v_payloads LOOP
      PERFORM pg_notify('stock', v_payload);
    END LOOP;
  END IF;
  RETURN QUERY SELECT v_taken, u.p FROM unnest(v_payloads) WITH ORDINALITY AS u(p, i) ORDER BY u.i;
END;
$function$;

-- comptoir_touch_stock() (last written by 0001_stock_notify.sql)
CREATE OR REPLACE FUNCTION public.comptoir_touch_stock()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$function$;

-- comptoir_wake_stock_relay() (last written by 0020_stock_outbox_wake.sql)
CREATE OR REPLACE FUNCTION public.comptoir_wake_stock_relay()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF pg_try_advisory_xact_lock(7423003) THEN
    PERFORM pg_notify('stock_outbox', '');
  END IF;
  RETURN NULL;
END;
$function$;

-- comptoir_wallet_entries_append_only() (last written by 0029_wallet_gift_cards.sql)
CREATE OR REPLACE FUNCTION public.comptoir_wallet_entries_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'comptoir:wallet_entries_append_only'
    USING ERRCODE = 'P0001', HINT = 'Write a new entry (refund or adjust) instead.';
END;
$function$;

-- comptoir_webhook_order_placed() (last written by 0033_api_webhooks.sql)
CREATE OR REPLACE FUNCTION public.comptoir_webhook_order_placed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM comptoir_queue_webhook('order.placed', NEW.id::text, jsonb_build_object('order', jsonb_build_object(
    'id', NEW.id, 'number', NEW.number, 'mode', NEW.mode, 'status', NEW.status, 'location_id', NEW.location_id,
    'placed_at_store_id', NEW.placed_at_store_id, 'total_cents', NEW.total_cents, 'placed_at', NEW.placed_at)));
  RETURN NULL;
END $function$;

-- comptoir_webhook_reservation_placed() (last written by 0033_api_webhooks.sql)
CREATE OR REPLACE FUNCTION public.comptoir_webhook_reservation_placed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM comptoir_queue_webhook('reservation.placed', NEW.id::text, jsonb_build_object('reservation', jsonb_build_object(
    'id', NEW.id, 'code', NEW.code, 'store_id', NEW.store_id, 'status', NEW.status, 'created_at', NEW.created_at, 'expires_at', NEW.expires_at)));
  RETURN NULL;
END $function$;

-- comptoir_webhook_return_checked_in() (last written by 0033_api_webhooks.sql)
CREATE OR REPLACE FUNCTION public.comptoir_webhook_return_checked_in()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.received_at IS NULL OR (TG_OP = 'UPDATE' AND OLD.received_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  PERFORM comptoir_queue_webhook('return.checked_in', NEW.id::text, jsonb_build_object('return', jsonb_build_object(
    'id', NEW.id, 'code', NEW.code, 'order_id', NEW.order_id, 'store_id', NEW.store_id, 'status', NEW.status,
    'refund_cents', NEW.refund_cents, 'received_at', NEW.received_at)));
  RETURN NULL;
END $function$;

-- sale_payments_balance() (last written by 0027_till_tender_close.sql)
CREATE OR REPLACE FUNCTION public.sale_payments_balance()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

-- 55 triggers, by table

CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION comptoir_audit_log_append_only();
CREATE TRIGGER capacity_claims_within_capacity BEFORE INSERT OR UPDATE ON capacity_claims FOR EACH ROW EXECUTE FUNCTION comptoir_booking_guard();
CREATE TRIGGER capacity_slots_capacity BEFORE UPDATE OF capacity ON capacity_slots FOR EACH ROW EXECUTE FUNCTION comptoir_booking_capacity_guard();
CREATE TRIGGER categories_announce_delete AFTER DELETE ON categories REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER categories_announce_insert AFTER INSERT ON categories REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER categories_announce_truncate AFTER TRUNCATE ON categories FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER categories_announce_update AFTER UPDATE ON categories REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE CONSTRAINT TRIGGER loyalty_accounts_consistent AFTER INSERT OR UPDATE ON loyalty_accounts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_check_account();
CREATE TRIGGER loyalty_entries_append_only BEFORE DELETE OR UPDATE ON loyalty_entries FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_entries_append_only();
CREATE CONSTRAINT TRIGGER loyalty_entries_consistent AFTER INSERT ON loyalty_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_check_account();
CREATE CONSTRAINT TRIGGER loyalty_lots_consistent AFTER INSERT OR UPDATE ON loyalty_lots DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_check_account();
CREATE TRIGGER orders_feed_xid BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION comptoir_stamp_feed_xid();
CREATE TRIGGER orders_webhook_placed AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION comptoir_webhook_order_placed();
CREATE TRIGGER products_announce_delete AFTER DELETE ON products REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER products_announce_insert AFTER INSERT ON products REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER products_announce_truncate AFTER TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER products_announce_update AFTER UPDATE ON products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER products_bump_version BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION comptoir_bump_version();
CREATE TRIGGER products_import_audit AFTER INSERT OR UPDATE ON products FOR EACH ROW EXECUTE FUNCTION comptoir_audit_import();
CREATE TRIGGER products_search_words_delete AFTER DELETE ON products REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
CREATE TRIGGER products_search_words_insert AFTER INSERT ON products REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
CREATE TRIGGER products_search_words_truncate AFTER TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
CREATE TRIGGER products_search_words_update AFTER UPDATE ON products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_search_words_changed();
CREATE TRIGGER reservations_webhook_placed AFTER INSERT ON reservations FOR EACH ROW EXECUTE FUNCTION comptoir_webhook_reservation_placed();
CREATE TRIGGER return_lines_within_bought BEFORE INSERT OR UPDATE OF quantity, outcome, order_line_id ON return_lines FOR EACH ROW EXECUTE FUNCTION comptoir_return_line_guard();
CREATE TRIGGER returns_feed_xid BEFORE INSERT OR UPDATE ON returns FOR EACH ROW EXECUTE FUNCTION comptoir_stamp_feed_xid();
CREATE TRIGGER returns_webhook_checked_in AFTER INSERT OR UPDATE OF received_at ON returns FOR EACH ROW EXECUTE FUNCTION comptoir_webhook_return_checked_in();
CREATE TRIGGER returns_window_claim AFTER INSERT OR UPDATE OF window_id, status ON returns FOR EACH ROW EXECUTE FUNCTION comptoir_return_claim();
CREATE CONSTRAINT TRIGGER sale_payments_sum_to_total AFTER INSERT OR DELETE OR UPDATE ON sale_payments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sale_payments_balance();
CREATE CONSTRAINT TRIGGER sales_paid_in_full AFTER INSERT OR UPDATE OF total_cents ON sales DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (new.source = 'till'::text AND new.idempotency_key IS NOT NULL) EXECUTE FUNCTION sale_payments_balance();
CREATE TRIGGER skus_announce_delete AFTER DELETE ON skus REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER skus_announce_insert AFTER INSERT ON skus REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER skus_announce_truncate AFTER TRUNCATE ON skus FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER skus_announce_update AFTER UPDATE ON skus REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER skus_bump_version BEFORE UPDATE ON skus FOR EACH ROW EXECUTE FUNCTION comptoir_bump_version();
CREATE TRIGGER skus_import_audit AFTER INSERT OR UPDATE ON skus FOR EACH ROW EXECUTE FUNCTION comptoir_audit_import();
CREATE TRIGGER staff_memberships_end_sessions AFTER DELETE ON staff_memberships FOR EACH ROW EXECUTE FUNCTION comptoir_end_user_sessions();
CREATE TRIGGER stock_notify_insert AFTER INSERT ON stock REFERENCING NEW TABLE AS stock_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_notify_stock_rows();
CREATE TRIGGER stock_notify_update AFTER UPDATE ON stock REFERENCING NEW TABLE AS stock_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_notify_stock_rows();
CREATE TRIGGER stock_touch BEFORE UPDATE OF on_hand, reserved ON stock FOR EACH ROW EXECUTE FUNCTION comptoir_touch_stock();
CREATE TRIGGER stock_changes_wake_relay AFTER INSERT ON stock_changes FOR EACH STATEMENT EXECUTE FUNCTION comptoir_wake_stock_relay();
CREATE TRIGGER store_closures_announce_delete AFTER DELETE ON store_closures REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER store_closures_announce_insert AFTER INSERT ON store_closures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER store_closures_announce_truncate AFTER TRUNCATE ON store_closures FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER store_closures_announce_update AFTER UPDATE ON store_closures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER store_credit_entries_append_only BEFORE DELETE OR UPDATE ON store_credit_entries FOR EACH ROW EXECUTE FUNCTION comptoir_wallet_entries_append_only();
CREATE TRIGGER store_hours_announce_delete AFTER DELETE ON store_hours REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER store_hours_announce_insert AFTER INSERT ON store_hours REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER store_hours_announce_truncate AFTER TRUNCATE ON store_hours FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER store_hours_announce_update AFTER UPDATE ON store_hours REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER stores_announce_delete AFTER DELETE ON stores REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER stores_announce_insert AFTER INSERT ON stores REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER stores_announce_truncate AFTER TRUNCATE ON stores FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER stores_announce_update AFTER UPDATE ON stores REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comptoir_catalog_changed();
CREATE TRIGGER users_end_sessions AFTER UPDATE OF password_hash, role ON users FOR EACH ROW WHEN (old.password_hash IS DISTINCT FROM new.password_hash OR old.role IS DISTINCT FROM new.role) EXECUTE FUNCTION comptoir_end_user_sessions();
