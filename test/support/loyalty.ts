import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db';

/** Test helpers: orders and sales for entries to point at, a transaction, the ledger's totals. */

let n = 0;

export async function insertOrderRow(db: Db, customerId: number, locationId: number, totalCents = 5000): Promise<number> {
  const id = ++n;
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO orders (number, customer_id, mode, location_id, status, subtotal_cents, delivery_cents, total_cents,
                        payment_provider, payment_status, delivery_name, delivery_address, delivery_postcode, delivery_town,
                        idempotency_key)
    VALUES (${`CMD-LT${Date.now().toString(36)}${id}`}, ${customerId}, 'delivery', ${locationId}, 'delivered', ${totalCents}, 0, ${totalCents},
            'test', 'captured', 'A', '1 rue', '75001', 'Paris', ${`loyalty-test-${Date.now()}-${id}-${Math.random()}`})
    RETURNING id`);
  return r.rows[0]!.id;
}

export async function insertSaleRow(db: Db, customerId: number, storeId: number, totalCents = 5000): Promise<number> {
  const r = await db.execute<{ id: number }>(sql`
    INSERT INTO sales (channel, store_id, customer_id, source, total_cents) VALUES ('store', ${storeId}, ${customerId}, 'till', ${totalCents})
    RETURNING id`);
  return r.rows[0]!.id;
}

export async function inTx<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** The account's balance, the sum of its entries, and the points left in its lots. */
export async function ledgerOf(db: Db, customerId: number): Promise<{ balance: number; entries: number; lots: number; count: number }> {
  const r = await db.execute<{ balance: number; entries: number; lots: number; count: number }>(sql`
    SELECT (SELECT balance FROM loyalty_accounts WHERE customer_id = ${customerId}) AS balance,
           (SELECT coalesce(sum(points), 0)::int FROM loyalty_entries WHERE customer_id = ${customerId}) AS entries,
           (SELECT coalesce(sum(remaining), 0)::int FROM loyalty_lots WHERE customer_id = ${customerId}) AS lots,
           (SELECT count(*)::int FROM loyalty_entries WHERE customer_id = ${customerId}) AS count`);
  const x = r.rows[0]!;
  return { balance: Number(x.balance), entries: Number(x.entries), lots: Number(x.lots), count: Number(x.count) };
}

export function monthsAgo(months: number, days = 0): Date {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  d.setDate(d.getDate() - days);
  return d;
}
