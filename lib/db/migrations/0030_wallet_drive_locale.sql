-- A drive order's card holds what the wallet left (issue 19.1 with 19.3): the check allows total − wallet up to the hold.
-- The language an account was last used in (signing up or in), for the messages sent to it later.
ALTER TABLE "orders" DROP CONSTRAINT "orders_within_authorisation";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale" CHECK ("users"."locale" in ('fr', 'en'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_within_authorisation" CHECK ("orders"."authorized_cents" is null or ("orders"."authorized_cents" > 0 and "orders"."total_cents" - "orders"."wallet_cents" <= "orders"."authorized_cents"));