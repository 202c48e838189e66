-- Capacity booking (lib/booking): drive pickup slots (0005/0006) and returns drop-off windows
-- (0012/0013) were two copies of one thing — a slot with a capacity, and claims on it that must
-- never exceed it. They become one pair of tables, one invariant and one set of functions; drive
-- and returns keep only what is theirs (a drive's plan, cut-off and closures; a desk's offered
-- windows). Data is carried over in place: drive slots keep their ids (pages and forms name them),
-- return windows are renumbered after them, every hold, booking and booked return becomes a claim.
-- The old tables' names stay as views over the new ones (what drive and returns call their rows,
-- and what reports, scripts and the seed already read); the views are updatable, so a writer
-- through them is held to the same triggers.
--
-- The invariant: for every slot, claims `booked`, plus claims `held` whose expires_at is ahead,
-- never exceed its capacity. A BEFORE trigger on capacity_claims locks the slot row (FOR NO KEY
-- UPDATE: the claims' foreign key takes KEY SHARE, which it lets through) and only then counts,
-- so concurrent writers on one slot queue, and each count is a fresh snapshot (READ COMMITTED,
-- VOLATILE) that sees the writers before it. Refusals RAISE 'comptoir:booking_<reason>[:<n>]'
-- (lib/booking/refusals.ts); the domains' own checks RAISE 'comptoir:drive_…' / 'comptoir:return_…'.

CREATE TABLE capacity_slots (
  id serial PRIMARY KEY,
  kind text NOT NULL,
  store_id integer NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity smallint NOT NULL,
  CONSTRAINT capacity_slots_store_id_stores_location_id_fk FOREIGN KEY (store_id) REFERENCES stores (location_id) ON DELETE CASCADE,
  CONSTRAINT capacity_slots_kind_store_starts UNIQUE (kind, store_id, starts_at),
  -- The target of the claims' (slot_id, kind) foreign key: a claim is of its slot's kind.
  CONSTRAINT capacity_slots_id_kind UNIQUE (id, kind),
  CONSTRAINT capacity_slots_kind CHECK (kind in ('drive', 'returns')),
  CONSTRAINT capacity_slots_order CHECK (starts_at < ends_at),
  -- The bounds each kind had: a drive slot up to 1,000 orders, a drop-off window up to 200 returns.
  CONSTRAINT capacity_slots_capacity CHECK (capacity >= 0 and capacity <= case kind when 'returns' then 200 else 1000 end)
);
--> statement-breakpoint
CREATE TABLE capacity_claims (
  id serial PRIMARY KEY,
  kind text NOT NULL,
  slot_id integer NOT NULL,
  holder text,
  ref text,
  state text NOT NULL,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  -- RESTRICT: a slot with claims on it is not deleted (its bookings would vanish with it).
  CONSTRAINT capacity_claims_slot_fk FOREIGN KEY (slot_id, kind) REFERENCES capacity_slots (id, kind) ON DELETE RESTRICT,
  CONSTRAINT capacity_claims_state CHECK (state in ('held', 'converted', 'released', 'lapsed', 'booked', 'cancelled')),
  -- A booking names what it is for; a hold names its holder and when it lapses.
  CONSTRAINT capacity_claims_shape CHECK (
    case when state in ('booked', 'cancelled') then ref is not null else holder is not null and expires_at is not null and ref is null end
  )
);
--> statement-breakpoint

-- Drive slots keep their ids; the sequence then continues after the largest.
INSERT INTO capacity_slots (id, kind, store_id, starts_at, ends_at, capacity)
SELECT id, 'drive', store_id, starts_at, ends_at, capacity FROM drive_slots ORDER BY id;
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('capacity_slots', 'id'), COALESCE((SELECT max(id) FROM capacity_slots), 0) + 1, false);
--> statement-breakpoint
ALTER TABLE return_windows ADD COLUMN slot_id integer;
--> statement-breakpoint
UPDATE return_windows w SET slot_id = n.slot_id
FROM (SELECT id, nextval(pg_get_serial_sequence('capacity_slots', 'id'))::int AS slot_id FROM (SELECT id FROM return_windows ORDER BY id) o) n
WHERE n.id = w.id;
--> statement-breakpoint
INSERT INTO capacity_slots (id, kind, store_id, starts_at, ends_at, capacity)
SELECT slot_id, 'returns', store_id, starts_at, ends_at, capacity FROM return_windows ORDER BY slot_id;
--> statement-breakpoint
INSERT INTO capacity_claims (kind, slot_id, holder, ref, state, expires_at, created_at, updated_at)
SELECT 'drive', slot_id, holder, NULL, state, expires_at, created_at, updated_at FROM drive_slot_holds ORDER BY id;
--> statement-breakpoint
INSERT INTO capacity_claims (kind, slot_id, holder, ref, state, created_at, updated_at, cancelled_at)
SELECT 'drive', slot_id, holder, order_ref, status, created_at, COALESCE(cancelled_at, created_at), cancelled_at FROM drive_slot_bookings ORDER BY id;
--> statement-breakpoint
-- A booked return takes its window's place while it is not cancelled (received ones included, as before).
INSERT INTO capacity_claims (kind, slot_id, ref, state, created_at, updated_at)
SELECT 'returns', w.slot_id, r.id::text, 'booked', r.booked_at, r.updated_at
FROM returns r JOIN return_windows w ON w.id = r.window_id
WHERE r.status <> 'cancelled'
ORDER BY r.id;
--> statement-breakpoint
DROP TRIGGER returns_window_capacity ON returns;
--> statement-breakpoint
ALTER TABLE returns DROP CONSTRAINT returns_window_id_return_windows_id_fk;
--> statement-breakpoint
UPDATE returns r SET window_id = w.slot_id FROM return_windows w WHERE w.id = r.window_id;
--> statement-breakpoint
ALTER TABLE returns ADD CONSTRAINT returns_window_id_capacity_slots_id_fk FOREIGN KEY (window_id) REFERENCES capacity_slots (id) ON DELETE RESTRICT;
--> statement-breakpoint

-- The two copies go: functions typed by the old tables first, then the tables (their triggers with them).
DROP FUNCTION comptoir_drive_hold(int, int, text, int);
--> statement-breakpoint
DROP FUNCTION comptoir_drive_book(int, int, text, text);
--> statement-breakpoint
DROP FUNCTION comptoir_drive_lock_slot(int, int);
--> statement-breakpoint
DROP FUNCTION comptoir_return_lock_window(int, timestamptz, int, int);
--> statement-breakpoint
DROP TABLE drive_slot_holds;
--> statement-breakpoint
DROP TABLE drive_slot_bookings;
--> statement-breakpoint
DROP TABLE drive_slots;
--> statement-breakpoint
DROP TABLE return_windows;
--> statement-breakpoint
DROP FUNCTION comptoir_drive_hold_guard();
--> statement-breakpoint
DROP FUNCTION comptoir_drive_booking_guard();
--> statement-breakpoint
DROP FUNCTION comptoir_drive_capacity_guard();
--> statement-breakpoint
DROP FUNCTION comptoir_drive_taken(int, int, int, text);
--> statement-breakpoint
DROP FUNCTION comptoir_return_window_guard();
--> statement-breakpoint
DROP FUNCTION comptoir_return_capacity_guard();
--> statement-breakpoint

CREATE UNIQUE INDEX capacity_claims_one_hold_per_holder ON capacity_claims (kind, holder) WHERE state = 'held';
--> statement-breakpoint
CREATE UNIQUE INDEX capacity_claims_one_booking_per_ref ON capacity_claims (kind, ref) WHERE state = 'booked';
--> statement-breakpoint
-- A slot's counted claims. With the kind: the domains' views always name it, and without it a
-- planner short of statistics (PGlite never gathers any) may walk the whole kind instead.
CREATE INDEX capacity_claims_counted_idx ON capacity_claims (slot_id, kind) WHERE state in ('booked', 'held');
--> statement-breakpoint
CREATE INDEX capacity_claims_holds_expiry_idx ON capacity_claims (expires_at) WHERE state = 'held';
--> statement-breakpoint

-- ── The shared invariant ────────────────────────────────────────────────────────────────────

-- Places taken on a slot, leaving out one claim (the row being written) and, for a hold, the
-- holder's own live hold (their one hold is being moved or extended, not added).
CREATE FUNCTION comptoir_booking_taken(p_slot int, p_claim int DEFAULT NULL, p_holder text DEFAULT NULL)
RETURNS int
LANGUAGE sql VOLATILE
AS $$
  SELECT count(*)::int FROM capacity_claims c
  WHERE c.slot_id = p_slot
    AND (c.state = 'booked' OR (c.state = 'held' AND c.expires_at > now()))
    AND c.id IS DISTINCT FROM p_claim
    AND (p_holder IS NULL OR c.state <> 'held' OR c.holder <> p_holder)
$$;
--> statement-breakpoint
CREATE FUNCTION comptoir_booking_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
--> statement-breakpoint
CREATE TRIGGER capacity_claims_within_capacity BEFORE INSERT OR UPDATE ON capacity_claims
  FOR EACH ROW EXECUTE FUNCTION comptoir_booking_guard();
--> statement-breakpoint

-- Lowering a slot's capacity below the places already taken would overbook it.
CREATE FUNCTION comptoir_booking_capacity_guard() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_taken int;
BEGIN
  IF NEW.capacity < OLD.capacity THEN
    v_taken := comptoir_booking_taken(NEW.id);
    IF v_taken > NEW.capacity THEN RAISE EXCEPTION 'comptoir:booking_capacity_below_taken:%', v_taken; END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER capacity_slots_capacity BEFORE UPDATE OF capacity ON capacity_slots
  FOR EACH ROW EXECUTE FUNCTION comptoir_booking_capacity_guard();
--> statement-breakpoint

-- A holder keeps a place on a slot for p_minutes: their one hold of this kind moves here (or is
-- extended). The capacity check is the trigger's. The caller has locked and vetted the slot.
CREATE FUNCTION comptoir_booking_hold(p_slot int, p_holder text, p_minutes int)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
--> statement-breakpoint

-- Books a place for p_ref, in the caller's transaction: the holder's live hold on this slot
-- becomes the booking; without one (lapsed, never taken) it books only if a place is free. Any
-- other hold of the holder is let go. The same reference on the same slot again (a retry) gets
-- its booking back; on another slot it is refused (move it instead).
CREATE FUNCTION comptoir_booking_book(p_slot int, p_holder text, p_ref text)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
--> statement-breakpoint

-- ── Drive: its plan, cut-off and closures, over the shared booking ─────────────────────────

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
$$;
--> statement-breakpoint

-- Locks a slot asked for at a store and refuses what may not be taken: an unknown slot, one of
-- another store, a store without drive, a closed day, a slot past its cut-off. The lock is held
-- to the end of the caller's transaction, so the checks and the count that follows agree.
CREATE FUNCTION comptoir_drive_lock_slot(p_store int, p_slot int)
RETURNS capacity_slots
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
--> statement-breakpoint

-- A shopper chooses a slot: their one hold moves here (or is extended), for p_minutes.
CREATE FUNCTION comptoir_drive_hold(p_store int, p_slot int, p_holder text, p_minutes int)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  PERFORM comptoir_drive_lock_slot(p_store, p_slot);
  RETURN comptoir_booking_hold(p_slot, p_holder, p_minutes);
END;
$$;
--> statement-breakpoint

-- Placing an order books its slot (comptoir_booking_book), with the slot's times for the order.
CREATE FUNCTION comptoir_drive_book(p_store int, p_slot int, p_holder text, p_order_ref text)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_slot capacity_slots;
BEGIN
  v_slot := comptoir_drive_lock_slot(p_store, p_slot);
  RETURN (comptoir_booking_book(p_slot, p_holder, p_order_ref)::jsonb
          || jsonb_build_object('starts_at', v_slot.starts_at, 'ends_at', v_slot.ends_at))::json;
END;
$$;
--> statement-breakpoint

-- ── Returns: the desk's offered windows, over the shared booking ───────────────────────────

-- The window a booking asks for, made on first use and locked to the end of the caller's
-- transaction. Refuses a store without a returns desk, a window that has started, and one that is
-- not offered (closed that day or hour, or beyond the `p_days` ahead).
CREATE FUNCTION comptoir_return_lock_window(p_store int, p_starts timestamptz, p_days int, p_capacity int)
RETURNS capacity_slots
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
--> statement-breakpoint

-- A return's window is its claim: whoever writes `returns` (the commands, the seed, a script),
-- the booked return's place is taken, moved or given back with it, and the shared trigger refuses
-- a full window. A cancelled return stays cancelled: its place and its units were given back.
CREATE FUNCTION comptoir_return_claim() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
--> statement-breakpoint
CREATE TRIGGER returns_window_claim AFTER INSERT OR UPDATE OF window_id, status ON returns
  FOR EACH ROW EXECUTE FUNCTION comptoir_return_claim();
--> statement-breakpoint

-- ── The domains' names for their rows ──────────────────────────────────────────────────────
-- Simple views, so PostgreSQL updates them in place: an insert through one lands in the shared
-- table with its kind (the view's default) and meets the same triggers; CHECK OPTION refuses a
-- row the view would not show (another kind, a hold written as a booking).
CREATE VIEW drive_slots AS
  SELECT id, store_id, starts_at, ends_at, capacity, kind FROM capacity_slots WHERE kind = 'drive'
  WITH CASCADED CHECK OPTION;
--> statement-breakpoint
ALTER VIEW drive_slots ALTER COLUMN kind SET DEFAULT 'drive';
--> statement-breakpoint
CREATE VIEW drive_slot_holds AS
  SELECT id, slot_id, holder, state, expires_at, created_at, updated_at, kind FROM capacity_claims
  WHERE kind = 'drive' AND state in ('held', 'converted', 'released', 'lapsed')
  WITH CASCADED CHECK OPTION;
--> statement-breakpoint
ALTER VIEW drive_slot_holds ALTER COLUMN kind SET DEFAULT 'drive';
--> statement-breakpoint
ALTER VIEW drive_slot_holds ALTER COLUMN state SET DEFAULT 'held';
--> statement-breakpoint
CREATE VIEW drive_slot_bookings AS
  SELECT id, slot_id, ref AS order_ref, holder, state AS status, created_at, cancelled_at, kind FROM capacity_claims
  WHERE kind = 'drive' AND state in ('booked', 'cancelled')
  WITH CASCADED CHECK OPTION;
--> statement-breakpoint
ALTER VIEW drive_slot_bookings ALTER COLUMN kind SET DEFAULT 'drive';
--> statement-breakpoint
ALTER VIEW drive_slot_bookings ALTER COLUMN status SET DEFAULT 'booked';
--> statement-breakpoint
CREATE VIEW return_windows AS
  SELECT id, store_id, starts_at, ends_at, capacity, kind FROM capacity_slots WHERE kind = 'returns'
  WITH CASCADED CHECK OPTION;
--> statement-breakpoint
ALTER VIEW return_windows ALTER COLUMN kind SET DEFAULT 'returns';
--> statement-breakpoint
-- Statistics for the rows just carried over, so the first queries on them are planned well.
ANALYZE capacity_slots;
--> statement-breakpoint
ANALYZE capacity_claims;
