-- The built-in test provider's own books (lib/payments/test-provider.ts), kept where a real provider
-- keeps them — on its side, not in a server's memory — so an authorisation outlives a restart and
-- is the same for every server of a fleet. No card data: amounts and states only. (Written by SQL
-- only, like sign_in_attempts: no Drizzle table; the shop's own record stays the order's ledger.)
CREATE TABLE test_provider_payments (
  reference text PRIMARY KEY,
  amount_cents integer NOT NULL,
  state text NOT NULL,
  captured_cents integer NOT NULL DEFAULT 0,
  refunded_cents integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT test_provider_payments_state CHECK (state IN ('authorized', 'captured', 'voided')),
  CONSTRAINT test_provider_payments_amounts CHECK (amount_cents > 0 AND captured_cents BETWEEN 0 AND amount_cents AND refunded_cents BETWEEN 0 AND captured_cents)
);
--> statement-breakpoint
-- Idempotency keys: the same key and request → the first answer again (a fingerprint, never the card).
CREATE TABLE test_provider_keys (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
--> statement-breakpoint
-- A capture that failed after the parcel left (the provider down, an authorisation it no longer
-- knows) is retried with backoff by the capture job (lib/orders/captures.ts); staff see the attempts.
ALTER TABLE orders ADD COLUMN capture_attempts integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE orders ADD COLUMN capture_next_at timestamptz;
--> statement-breakpoint
ALTER TABLE orders ADD COLUMN capture_last_error text;
--> statement-breakpoint
CREATE INDEX orders_capture_due_idx ON orders (capture_next_at) WHERE payment_status = 'authorized' AND status IN ('shipped', 'delivered');
