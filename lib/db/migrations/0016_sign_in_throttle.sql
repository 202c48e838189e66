-- Sign-in attempts, for the throttle of lib/auth/throttle.ts: at most 10 failed sign-ins per account
-- and 50 per network address in 15 minutes, counted in the database so every server of a fleet
-- counts the same ones. (Written by SQL only, like stock_changes: no Drizzle table.)
CREATE TABLE sign_in_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account text NOT NULL,
  address text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- An attempt counts as failed until its password checks out (then it is deleted), so attempts
  -- still being checked count too: ten at once cannot slip past a limit of ten.
  CONSTRAINT sign_in_attempts_account_length CHECK (length(account) BETWEEN 1 AND 320),
  CONSTRAINT sign_in_attempts_address_length CHECK (length(address) BETWEEN 1 AND 64)
);
--> statement-breakpoint
CREATE INDEX sign_in_attempts_account_idx ON sign_in_attempts (account, attempted_at);
--> statement-breakpoint
CREATE INDEX sign_in_attempts_address_idx ON sign_in_attempts (address, attempted_at);
--> statement-breakpoint
-- Takes a turn for (account, address): NULL and the new attempt's id when under both limits;
-- otherwise no row is written and `retry_at` says when the oldest counted failure leaves the window.
-- Advisory locks on the account then the address make count-and-insert one step per key, for the
-- few milliseconds of this call only (not while the password is checked).
CREATE OR REPLACE FUNCTION comptoir_begin_sign_in(
  p_account text, p_address text, p_window interval, p_account_limit integer, p_address_limit integer,
  OUT attempt_id bigint, OUT retry_at timestamptz, OUT limited_by text)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_since timestamptz := clock_timestamp() - p_window;
  v_count integer;
  v_oldest timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('sign-in account'), hashtext(p_account));
  PERFORM pg_advisory_xact_lock(hashtext('sign-in address'), hashtext(p_address));
  SELECT count(*), min(attempted_at) INTO v_count, v_oldest
  FROM (SELECT attempted_at FROM sign_in_attempts WHERE account = p_account AND attempted_at > v_since
        ORDER BY attempted_at DESC LIMIT p_account_limit) recent;
  IF v_count >= p_account_limit THEN
    retry_at := v_oldest + p_window;
    limited_by := 'account';
    RETURN;
  END IF;
  SELECT count(*), min(attempted_at) INTO v_count, v_oldest
  FROM (SELECT attempted_at FROM sign_in_attempts WHERE address = p_address AND attempted_at > v_since
        ORDER BY attempted_at DESC LIMIT p_address_limit) recent;
  IF v_count >= p_address_limit THEN
    retry_at := v_oldest + p_window;
    limited_by := 'address';
    RETURN;
  END IF;
  INSERT INTO sign_in_attempts (account, address) VALUES (p_account, p_address) RETURNING id INTO attempt_id;
END;
$$;
