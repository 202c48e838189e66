-- A shopper's delivery addresses, remembered from each home-delivery order and offered at the next
-- checkout (issue 19: "an account that remembers"); editable and removable on the account. One row
-- per address as a person would tell them apart (name, street, postcode, town, whatever the case
-- and spacing): ordering again to the same place only moves it first.
CREATE TABLE saved_addresses (
  id serial PRIMARY KEY,
  user_id integer NOT NULL CONSTRAINT saved_addresses_user_id_users_id_fk REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  address text NOT NULL,
  postcode text NOT NULL,
  town text NOT NULL,
  phone text NOT NULL DEFAULT '',
  last_used_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT saved_addresses_name CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  CONSTRAINT saved_addresses_address CHECK (length(btrim(address)) BETWEEN 1 AND 200),
  CONSTRAINT saved_addresses_postcode CHECK (postcode ~ '^[0-9]{5}$'),
  CONSTRAINT saved_addresses_town CHECK (length(btrim(town)) BETWEEN 1 AND 100),
  CONSTRAINT saved_addresses_phone CHECK (length(phone) <= 20)
);
--> statement-breakpoint
CREATE UNIQUE INDEX saved_addresses_same_place ON saved_addresses (
  user_id,
  lower(regexp_replace(btrim(name), '\s+', ' ', 'g')),
  lower(regexp_replace(btrim(address), '\s+', ' ', 'g')),
  postcode,
  lower(regexp_replace(btrim(town), '\s+', ' ', 'g'))
);
--> statement-breakpoint
CREATE INDEX saved_addresses_recent ON saved_addresses (user_id, last_used_at DESC);
