-- The live path without the round trip back into the database (lib/events/stock-relay.ts).
--
-- Before: a relay took the outbox's changes (0004) and NOTIFYed them from inside the database, and
-- every process — the relay's own included — heard them back on its LISTEN connection: database →
-- app → database → app. Now the relay takes the batch and gets the payloads back; its process
-- hands them to its own hub directly, and the transport carries them to the rest of the fleet:
-- on PostgreSQL the same call NOTIFYs them (p_notify, one statement, in the take's transaction, so a
-- change is either taken and announced or neither), and the hubs skip the NOTIFYs their own
-- connection sent; on Redis the relay publishes them (p_notify false: no NOTIFY lock on the
-- primary); on the embedded database, one process, nothing is sent at all.
--
-- And one name for the store: a payload is {storeId, skuId, available, asOf}, as the page's
-- figures are, where it was {location, sku, available, at}. (The outbox mirrors the stock row, whose
-- column is location_id: the name changes there, once.)
--
-- One function for every transport, where there were two (comptoir_relay_stock_changes for NOTIFY,
-- comptoir_take_stock_changes for Redis). One relay at a time (an advisory lock; another process's
-- call answers a single row with taken -1 at once), so announcements of one (store, SKU) go out in
-- commit order: two writers of one stock row are serialised by its row lock, so the later commit
-- always has the larger id. Within a batch only the latest change of each (store, SKU) is
-- announced: it carries the current figure. Changes older than a minute are dropped unannounced:
-- no process was relaying, so no page was listening through one, and pages re-read a snapshot when
-- they reconnect. The relay's commit is asynchronous (synchronous_commit off, for this transaction
-- only): it writes nothing that must survive a crash, and so it holds the NOTIFY lock for
-- microseconds. Returns the payloads in id order, each with how many changes the batch took; no
-- row when the outbox was empty.
DROP FUNCTION comptoir_relay_stock_changes(integer);
--> statement-breakpoint
DROP FUNCTION comptoir_take_stock_changes(integer);
--> statement-breakpoint
CREATE FUNCTION comptoir_take_stock_changes(p_limit integer, p_notify boolean)
RETURNS TABLE (taken integer, payload text)
LANGUAGE plpgsql VOLATILE
AS $$
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
$$;
