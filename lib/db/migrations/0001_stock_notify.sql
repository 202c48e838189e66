-- The "as of" time shown next to a stock figure: set by the database on every change, so no
-- writer can forget it.
CREATE OR REPLACE FUNCTION comptoir_touch_stock() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER stock_touch
BEFORE UPDATE OF on_hand, reserved ON stock
FOR EACH ROW
EXECUTE FUNCTION comptoir_touch_stock();
--> statement-breakpoint
-- Every stock change, from any writer (app, till, script, psql), announces itself on channel
-- 'stock' with what a page needs to redraw: location, SKU and units available to sell.
-- pg_notify is transactional: listeners hear only committed changes.
CREATE OR REPLACE FUNCTION comptoir_notify_stock() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify(
    'stock',
    json_build_object(
      'location', NEW.location_id,
      'sku', NEW.sku_id,
      'available', NEW.on_hand - NEW.reserved,
      'at', to_char(NEW.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::text
  );
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER stock_notify
AFTER INSERT OR UPDATE OF on_hand, reserved ON stock
FOR EACH ROW
EXECUTE FUNCTION comptoir_notify_stock();
