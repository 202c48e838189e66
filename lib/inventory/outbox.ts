import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { stockChanges } from './schema';

/**
 * Stock changes nobody relayed (no process had live pages open) would pile up in the outbox; a
 * minute on, no page can still be waiting for them (lib/db/migrations/0004_stock_outbox.sql). The
 * relay drops them the same way on each call (comptoir_take_stock_changes); this is for when no
 * process relays. clock_timestamp(), as the relay and the outbox's `noted_at` default use.
 */
export async function trimStockOutbox(): Promise<void> {
  const db = await getDb();
  await db.delete(stockChanges).where(lt(stockChanges.notedAt, sql`clock_timestamp() - interval '1 minute'`));
}
