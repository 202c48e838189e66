-- Stock changes reach the outbox (0004) once per statement, set-wise, instead of once per row.
--
-- Why: a stock file of 600,000 counts (lib/import) is one INSERT … ON CONFLICT, and the per-row
-- trigger ran a PL/pgSQL INSERT into stock_changes for each row, and with it the outbox's own
-- statement trigger (0020): 600,000 small statements, most of the import's time. Now an AFTER …
-- FOR EACH STATEMENT trigger reads the statement's transition table (every row it inserted or
-- updated) and writes all their announcements in one INSERT … SELECT, which wakes the relay once.
--
-- Same reach and meaning as before: every writer (app, till, script, psql), transactional (a
-- rolled-back statement leaves no row), one row per (store, SKU) the statement touched, carrying
-- what is available to sell and the row's updated_at. Within a transaction, statements fire in
-- order, so the outbox's ids still follow the changes of one (store, SKU).
--
-- One difference: a transition table cannot go with a column list, so the UPDATE trigger fires for
-- any update of stock, not only of on_hand or reserved. Every writer of stock sets one of those (and
-- updated_at), and an announcement of an unchanged figure is harmless: a page redraws the same number.
--
-- The announcements are written by a static INSERT … SELECT with no join, so its cached plan (a scan
-- of the transition table) is right for one row and for a million.
DROP TRIGGER IF EXISTS stock_notify ON stock;
--> statement-breakpoint
DROP FUNCTION IF EXISTS comptoir_notify_stock();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_notify_stock_rows() RETURNS trigger AS $$
BEGIN
  INSERT INTO stock_changes (location_id, sku_id, available, changed_at)
  SELECT location_id, sku_id, on_hand - reserved, updated_at FROM stock_rows;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER stock_notify_insert
AFTER INSERT ON stock
REFERENCING NEW TABLE AS stock_rows
FOR EACH STATEMENT
EXECUTE FUNCTION comptoir_notify_stock_rows();
--> statement-breakpoint
CREATE TRIGGER stock_notify_update
AFTER UPDATE ON stock
REFERENCING NEW TABLE AS stock_rows
FOR EACH STATEMENT
EXECUTE FUNCTION comptoir_notify_stock_rows();
