import 'server-only';
import { sql } from 'drizzle-orm';
import { userRowsSql } from '@/lib/auth/read';
import { cartLinesSql, cartUnchanged, idleCustomerCartsSql, lastIdleCustomerCartId } from '@/lib/cart/read';
import { skuRowsSql } from '@/lib/catalog/read';
import { getDb } from '@/lib/db';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { boughtOnlineSince } from '@/lib/orders/read';
import { boughtInStoreSince } from '@/lib/sales/read';
import { absoluteUrl } from '@/lib/routing/public-url';
import { cartReminderRules } from './config';
import { renderCartReminder, type LeftOutItem, type ReminderItem } from './render';

type CartLine = ReminderItem & { boughtIn: 'store' | 'online' | null };
type DueCart = {
  cart_id: number;
  customer_id: number;
  email: string;
  name: string;
  locale: string | null;
  updated_at: string;
  dedupe_key: string;
  lines: CartLine[];
};

/*
 * Cart reminders. A signed-in shopper's cart untouched for `idleHours` (and not older than
 * `maxAgeDays`) gets one reminder per abandonment: the dedupe key is the cart and the moment it was
 * last changed, unique in the outbox, so runs that overlap — here or in another process — queue it
 * once (ON CONFLICT DO NOTHING), and a cart changed and left again gets a new one.
 *
 * "Bought since": a line is left out when the same customer bought the same SKU after the line was
 * added to the cart — in a shop (a sale with their account: till or reservation pickup) or online
 * (an order that is not cancelled). A purchase from before the line was added does not count: the
 * shopper put it in the cart again, so they want another. Any quantity counts as bought. When
 * nothing remains, no reminder.
 */
async function dueCarts(after: number, batch: number): Promise<DueCart[]> {
  const { idleHours, maxAgeDays } = cartReminderRules();
  const db = await getDb();
  // Raw SQL: a batch in a CTE, each cart's lines aggregated as JSON with what was bought since, in one statement.
  // Carts, accounts, the catalogue and sales are read through their domains' read.ts.
  const r = await db.execute<DueCart>(sql`
    WITH due AS (
      SELECT c.id, c.customer_id, c.updated_at, u.email, u.name, u.locale,
             'cart-reminder:' || c.id || ':' || floor(extract(epoch FROM c.updated_at) * 1000000)::bigint AS dedupe_key
      FROM ${idleCustomerCartsSql({ after, batch, idleHours, maxAgeDays })} c JOIN ${userRowsSql} u ON u.id = c.customer_id
      ORDER BY c.id
    )
    SELECT d.id AS cart_id, d.customer_id, d.email, d.name, d.locale, d.updated_at::text AS updated_at, d.dedupe_key,
           COALESCE(json_agg(json_build_object(
             'skuId', l.sku_id, 'productSlug', k.product_slug, 'nameFr', k.name_fr, 'nameEn', k.name_en, 'size', k.size,
             'colour', k.colour, 'quantity', l.quantity, 'priceCents', k.price_cents,
             'boughtIn', CASE
               WHEN ${boughtInStoreSince(sql`d.customer_id`, sql`l.sku_id`, sql`l.added_at`)} THEN 'store'
               WHEN ${boughtOnlineSince(sql`d.customer_id`, sql`l.sku_id`, sql`l.added_at`)} THEN 'online'
             END) ORDER BY l.added_at, l.sku_id) FILTER (WHERE l.sku_id IS NOT NULL), '[]') AS lines
    FROM due d
    LEFT JOIN ${cartLinesSql} l ON l.cart_id = d.id
    LEFT JOIN ${skuRowsSql} k ON k.id = l.sku_id
    WHERE NOT EXISTS (SELECT 1 FROM outbound_messages m WHERE m.dedupe_key = d.dedupe_key)
    GROUP BY d.id, d.customer_id, d.email, d.name, d.locale, d.updated_at, d.dedupe_key
    ORDER BY d.id`);
  return r.rows;
}

/**
 * Queues the reminders that are due, a batch of carts at a time. Returns how many were queued by
 * this run and how many due carts were skipped because everything in them was bought since.
 */
export async function queueCartReminders(): Promise<{ queued: number; skipped: number }> {
  const { batch, idleHours, maxAgeDays } = cartReminderRules();
  const db = await getDb();
  let after = 0;
  let queued = 0;
  let skipped = 0;
  for (;;) {
    const carts = await dueCarts(after, batch);
    const rows = [];
    for (const c of carts) {
      const items = c.lines.filter((l) => l.boughtIn === null).map(({ boughtIn: _, ...item }) => item);
      const leftOut: LeftOutItem[] = c.lines
        .filter((l) => l.boughtIn !== null)
        .map((l) => ({ skuId: l.skuId, nameFr: l.nameFr, nameEn: l.nameEn, boughtIn: l.boughtIn! }));
      if (items.length === 0) {
        if (leftOut.length > 0) skipped++;
        continue;
      }
      const locale = isLocale(c.locale) ? c.locale : DEFAULT_LOCALE; // the language they last used the shop in
      const cartUrl = absoluteUrl('/cart', locale); // the cart page in the message's language
      const text = renderCartReminder({ name: c.name, items, leftOut, cartUrl }, locale);
      rows.push({
        recipient_id: c.customer_id,
        email: c.email,
        ...text,
        dedupe_key: c.dedupe_key,
        cart_id: c.cart_id,
        updated_at: c.updated_at,
        payload: { cartId: c.cart_id, cartUpdatedAt: c.updated_at, locale, items, leftOut },
      });
    }
    if (rows.length > 0) {
      // The cart must still be as it was read: a shopper who came back meanwhile is not reminded.
      // Raw SQL: a set-wise INSERT … SELECT from a JSON batch, kept only where the cart is unchanged.
      const r = await db.execute(sql`
        INSERT INTO outbound_messages (kind, recipient_id, email, subject, body, html, payload, dedupe_key)
        SELECT 'cart_reminder', x.recipient_id, x.email, x.subject, x.body, x.html, x.payload, x.dedupe_key
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
             AS x(recipient_id int, email text, subject text, body text, html text, payload jsonb, dedupe_key text, cart_id int, updated_at timestamptz)
        WHERE ${cartUnchanged(sql`x.cart_id`, sql`x.updated_at`)}
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id`);
      queued += r.rows.length;
    }
    // The last cart id of the batch, whether or not it was reminded: the next batch starts after it.
    const last = await lastIdleCustomerCartId({ after, batch, idleHours, maxAgeDays });
    if (last === null) return { queued, skipped };
    after = last;
  }
}
