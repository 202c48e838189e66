/**
 * Ships one order from a fresh process — a server after a restart, or another server of the fleet:
 * nothing of the process that took the payment is in memory here (lib/orders/captures.test.ts).
 *
 *   DATABASE_URL=… node --conditions=react-server --import tsx test/support/ship-in-new-process.ts <orderId> <locationId> <actorId>
 */
import { markShipped } from '@/lib/orders/fulfilment';
import { getConnection } from '@/lib/db/client';

const [orderId, locationId, actorId] = process.argv.slice(2).map(Number) as [number, number, number];
markShipped({ orderId, locationId, actorId })
  .then(async () => (await getConnection()).close())
  .then(() => process.exit(0))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
