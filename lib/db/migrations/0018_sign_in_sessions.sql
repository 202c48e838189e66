-- Issue 15: a throttle that cannot lock an owner out (lib/auth/throttle.ts), and server-side
-- sessions that sign-out can end (lib/auth/sessions.ts).

-- Where each account last signed in successfully: the owner's own address skips the account's
-- growing delays, so a spread-out guessing attack cannot keep them out.
CREATE TABLE sign_in_known_addresses (
  account text NOT NULL,
  address text NOT NULL,
  signed_in_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (account, address),
  CONSTRAINT sign_in_known_addresses_account_length CHECK (length(account) BETWEEN 1 AND 320),
  CONSTRAINT sign_in_known_addresses_address_length CHECK (length(address) BETWEEN 1 AND 64)
);
--> statement-breakpoint
CREATE INDEX sign_in_attempts_pair_idx ON sign_in_attempts (account, address, attempted_at);
--> statement-breakpoint
DROP FUNCTION comptoir_begin_sign_in(text, text, interval, integer, integer);
--> statement-breakpoint
-- Takes a turn for (account, address): the new attempt's id when allowed; otherwise no row is
-- written, `retry_at` says when to come back and `limited_by` which rule refused:
--   'account'  this account from this address: p_pair_limit failures in the window;
--   'address'  this address, all accounts together: p_address_limit failures in the window;
--   'delay'    this account from anywhere: past p_free_failures failures in the window, each new
--              attempt waits 1 s, 2 s, 4 s… (at most p_max_delay) after the account's latest one.
--              Waived for an address the account signed in from in the last p_known_for.
-- Advisory locks on the account then the address make count-and-insert one step per key, for the
-- few milliseconds of this call only (not while the password is checked).
CREATE FUNCTION comptoir_begin_sign_in(
  p_account text, p_address text, p_window interval, p_pair_limit integer, p_address_limit integer,
  p_free_failures integer, p_max_delay interval, p_known_for interval,
  OUT attempt_id bigint, OUT retry_at timestamptz, OUT limited_by text)
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  v_now timestamptz := clock_timestamp();
  v_since timestamptz := v_now - p_window;
  v_count integer;
  v_oldest timestamptz;
  v_latest timestamptz;
  v_delay interval;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('sign-in account'), hashtext(p_account));
  PERFORM pg_advisory_xact_lock(hashtext('sign-in address'), hashtext(p_address));
  SELECT count(*), min(attempted_at) INTO v_count, v_oldest
  FROM (SELECT attempted_at FROM sign_in_attempts
        WHERE account = p_account AND address = p_address AND attempted_at > v_since
        ORDER BY attempted_at DESC LIMIT p_pair_limit) recent;
  IF v_count >= p_pair_limit THEN
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
  IF NOT EXISTS (SELECT 1 FROM sign_in_known_addresses
                 WHERE account = p_account AND address = p_address AND address <> 'unknown'
                   AND signed_in_at > v_now - p_known_for) THEN
    SELECT count(*), max(attempted_at) INTO v_count, v_latest
    FROM sign_in_attempts WHERE account = p_account AND attempted_at > v_since;
    IF v_count >= p_free_failures THEN
      v_delay := least(p_max_delay, make_interval(secs => power(2, least(v_count - p_free_failures, 30))));
      IF v_latest + v_delay > v_now THEN
        retry_at := v_latest + v_delay;
        limited_by := 'delay';
        RETURN;
      END IF;
    END IF;
  END IF;
  INSERT INTO sign_in_attempts (account, address) VALUES (p_account, p_address) RETURNING id INTO attempt_id;
END;
$$;
--> statement-breakpoint
-- Server-side sessions (lib/auth/sessions.ts): the session cookie carries `id`; a session stands
-- while `revoked_at` is null. (Written by SQL only: no Drizzle table.)
CREATE TABLE auth_sessions (
  id uuid PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  last_seen_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  revoked_at timestamptz,
  user_agent text,
  CONSTRAINT auth_sessions_user_agent_length CHECK (length(user_agent) <= 300)
);
--> statement-breakpoint
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL;
--> statement-breakpoint
-- Ends a user's sessions when what they were granted on changes: a new password (except the
-- session named by `comptoir.keep_session`, the device that changed it), a new role, a removed
-- store membership. A trigger, so no writer — an action, a script, a hand-typed UPDATE — forgets.
CREATE FUNCTION comptoir_end_user_sessions() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_user integer;
  v_keep text;
BEGIN
  IF TG_TABLE_NAME = 'staff_memberships' THEN
    v_user := OLD.user_id;
  ELSE
    v_user := NEW.id;
    IF OLD.role IS NOT DISTINCT FROM NEW.role THEN
      v_keep := nullif(current_setting('comptoir.keep_session', true), '');
    END IF;
  END IF;
  UPDATE auth_sessions SET revoked_at = clock_timestamp()
  WHERE user_id = v_user AND revoked_at IS NULL AND (v_keep IS NULL OR id::text <> v_keep);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER staff_memberships_end_sessions AFTER DELETE ON staff_memberships
  FOR EACH ROW EXECUTE FUNCTION comptoir_end_user_sessions();
--> statement-breakpoint
CREATE TRIGGER users_end_sessions AFTER UPDATE OF password_hash, role ON users
  FOR EACH ROW WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.role IS DISTINCT FROM NEW.role)
  EXECUTE FUNCTION comptoir_end_user_sessions();
