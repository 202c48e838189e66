-- Stock changes leave their writing transaction through an outbox; a relay announces them.
--
-- Why: a transaction that calls pg_notify takes one database-wide lock at commit and keeps it
-- until its commit record is flushed to disk, so every stock-changing commit (a reservation, a
-- till sale) queued behind the previous one's fsync: 770-910 reservations/s here, 1,270-1,360/s
-- with the trigger off. Now the writer only inserts a row into `stock_changes` (no lock, and its
-- commit joins the others' group flush); `comptoir_relay_stock_changes` turns those rows into
-- NOTIFYs on channel 'stock', many per commit. Every server process with live pages runs the
-- relay every few milliseconds (lib/events/stock-relay.ts).
--
-- The table is UNLOGGED: it writes no WAL, and a crash empties it. Losing unsent announcements in
-- a crash is harmless: every live page re-reads a snapshot when its stream reconnects.
CREATE UNLOGGED TABLE stock_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  location_id integer NOT NULL,
  sku_id integer NOT NULL,
  available integer NOT NULL,
  changed_at timestamptz NOT NULL,
  noted_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
--> statement-breakpoint
-- The trigger keeps its name and its reach (every writer: app, till, script, psql); only where
-- the announcement goes changes. Still transactional: a rolled-back change leaves no row.
CREATE OR REPLACE FUNCTION comptoir_notify_stock() RETURNS trigger AS $$
BEGIN
  INSERT INTO stock_changes (location_id, sku_id, available, changed_at)
  VALUES (NEW.location_id, NEW.sku_id, NEW.on_hand - NEW.reserved, NEW.updated_at);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- One relay at a time (an advisory lock; another process's call returns -1 at once), so
-- announcements of one (store, SKU) go out in commit order: two writers of one stock row are
-- serialised by its row lock, so the later commit always has the larger id. Within a batch only
-- the latest change of each (store, SKU) is announced: it carries the current figure.
-- Returns how many changes it took (the caller calls again at once when that is the whole batch).
-- Changes older than a minute are dropped unannounced: no process was relaying, so no page was
-- listening through one, and pages re-read a snapshot when they reconnect.
-- The relay's own commit is asynchronous (synchronous_commit off, for this transaction only): it
-- writes nothing that must survive a crash, and so it holds the NOTIFY lock for microseconds.
CREATE OR REPLACE FUNCTION comptoir_relay_stock_changes(p_limit integer) RETURNS integer
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_payloads text[];
  v_payload text;
  v_taken integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7423001) THEN
    RETURN -1;
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
      'location', location_id,
      'sku', sku_id,
      'available', available,
      'at', to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::text ORDER BY id)
  INTO v_taken, v_payloads FROM latest;
  IF v_taken = 0 THEN
    RETURN 0;
  END IF;
  PERFORM set_config('synchronous_commit', 'off', true);
  FOREACH v_payload IN ARRAY v_payloads LOOP
    PERFORM pg_notify('stock', v_payload);
  END LOOP;
  RETURN v_taken;
END;
$$;
