/**
 * Child of figures/reservations.ts (run with --conditions=react-server, DATABASE_URL set to a
 * fresh database): places reservations through the app's own command, `placeReservation`.
 *   1. reservations_per_s — many shoppers at once across distinct SKUs (the normal day);
 *   2. oversold_units — a crowd for the last units of one SKU, then the books are checked.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { getConnection, getDb, queryRows } from '@/lib/db/client';
import { startStockRelay } from '@/lib/events/stock-relay';
import { runMigrations } from '@/lib/db/migrate';
import { OutOfStockError } from '@/lib/inventory/holds';
import { placeReservation } from '@/lib/reservations/commands';
import { insertCategory, insertShoppers, insertStore } from '@/test/support/fixtures';
import { emit, log } from '../lib/report';
import { round } from '../lib/stats';

const SKUS = Number(process.env.BENCH_RESV_SKUS || 3_000);
const PLACEMENTS = Number(process.env.BENCH_RESV_PLACEMENTS || 6_000);
const CONCURRENCY = Number(process.env.BENCH_RESV_CONCURRENCY || 32);
const CROWD = 1_000;
const LAST_UNITS = 50;

async function setup() {
  const connection = await getConnection();
  await runMigrations(connection);
  const db = connection.db;
  const cat = await insertCategory(db, 'bench');
  const product = await db.execute<{ id: number }>(sql`
    INSERT INTO products (slug, category_id, brand, name_fr, name_en, description_fr, description_en, images)
    VALUES ('bench', ${cat}, 'Bench', 'Banc', 'Bench', '', '', '[]') RETURNING id`);
  const skus = await db.execute<{ id: number }>(sql`
    INSERT INTO skus (product_id, ean13, price_cents, position)
    SELECT ${product.rows[0]!.id}, lpad(g::text, 13, '0'), 1000 + g % 5000, g FROM generate_series(1, ${SKUS + 1}) g
    RETURNING id`);
  const skuIds = skus.rows.map((r) => r.id).sort((a, b) => a - b);
  const store = await insertStore(db, { slug: 'bench-store', lat: 45.76, lng: 4.83 });
  await db.execute(sql`INSERT INTO stock (location_id, sku_id, on_hand, reserved) SELECT ${store}, id, 1000, 0 FROM skus`);
  const shoppers = await insertShoppers(db, Math.max(PLACEMENTS, CROWD), 'bench');
  await db.execute(sql`ANALYZE`);
  return { store, skuIds, shoppers };
}

/** Runs `count` jobs with `CONCURRENCY` in flight; returns their outcomes. */
async function pool<T>(count: number, job: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        try {
          results[i] = { status: 'fulfilled', value: await job(i) };
        } catch (reason) {
          results[i] = { status: 'rejected', reason };
        }
      }
    }),
  );
  return results;
}

async function main() {
  const { store, skuIds, shoppers } = await setup();
  const spread = skuIds.slice(0, SKUS);
  const contended = skuIds[SKUS]!;
  const reserve = (i: number, skuId: number, lines = 1) =>
    placeReservation({
      customerId: shoppers[i % shoppers.length]!,
      storeId: store,
      lines: Array.from({ length: lines }, () => ({ skuId, quantity: 1 })),
      idempotencyKey: randomUUID(),
    });

  await pool(200, (i) => reserve(i, spread[i % spread.length]!)); // warm-up: connections, plans
  // As in production with live pages open: a relay announces every stock change while they happen
  // (to the fleet by NOTIFY, as a PostgreSQL server's does; its own process's hub is handed them).
  const relay = startStockRelay(queryRows, { notify: true, publish: () => {} });
  const started = performance.now();
  const outcomes = await pool(PLACEMENTS, (i) => reserve(i + 200, spread[(i * 7919) % spread.length]!));
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  const unannounced = (await queryRows<{ n: number }>('SELECT count(*)::int AS n FROM stock_changes', []))[0]!.n;
  const failed = outcomes.filter((o) => o.status === 'rejected');
  if (failed.length > 0) throw new Error(`${failed.length} uncontended reservations failed: ${String((failed[0] as PromiseRejectedResult).reason)}`);
  const rate = PLACEMENTS / seconds;
  log(
    `reservations: ${PLACEMENTS} placed across ${SKUS} SKUs in ${seconds.toFixed(2)} s with ${CONCURRENCY} in flight; relay running (${unannounced} changes left unannounced when it stopped)`,
  );
  emit({ figure: 'reservations_per_s', value: round(rate, 0), unit: 'reservations/s', goal: '≥ 1000 on 2 cores' });

  // The crowd: one- and two-line reservations for the last units of one SKU.
  const db = await getDb();
  await db.execute(sql`UPDATE stock SET on_hand = ${LAST_UNITS + 10}, reserved = 10 WHERE location_id = ${store} AND sku_id = ${contended}`);
  const crowd = await pool(CROWD, (i) => reserve(i, contended, i % 3 === 0 ? 2 : 1));
  const won = crowd.reduce((n, o, i) => n + (o.status === 'fulfilled' ? (i % 3 === 0 ? 2 : 1) : 0), 0);
  const unexpected = crowd.filter((o) => o.status === 'rejected' && !(o.reason instanceof OutOfStockError));
  if (unexpected.length > 0)
    throw new Error(`${unexpected.length} refusals were not "not enough stock": ${String((unexpected[0] as PromiseRejectedResult).reason)}`);
  const books = await db.execute<{ negative: number; unbacked: number }>(sql`
    SELECT (SELECT COALESCE(sum(reserved - on_hand), 0)::int FROM stock WHERE reserved > on_hand) AS negative,
           (SELECT count(*)::int FROM stock st LEFT JOIN (
              SELECT r.store_id, l.sku_id, sum(l.quantity)::int AS n FROM reservations r
              JOIN reservation_lines l ON l.reservation_id = r.id WHERE r.status IN ('placed', 'ready') GROUP BY 1, 2
            ) h ON h.store_id = st.location_id AND h.sku_id = st.sku_id
            WHERE st.sku_id = ${contended} AND st.reserved <> 10 + COALESCE(h.n, 0)) AS unbacked`);
  const { negative, unbacked } = books.rows[0]!;
  const oversold = Math.max(0, won - LAST_UNITS) + negative;
  log(`reservations: crowd of ${CROWD} for the last ${LAST_UNITS} units: ${won} units reserved, ${unbacked} stock rows out of step with reservations`);
  if (unbacked > 0) throw new Error('reserved units differ from the units open reservations hold');
  emit({ figure: 'oversold_units', value: oversold, unit: 'units', goal: '0' });
  await (await getConnection()).close();
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
