-- The stock outbox (0004) for fleets whose live events go through Redis (LIVE_EVENTS=redis,
-- lib/events/redis-transport.ts): the same batch as comptoir_relay_stock_changes — oldest first,
-- the latest change of each (store, SKU) — handed back to the caller instead of sent by NOTIFY,
-- so that no commit of the primary takes the NOTIFY lock. The caller publishes the payloads in
-- order; only one process drains at a time (it holds a session advisory lock for as long as it is
-- the relay), so announcements of one (store, SKU) stay in commit order.
-- Returns the payloads in id order; an empty result means the outbox was drained.
CREATE OR REPLACE FUNCTION comptoir_take_stock_changes(p_limit integer)
RETURNS TABLE (taken integer, payload text)
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  -- Never beside a NOTIFY relay of the same database (a fleet configured half one way).
  IF NOT pg_try_advisory_xact_lock(7423001) THEN
    RETURN;
  END IF;
  DELETE FROM stock_changes WHERE noted_at < clock_timestamp() - interval '1 minute';
  PERFORM set_config('synchronous_commit', 'off', true);
  RETURN QUERY
  WITH gone AS (
    DELETE FROM stock_changes
    WHERE id IN (SELECT id FROM stock_changes ORDER BY id LIMIT p_limit)
    RETURNING id, location_id, sku_id, available, changed_at
  ), counted AS (
    SELECT count(*)::integer AS n FROM gone
  ), latest AS (
    SELECT DISTINCT ON (location_id, sku_id) * FROM gone ORDER BY location_id, sku_id, id DESC
  )
  SELECT counted.n, json_build_object(
      'location', latest.location_id,
      'sku', latest.sku_id,
      'available', latest.available,
      'at', to_char(latest.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::text
  FROM latest, counted
  ORDER BY latest.id;
END;
$$;
