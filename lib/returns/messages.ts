import 'server-only';
import { sql } from 'drizzle-orm';
import { userRowsSql } from '@/lib/auth/read';
import { skuRowsSql } from '@/lib/catalog/read';
import type { Db } from '@/lib/db';
import { isLocale } from '@/lib/i18n/config';
import { queueMessage } from '@/lib/messages/outbox';
import { renderRefundConfirmation, renderReturnPass, type MessageLine } from '@/lib/messages/render-orders';
import { orderLineRowsSql, orderLocaleOf, orderNumberOf } from '@/lib/orders/read';
import { absoluteUrl } from '@/lib/routing/public-url';
import { storeRowsSql } from '@/lib/stores/read';
import { jsonColumn } from '@/lib/db/sql';

type PassRow = {
  code: string;
  customer_id: number;
  email: string;
  name: string;
  order_number: string;
  locale: string | null;
  store: string;
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  lines: MessageLine[] | string;
};

/*
 * The return pass, queued in the transaction that books the return (so it exists exactly when the
 * booking was committed), once per return (the dedupe key names it), in the language of the order
 * it returns, with the pass code, the shop, the drop-off window, what goes back and an absolute
 * link to the return's page (which shows the pass as a QR code for the desk). A walk-in return has
 * no window and gets no pass: it was made at the desk.
 */
export async function queueReturnPass(tx: Db, returnId: number): Promise<void> {
  // Raw SQL: the return with its window and lines, named through the other domains' read.ts, in the caller's transaction.
  const r = await tx.execute<PassRow>(sql`
    SELECT r.code, r.customer_id, u.email, u.name, ${orderNumberOf(sql`r.order_id`)} AS order_number,
           ${orderLocaleOf(sql`r.order_id`)} AS locale, s.name AS store, w.starts_at, w.ends_at,
           (SELECT COALESCE(json_agg(json_build_object(
                     'name', CASE WHEN ${orderLocaleOf(sql`r.order_id`)} = 'en' THEN k.name_en ELSE k.name_fr END,
                     'size', k.size, 'colour', k.colour, 'quantity', rl.quantity, 'unitPriceCents', ol.unit_price_cents)
                   ORDER BY rl.order_line_id), '[]'::json)
            FROM return_lines rl JOIN ${orderLineRowsSql} ol ON ol.id = rl.order_line_id JOIN ${skuRowsSql} k ON k.id = ol.sku_id
            WHERE rl.return_id = r.id) AS lines
    FROM returns r
    JOIN ${userRowsSql} u ON u.id = r.customer_id
    JOIN ${storeRowsSql} s ON s.location_id = r.store_id
    LEFT JOIN return_windows w ON w.id = r.window_id
    WHERE r.id = ${returnId}`);
  const row = r.rows[0];
  if (!row || row.starts_at === null || row.ends_at === null) return;
  const locale = isLocale(row.locale) ? row.locale : 'fr';
  const text = renderReturnPass(
    {
      code: row.code,
      orderNumber: row.order_number,
      customerName: row.name,
      store: row.store,
      window: { startsAt: new Date(row.starts_at).toISOString(), endsAt: new Date(row.ends_at).toISOString() },
      lines: jsonColumn<MessageLine[]>(row.lines),
      returnUrl: absoluteUrl(`/account/returns/${row.code}`, locale),
    },
    locale,
  );
  await queueMessage(tx, {
    kind: 'return_pass',
    recipientId: row.customer_id,
    email: row.email,
    ...text,
    payload: { returnId, code: row.code, locale },
    dedupeKey: `return-pass:${returnId}`,
  });
}

type RefundRow = {
  code: string;
  customer_id: number;
  email: string;
  name: string;
  order_number: string;
  locale: string | null;
  refund_cents: number;
  refund_method: 'card' | 'desk' | 'store_credit';
  refund_state: string;
  partly: boolean;
  lines: MessageLine[] | string;
};

/**
 * The refund confirmation, queued in the transaction that records the refund as succeeded (at
 * check-in for store credit, when the provider answered for a card or desk refund, or when staff
 * give credit after a failed refund): once per return, in the order's language, with the amount,
 * how it is paid back and the lines taken back. Nothing for a return with nothing to refund.
 */
export async function queueRefundConfirmation(tx: Db, returnId: number): Promise<void> {
  // Raw SQL: the return with the lines taken back, named through the other domains' read.ts, in the caller's transaction.
  const r = await tx.execute<RefundRow>(sql`
    SELECT r.code, r.customer_id, u.email, u.name, ${orderNumberOf(sql`r.order_id`)} AS order_number,
           ${orderLocaleOf(sql`r.order_id`)} AS locale, r.refund_cents, r.refund_method, r.refund_state,
           EXISTS (SELECT 1 FROM return_lines x WHERE x.return_id = r.id AND x.outcome = 'refused') AS partly,
           (SELECT COALESCE(json_agg(json_build_object(
                     'name', CASE WHEN ${orderLocaleOf(sql`r.order_id`)} = 'en' THEN k.name_en ELSE k.name_fr END,
                     'size', k.size, 'colour', k.colour, 'quantity', rl.quantity, 'unitPriceCents', ol.unit_price_cents)
                   ORDER BY rl.order_line_id), '[]'::json)
            FROM return_lines rl JOIN ${orderLineRowsSql} ol ON ol.id = rl.order_line_id JOIN ${skuRowsSql} k ON k.id = ol.sku_id
            WHERE rl.return_id = r.id AND rl.outcome IS DISTINCT FROM 'refused') AS lines
    FROM returns r
    JOIN ${userRowsSql} u ON u.id = r.customer_id
    WHERE r.id = ${returnId}`);
  const row = r.rows[0];
  if (!row || row.refund_state !== 'succeeded' || row.refund_cents <= 0) return;
  const locale = isLocale(row.locale) ? row.locale : 'fr';
  const text = renderRefundConfirmation(
    {
      code: row.code,
      orderNumber: row.order_number,
      customerName: row.name,
      refundCents: row.refund_cents,
      method: row.refund_method,
      partly: row.partly,
      lines: jsonColumn<MessageLine[]>(row.lines),
      returnUrl: absoluteUrl(`/account/returns/${row.code}`, locale),
    },
    locale,
  );
  await queueMessage(tx, {
    kind: 'refund_confirmation',
    recipientId: row.customer_id,
    email: row.email,
    ...text,
    payload: { returnId, code: row.code, refundCents: row.refund_cents, method: row.refund_method, locale },
    dedupeKey: `refund-confirmation:${returnId}`,
  });
}
