-- Returns (lib/returns): drop-off windows computed from opening hours, and the two invariants.
-- All custom SQL of the returns domain lives in this one file.
--
-- 1. A drop-off window never takes more returns than its capacity.
-- 2. An order line is never returned more than it was bought: the units on live returns (not
--    cancelled) whose line is not refused stay within the order line's quantity.
-- Both are kept by BEFORE triggers that lock one row (the window, the order line) FOR NO KEY
-- UPDATE and only then count, so concurrent writers on it queue and each count is a fresh
-- snapshot (READ COMMITTED, VOLATILE) that sees the writers before it. NO KEY UPDATE, not UPDATE:
-- the foreign keys pointing at these rows take KEY SHARE locks, which it lets through.
-- Refusals RAISE 'comptoir:return_<reason>[:<n>]' for lib/returns/refusals.ts to type.

-- Hour-long windows within the store's opening hours, `p_days` local days from `p_from`
-- (Europe/Paris), skipping exceptional closures. A window starts on the hour of opening (or every
-- hour after it) and must end by closing time: 10:00-19:30 gives 10:00 … 18:00.
CREATE OR REPLACE FUNCTION comptoir_return_windows(p_store int, p_from date, p_days int)
RETURNS TABLE (starts_at timestamptz, ends_at timestamptz)
LANGUAGE sql STABLE
AS $$
  SELECT (d.day + h.opens + make_interval(hours => n)) AT TIME ZONE 'Europe/Paris',
         (d.day + h.opens + make_interval(hours => n + 1)) AT TIME ZONE 'Europe/Paris'
  FROM (SELECT p_from + i AS day FROM generate_series(0, p_days - 1) AS i) d
  JOIN store_hours h ON h.store_id = p_store AND h.weekday = extract(isodow FROM d.day)
  CROSS JOIN LATERAL generate_series(0, (extract(epoch FROM h.closes - h.opens)::int / 3600) - 1) AS n
  WHERE NOT EXISTS (SELECT 1 FROM store_closures x WHERE x.store_id = p_store AND x.day = d.day)
  ORDER BY 1
$$;
--> statement-breakpoint

-- The window a booking asks for, made on first use and locked to the end of the caller's
-- transaction. Refuses a store without a returns desk, a window that has started, and one that is
-- not offered (closed that day or hour, or beyond the `p_days` ahead).
CREATE OR REPLACE FUNCTION comptoir_return_lock_window(p_store int, p_starts timestamptz, p_days int, p_capacity int)
RETURNS return_windows
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_window return_windows;
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
  INSERT INTO return_windows (store_id, starts_at, ends_at, capacity)
  SELECT p_store, p_starts, p_starts + interval '1 hour',
         COALESCE((SELECT capacity_per_hour FROM return_desk_settings WHERE store_id = p_store), p_capacity)
  ON CONFLICT (store_id, starts_at) DO NOTHING;
  SELECT * INTO v_window FROM return_windows WHERE store_id = p_store AND starts_at = p_starts FOR NO KEY UPDATE;
  RETURN v_window;
END;
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION comptoir_return_window_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_capacity int;
BEGIN
  -- A cancelled return stays cancelled: its window place and its units were given back.
  IF TG_OP = 'UPDATE' AND OLD.status = 'cancelled' AND NEW.status <> 'cancelled' THEN
    RAISE EXCEPTION 'comptoir:return_cancelled';
  END IF;
  IF NEW.window_id IS NULL OR NEW.status = 'cancelled' THEN RETURN NEW; END IF;
  IF TG_OP = 'UPDATE' AND OLD.window_id = NEW.window_id THEN RETURN NEW; END IF;
  SELECT capacity INTO v_capacity FROM return_windows WHERE id = NEW.window_id FOR NO KEY UPDATE;
  IF (SELECT count(*) FROM returns r
      WHERE r.window_id = NEW.window_id AND r.status <> 'cancelled' AND r.id <> NEW.id) >= v_capacity THEN
    RAISE EXCEPTION 'comptoir:return_window_full:%', v_capacity;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION comptoir_return_line_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
--> statement-breakpoint

CREATE TRIGGER returns_window_capacity BEFORE INSERT OR UPDATE OF window_id, status ON returns
  FOR EACH ROW EXECUTE FUNCTION comptoir_return_window_guard();
--> statement-breakpoint
CREATE TRIGGER return_lines_within_bought BEFORE INSERT OR UPDATE OF quantity, outcome, order_line_id ON return_lines
  FOR EACH ROW EXECUTE FUNCTION comptoir_return_line_guard();
--> statement-breakpoint

-- Lowering a window's capacity below the returns already booked in it would overbook it.
CREATE OR REPLACE FUNCTION comptoir_return_capacity_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_taken int;
BEGIN
  SELECT count(*) INTO v_taken FROM returns WHERE window_id = NEW.id AND status <> 'cancelled';
  IF NEW.capacity < OLD.capacity AND v_taken > NEW.capacity THEN
    RAISE EXCEPTION 'comptoir:return_capacity_below_taken:%', v_taken;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER return_windows_capacity BEFORE UPDATE OF capacity ON return_windows
  FOR EACH ROW EXECUTE FUNCTION comptoir_return_capacity_guard();
