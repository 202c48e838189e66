import 'server-only';
import { getDb, type Db } from '@/lib/db';

/** One transaction for the orders' writes: placing (lib/orders/placing.ts) and every later transition (fulfilment.ts). */
export async function transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx as unknown as Db));
}
