-- Drive pickup slots (lib/drive): slot generation, the capacity invariant, hold and book.
-- All custom SQL of the drive domain lives in this one file.
--
-- The invariant: for every slot, booked bookings + live holds (state 'held', expires_at ahead)
-- never exceed its capacity. It is kept by BEFORE triggers on the two tables that count against
-- a slot: each locks the slot row (FOR UPDATE) and only then counts, so concurrent writers on one
-- slot queue, and each count is a fresh snapshot (READ COMMITTED, VOLATILE) that sees the writers
-- before it. Any writer — the functions below, a script, a future module — is held to it.
-- Refusals RAISE 'comptoir:<reason>[:<n>]' for lib/drive/commands.ts to turn into typed errors.

-- Slot rows for the plan's windows, `p_days` local days from `p_from` (Europe/Paris), skipping
-- closed days. Local wall-clock times become instants with AT TIME ZONE, so a 09:00 slot is at
-- 09:00 on both sides of a DST change. Idempotent: existing slots are skipped before insertion
-- (no sequence values burnt on every poll) and ON CONFLICT covers two callers at once.
CREATE OR REPLACE FUNCTION comptoir_drive_ensure_slots(p_from date, p_days int, p_store int DEFAULT NULL)
RETURNS int
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_from date := COALESCE(p_from, (now() AT TIME ZONE 'Europe/Paris')::date);
  v_done int;
BEGIN
  INSERT INTO drive_slots (store_id, starts_at, ends_at, capacity)
  SELECT c.store_id, c.starts_at, c.ends_at, c.capacity
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
  WHERE NOT EXISTS (SELECT 1 FROM drive_slots x WHERE x.store_id = c.store_id AND x.starts_at = c.starts_at)
  ORDER BY c.store_id, c.starts_at
  ON CONFLICT (store_id, starts_at) DO NOTHING;
  GET DIAGNOSTICS v_done = ROW_COUNT;
  RETURN v_done;
END;
$$;
--> statement-breakpoint

-- Places taken on a slot by everything but the row being written (and, for a hold, by anything
-- else of the same holder: their one hold is being moved or extended, not added).
CREATE OR REPLACE FUNCTION comptoir_drive_taken(p_slot int, p_booking int, p_hold int, p_holder text)
RETURNS int
LANGUAGE sql VOLATILE
AS $$
  SELECT (SELECT count(*) FROM drive_slot_bookings b
          WHERE b.slot_id = p_slot AND b.status = 'booked' AND b.id IS DISTINCT FROM p_booking)::int
       + (SELECT count(*) FROM drive_slot_holds h
          WHERE h.slot_id = p_slot AND h.state = 'held' AND h.expires_at > now()
            AND h.id IS DISTINCT FROM p_hold AND (p_holder IS NULL OR h.holder <> p_holder))::int
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION comptoir_drive_hold_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_capacity int;
BEGIN
  IF NEW.state <> 'held' OR NEW.expires_at <= now() THEN RETURN NEW; END IF;
  -- Extending a live hold on the same slot takes no new place.
  IF TG_OP = 'UPDATE' AND OLD.state = 'held' AND OLD.slot_id = NEW.slot_id AND OLD.expires_at > now() THEN RETURN NEW; END IF;
  SELECT capacity INTO v_capacity FROM drive_slots WHERE id = NEW.slot_id FOR UPDATE;
  IF comptoir_drive_taken(NEW.slot_id, NULL, NEW.id, NEW.holder) >= v_capacity THEN
    RAISE EXCEPTION 'comptoir:drive_full:%', v_capacity;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION comptoir_drive_booking_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_capacity int;
BEGIN
  IF NEW.status <> 'booked' THEN RETURN NEW; END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'booked' AND OLD.slot_id = NEW.slot_id THEN RETURN NEW; END IF;
  SELECT capacity INTO v_capacity FROM drive_slots WHERE id = NEW.slot_id FOR UPDATE;
  IF comptoir_drive_taken(NEW.slot_id, NEW.id, NULL, NULL) >= v_capacity THEN
    RAISE EXCEPTION 'comptoir:drive_full:%', v_capacity;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint

-- Lowering a slot's capacity below the places already taken would overbook it.
CREATE OR REPLACE FUNCTION comptoir_drive_capacity_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  IF NEW.capacity < OLD.capacity AND comptoir_drive_taken(NEW.id, NULL, NULL, NULL) > NEW.capacity THEN
    RAISE EXCEPTION 'comptoir:drive_capacity_below_taken:%', comptoir_drive_taken(NEW.id, NULL, NULL, NULL);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint

CREATE TRIGGER drive_slot_holds_capacity BEFORE INSERT OR UPDATE ON drive_slot_holds
  FOR EACH ROW EXECUTE FUNCTION comptoir_drive_hold_guard();
--> statement-breakpoint
CREATE TRIGGER drive_slot_bookings_capacity BEFORE INSERT OR UPDATE ON drive_slot_bookings
  FOR EACH ROW EXECUTE FUNCTION comptoir_drive_booking_guard();
--> statement-breakpoint
CREATE TRIGGER drive_slots_capacity BEFORE UPDATE OF capacity ON drive_slots
  FOR EACH ROW EXECUTE FUNCTION comptoir_drive_capacity_guard();
--> statement-breakpoint

-- Locks a slot asked for at a store and refuses what may not be taken: an unknown slot, one of
-- another store, a store without drive, a closed day, a slot past its cut-off. The lock is held
-- to the end of the caller's transaction, so the checks and the count that follows agree.
CREATE OR REPLACE FUNCTION comptoir_drive_lock_slot(p_store int, p_slot int)
RETURNS drive_slots
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_slot drive_slots;
  v_cutoff int;
BEGIN
  SELECT COALESCE(ds.cutoff_minutes, 120) INTO v_cutoff
  FROM stores s LEFT JOIN drive_settings ds ON ds.store_id = s.location_id
  WHERE s.location_id = p_store AND s.drive;
  IF NOT FOUND THEN RAISE EXCEPTION 'comptoir:drive_not_available'; END IF;
  SELECT * INTO v_slot FROM drive_slots WHERE id = p_slot FOR UPDATE;
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
$$;
--> statement-breakpoint

-- A shopper chooses a slot: their one hold moves here (or is extended), for p_minutes.
CREATE OR REPLACE FUNCTION comptoir_drive_hold(p_store int, p_slot int, p_holder text, p_minutes int)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_slot drive_slots;
  v_id int;
  v_expires timestamptz;
BEGIN
  v_slot := comptoir_drive_lock_slot(p_store, p_slot);
  -- The capacity check is the trigger's (drive_slot_holds_capacity): it refuses a full slot.
  INSERT INTO drive_slot_holds (slot_id, holder, state, expires_at)
  VALUES (p_slot, p_holder, 'held', now() + make_interval(mins => p_minutes))
  ON CONFLICT (holder) WHERE state = 'held'
  DO UPDATE SET slot_id = excluded.slot_id, expires_at = excluded.expires_at, updated_at = now()
  RETURNING id, expires_at INTO v_id, v_expires;
  RETURN json_build_object('id', v_id, 'slot_id', p_slot, 'expires_at', v_expires);
END;
$$;
--> statement-breakpoint

-- Placing an order: the holder's live hold on this slot becomes the order's booking; without one
-- (lapsed, never taken) the order books only if a place is free. Any other hold of the holder is
-- let go. Runs in the caller's transaction: if the order fails later, the booking goes with it.
-- The same order booking the same slot again (a retried placement) gets its booking back.
CREATE OR REPLACE FUNCTION comptoir_drive_book(p_store int, p_slot int, p_holder text, p_order_ref text)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_slot drive_slots;
  v_prev record;
  v_converted boolean := false;
  v_id int;
BEGIN
  v_slot := comptoir_drive_lock_slot(p_store, p_slot);
  SELECT id, slot_id INTO v_prev FROM drive_slot_bookings WHERE order_ref = p_order_ref AND status = 'booked';
  IF FOUND THEN
    IF v_prev.slot_id <> p_slot THEN RAISE EXCEPTION 'comptoir:drive_order_booked'; END IF;
    RETURN json_build_object('id', v_prev.id, 'slot_id', p_slot, 'starts_at', v_slot.starts_at, 'ends_at', v_slot.ends_at,
                             'from_hold', false, 'replayed', true);
  END IF;
  IF p_holder IS NOT NULL THEN
    UPDATE drive_slot_holds
    SET state = CASE WHEN expires_at <= now() THEN 'lapsed' WHEN slot_id = p_slot THEN 'converted' ELSE 'released' END,
        updated_at = now()
    WHERE holder = p_holder AND state = 'held'
    RETURNING state = 'converted' INTO v_converted;
    v_converted := COALESCE(v_converted, false);
  END IF;
  -- The hold is out of the count now; the trigger (drive_slot_bookings_capacity) refuses a full slot.
  INSERT INTO drive_slot_bookings (slot_id, order_ref, holder, status)
  VALUES (p_slot, p_order_ref, p_holder, 'booked')
  RETURNING id INTO v_id;
  RETURN json_build_object('id', v_id, 'slot_id', p_slot, 'starts_at', v_slot.starts_at, 'ends_at', v_slot.ends_at,
                           'from_hold', v_converted, 'replayed', false);
END;
$$;
