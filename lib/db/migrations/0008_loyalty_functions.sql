-- Loyalty (lib/loyalty): the ledger is append-only, and every account's balance is what its
-- ledger and its lots say. All custom SQL of the loyalty domain lives in this one file.

-- An entry, once written, is history: a mistake is corrected by a new entry (adjust, reverse),
-- never by rewriting or deleting an old one. TRUNCATE (a test reset) is not a row change.
CREATE OR REPLACE FUNCTION comptoir_loyalty_entries_append_only()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'comptoir:loyalty_entries_append_only'
    USING ERRCODE = 'P0001', HINT = 'Write a new entry (adjust or reverse) instead.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER loyalty_entries_append_only
BEFORE UPDATE OR DELETE ON loyalty_entries
FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_entries_append_only();
--> statement-breakpoint

-- At commit, every account touched in the transaction must hold exactly the sum of its entries
-- and exactly the points left in its lots. lib/loyalty keeps both in step; this catches any
-- writer (a script, a future module) that moves one without the others. Deferred, so a command
-- may write the balance, the entry and the lots in any order within its transaction.
CREATE OR REPLACE FUNCTION comptoir_loyalty_check_account()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_customer int := NEW.customer_id;
  v_balance int;
  v_entries bigint;
  v_lots bigint;
BEGIN
  SELECT balance INTO v_balance FROM loyalty_accounts WHERE customer_id = v_customer;
  SELECT COALESCE(sum(points), 0) INTO v_entries FROM loyalty_entries WHERE customer_id = v_customer;
  SELECT COALESCE(sum(remaining), 0) INTO v_lots FROM loyalty_lots WHERE customer_id = v_customer AND remaining > 0;
  IF v_balance IS DISTINCT FROM v_entries OR v_balance IS DISTINCT FROM v_lots THEN
    RAISE EXCEPTION 'comptoir:loyalty_balance_mismatch: customer %, balance %, entries %, lots %',
      v_customer, v_balance, v_entries, v_lots USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER loyalty_accounts_consistent
AFTER INSERT OR UPDATE ON loyalty_accounts DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_check_account();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER loyalty_entries_consistent
AFTER INSERT ON loyalty_entries DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_check_account();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER loyalty_lots_consistent
AFTER INSERT OR UPDATE ON loyalty_lots DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION comptoir_loyalty_check_account();
