-- A reservation's language is written with it, by the placing function (0003), in its transaction.
--
-- Why: the function took no language, so the app set an English reservation's language with a
-- second statement after the placing one had committed. A failure between the two (a dropped
-- connection, a restart) left the reservation in French for good: the shopper's retry with the
-- same key is answered from the first placing and sets nothing. Now the language is one more
-- argument; NULL keeps the column's default ('fr'). The rest of the function is 0003's, unchanged.
DROP FUNCTION IF EXISTS comptoir_place_reservation(integer, integer, integer[], integer[], text, text, integer, integer);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_place_reservation(p_customer integer, p_store integer, p_skus integer[], p_quantities integer[], p_key text, p_code text, p_max_active integer, p_max_units integer, p_locale text)
RETURNS json AS $$
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
$$ LANGUAGE plpgsql;
