-- The stock relay sleeps while nothing changes, and the commits that fill the outbox (0004) wake it.
--
-- Why: every process with live pages called comptoir_relay_stock_changes every 10 ms, changes or
-- not: 6-8 % of a core per idle server, paid by every process of a fleet. Now a relay that finds
-- the outbox empty for a while stops asking; a statement that inserts into the outbox sends a
-- NOTIFY on channel 'stock_outbox', which the relays LISTEN to (lib/events/stock-relay.ts), and a
-- slow safety sweep (every few seconds) catches what a wake-up could miss.
--
-- The NOTIFY is not sent while some relay is polling anyway. NOTIFY takes one database-wide lock at
-- commit, held until the commit record is flushed, which is what 0004 moved out of the writers (it
-- serialised every stock-changing commit). A polling relay holds the shared advisory lock 7423003
-- for the whole time it polls (comptoir_stock_relay_awake); a writer sends the NOTIFY only when it
-- can take that lock exclusively for its own transaction: when no relay polls, and no other
-- writer's commit is already carrying a wake-up. So under load no writer notifies (the relays
-- poll), and when idle one commit in flight at a time does.
CREATE OR REPLACE FUNCTION comptoir_wake_stock_relay() RETURNS trigger AS $$
BEGIN
  IF pg_try_advisory_xact_lock(7423003) THEN
    PERFORM pg_notify('stock_outbox', '');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER stock_changes_wake_relay AFTER INSERT ON stock_changes
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_wake_stock_relay();
--> statement-breakpoint
-- A relay says it polls (p_awake) or sleeps: holds or releases the shared lock 7423003 on its own
-- session, at most once (the check makes a repeated call harmless, e.g. after its connection was
-- re-established and the lock went with the old one). Returns whether this session now holds it;
-- false while awake means a writer's transaction holds it exclusively (its commit wakes the relays).
CREATE OR REPLACE FUNCTION comptoir_stock_relay_awake(p_awake boolean) RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
