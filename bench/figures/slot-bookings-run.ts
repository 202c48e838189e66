/**
 * Child of figures/slot-bookings.ts (run with --conditions=react-server, DATABASE_URL set to a
 * fresh database): shoppers go through the drive checkout with the app's own commands — hold a
 * slot (`holdSlot`), then place the order, which books it inside a transaction (`bookHeldSlot`).
 * Shoppers crowd the popular slots (Saturday, evenings): a shopper told "full" tries the next
 * slot, as the picker would have them, up to three times.
 *   1. slot_bookings_per_s — orders that got a slot, per second, with CONCURRENCY in flight;
 *   2. overbooked_slots — slots whose bookings (and live holds) exceed their capacity afterwards.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { getConnection, getDb } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { bookHeldSlot, holdSlot } from '@/lib/drive/commands';
import { SlotFullError } from '@/lib/drive/errors';
import { insertSlotIn } from '@/test/support/drive';
import { insertStore } from '@/test/support/fixtures';
import { emit, log } from '../lib/report';
import { round } from '../lib/stats';

const SLOTS = Number(process.env.BENCH_SLOTS || 200);
const CAPACITY = Number(process.env.BENCH_SLOT_CAPACITY || 5);
const SHOPPERS = Number(process.env.BENCH_SLOT_SHOPPERS || 2_000);
const CONCURRENCY = Number(process.env.BENCH_SLOT_CONCURRENCY || 32);
const TRIES = 3;

async function setup() {
  const connection = await getConnection();
  await runMigrations(connection);
  const db = connection.db;
  const store = await insertStore(db, { slug: 'bench-drive', lat: 45.76, lng: 4.83, drive: true });
  const slots: number[] = [];
  // Past the 2-hour cut-off, 30 minutes apart; plus a few for the warm-up.
  for (let i = 0; i < SLOTS + 10; i++) slots.push(await insertSlotIn(db, store, 180 + i * 30, CAPACITY));
  await db.execute(sql`ANALYZE`);
  return { store, slots: slots.slice(0, SLOTS), warm: slots.slice(SLOTS) };
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

/** A skewed choice: a fifth of the slots draw most of the crowd. */
function favourite(i: number): number {
  const x = ((i * 2654435761) >>> 0) / 4294967296;
  return Math.floor(x * x * SLOTS);
}

async function main() {
  const { store, slots, warm } = await setup();
  const db = await getDb();
  const checkout = async (shopper: number, pick: (attempt: number) => number) => {
    const holder = { customerId: shopper };
    for (let attempt = 0; attempt < TRIES; attempt++) {
      const slotId = pick(attempt);
      try {
        await holdSlot({ storeId: store, slotId, holder });
      } catch (err) {
        if (err instanceof SlotFullError) continue;
        throw err;
      }
      return db.transaction((tx) => bookHeldSlot(tx, { storeId: store, slotId, orderRef: `B-${shopper}`, holder }));
    }
    throw new SlotFullError(CAPACITY);
  };

  await pool(warm.length * CAPACITY, (i) => checkout(1_000_000 + i, () => warm[i % warm.length]!)); // connections, plans
  const started = performance.now();
  const outcomes = await pool(SHOPPERS, (i) => checkout(i + 1, (attempt) => slots[(favourite(i) + attempt * 7) % SLOTS]!));
  const seconds = (performance.now() - started) / 1000;
  const booked = outcomes.filter((o) => o.status === 'fulfilled').length;
  const unexpected = outcomes.filter((o) => o.status === 'rejected' && !(o.reason instanceof SlotFullError));
  if (unexpected.length > 0)
    throw new Error(`${unexpected.length} checkouts failed otherwise than "full": ${String((unexpected[0] as PromiseRejectedResult).reason)}`);
  log(
    `slot bookings: ${SHOPPERS} shoppers for ${SLOTS} slots of ${CAPACITY} (${SLOTS * CAPACITY} places) with ${CONCURRENCY} in flight: ` +
      `${booked} booked, ${SHOPPERS - booked} told "full" after ${TRIES} tries, in ${seconds.toFixed(2)} s (${round(SHOPPERS / seconds, 0)} checkouts/s)`,
  );
  emit({ figure: 'slot_bookings_per_s', value: round(booked / seconds, 0), unit: 'bookings/s', goal: 'higher is better; 0 overbooked' });

  const books = await db.execute<{ over: number; over_with_holds: number; booked: number }>(sql`
    SELECT count(*) FILTER (WHERE b.n > s.capacity)::int AS over,
           count(*) FILTER (WHERE b.n + h.n > s.capacity)::int AS over_with_holds,
           COALESCE(sum(b.n), 0)::int AS booked
    FROM drive_slots s
    CROSS JOIN LATERAL (SELECT count(*) AS n FROM drive_slot_bookings WHERE slot_id = s.id AND status = 'booked') b
    CROSS JOIN LATERAL (SELECT count(*) AS n FROM drive_slot_holds WHERE slot_id = s.id AND state = 'held' AND expires_at > now()) h
    WHERE s.id = ANY(${`{${slots.join(',')}}`}::int[])`);
  const { over, over_with_holds: overWithHolds, booked: rows } = books.rows[0]!;
  if (rows !== booked) throw new Error(`${booked} checkouts succeeded but ${rows} bookings are recorded`);
  log(`slot bookings: ${over} slots with more bookings than places, ${overWithHolds} counting live holds`);
  emit({ figure: 'overbooked_slots', value: Math.max(over, overWithHolds), unit: 'slots', goal: '0' });
  await (await getConnection()).close();
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
