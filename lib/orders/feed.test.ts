import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFeedCursor, decodeFeedCursor } from '@/lib/db/feed';
import { onPostgres, useTestDatabase } from '@/test/support/db';
import { insertStore, insertUser } from '@/test/support/fixtures';
import { eventually, insertOrder } from '@/test/support/api';
import { listOrderChanges } from './feed';

let conn: Awaited<ReturnType<typeof useTestDatabase>>;
let shopper: number;
let store: number;
beforeAll(async () => {
  conn = await useTestDatabase();
  shopper = await insertUser(conn.db, { email: 'camille@example.com' });
  store = await insertStore(conn.db, { slug: 'lyon', lat: 45.76, lng: 4.85, drive: true });
});
afterAll(async () => conn?.drop());

/** Reads the whole feed from `after`, page by page, as a client would. */
async function readAll(after: string | null): Promise<{ numbers: string[]; next: string | null }> {
  const numbers: string[] = [];
  let cursor = after;
  for (;;) {
    const page = await listOrderChanges(cursor === null ? null : decodeFeedCursor(cursor), 2);
    numbers.push(...page.orders.map((o) => o.number));
    if (page.orders.length === 0) return { numbers, next: page.next };
    cursor = page.next;
  }
}

describe('the orders feed cursor', () => {
  it('is opaque and refuses what it did not make', () => {
    const c = encodeFeedCursor({ xid: 123456, id: 42 });
    expect(c).not.toMatch(/123456/);
    expect(decodeFeedCursor(c)).toEqual({ xid: 123456, id: 42 });
    for (const bad of [
      '',
      'x',
      '!!',
      Buffer.from('1.2.3').toString('base64url'),
      Buffer.from('-1.2').toString('base64url'),
      Buffer.from('1.99999999999').toString('base64url'),
    ])
      expect(decodeFeedCursor(bad), bad).toBeNull();
  });

  // Two transactions committing out of order: the one that began first (lower xid, lower id)
  // commits last. A cursor over the id (or placed_at) would hand out a position past the late
  // order before it is visible, and skip it for good.
  it.runIf(onPostgres)('skips no order when two commit out of order', async () => {
    if (conn.kind !== 'postgres') return;
    const start = await readAll(null);
    const slow = await conn.pool.connect();
    const fast = await conn.pool.connect();
    try {
      await slow.query('BEGIN');
      const a = await slow.query<{ id: number; number: string }>(
        `INSERT INTO orders (number, customer_id, mode, location_id, subtotal_cents, total_cents, payment_provider, payment_status, idempotency_key)
         VALUES ('CMD-SLOW0001', $1, 'drive', $2, 100, 100, 'test', 'due_at_pickup', 'slow') RETURNING id, number`,
        [shopper, store],
      );
      await fast.query('BEGIN');
      const b = await fast.query<{ id: number }>(
        `INSERT INTO orders (number, customer_id, mode, location_id, subtotal_cents, total_cents, payment_provider, payment_status, idempotency_key)
         VALUES ('CMD-FAST0001', $1, 'drive', $2, 100, 100, 'test', 'due_at_pickup', 'fast') RETURNING id`,
        [shopper, store],
      );
      expect(b.rows[0]!.id).toBeGreaterThan(a.rows[0]!.id);
      await fast.query('COMMIT');
      // The fast order is committed, but the slow one may still land before it: held back.
      const during = await readAll(start.next);
      expect(during.numbers).toEqual([]);
      await slow.query('COMMIT');
      const after = await eventually(
        () => readAll(during.next),
        (r) => r.numbers.length >= 2,
      );
      expect(after.numbers).toEqual(['CMD-SLOW0001', 'CMD-FAST0001']);
      expect((await readAll(after.next)).numbers).toEqual([]);
    } finally {
      slow.release();
      fast.release();
    }
  });

  it('reads every order once across pages', async () => {
    const start = await readAll(null);
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await insertOrder(conn.db, { customerId: shopper, locationId: store })).number);
    expect(
      (
        await eventually(
          () => readAll(start.next),
          (r) => r.numbers.length >= made.length,
        )
      ).numbers,
    ).toEqual(made);
  });
});
