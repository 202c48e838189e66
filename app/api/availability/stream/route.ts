import { connection, type NextRequest } from 'next/server';
import { getStockHub, type StockEvent } from '@/lib/events/stock-hub';
import { sseEvent, sseResync, sseStream } from '@/lib/events/sse';
import { parseAvailabilityQuery } from '@/lib/inventory/availability-params';
import { getWarehouseLocationId } from '@/lib/inventory/queries';
import { withDatabaseOutage } from '@/lib/http/outage';

const encoder = new TextEncoder();
/**
 * The hub hands the same event object to every subscriber: frame and encode it once, not once per
 * open stream (a popular product has hundreds).
 */
const framed = new WeakMap<StockEvent, Uint8Array>();
function frame(e: StockEvent): Uint8Array {
  let bytes = framed.get(e);
  if (!bytes) {
    bytes = encoder.encode(sseEvent('stock', { storeId: e.storeId, skuId: e.skuId, available: e.available, asOf: e.asOf }));
    framed.set(e, bytes);
  }
  return bytes;
}

/**
 * GET /api/availability/stream?sku=<id,…>&stores=<id,…>&warehouse=1 — Server-Sent Events:
 * `ready` once this server hears the figures (and again after it had to reconnect: the client then
 * re-reads the snapshot, as nothing is replayed), then one `stock` event per committed change of a
 * figure asked for.
 */
async function handle(request: NextRequest) {
  await connection();
  const parsed = parseAvailabilityQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const { sku, stores, warehouse } = parsed.query;
  const storeIds = [...stores];
  if (warehouse) {
    const id = await getWarehouseLocationId();
    if (id !== null && !storeIds.includes(id)) storeIds.push(id);
  }
  return sseStream(request, {
    subscribe: (send) =>
      getStockHub().subscribe(
        storeIds.flatMap((storeId) => sku.map((skuId) => ({ storeId, skuId }))),
        { onStock: (e) => send(frame(e)), onResync: () => send(sseResync()) },
      ),
    unavailable: { log: 'availability stream', message: 'Live updates are unavailable; read /api/availability instead.' },
  });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
