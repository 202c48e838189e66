-- Units put in a customer's web basket from a till ("put in their web basket"), under the till's
-- idempotency key: a double tap, or a retry after a lost answer, adds them once. The key names the
-- store it was used at, so a replay is answered only there. (Written by SQL only: no Drizzle table.)
CREATE TABLE cart_additions (
  idempotency_key text PRIMARY KEY,
  cart_id integer NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  customer_id integer NOT NULL,
  store_id integer NOT NULL,
  sku_id integer NOT NULL,
  quantity integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cart_additions_key_length CHECK (length(idempotency_key) BETWEEN 8 AND 100),
  CONSTRAINT cart_additions_quantity CHECK (quantity > 0)
);
--> statement-breakpoint
CREATE INDEX cart_additions_cart_idx ON cart_additions (cart_id);
