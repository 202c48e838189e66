import { connection, type NextRequest } from 'next/server';
import { getStockHub, type StockEvent } from '@/lib/events/stock-hub';
import { SSE_HEADERS, SSE_HEARTBEAT, sseEvent } from '@/lib/events/sse';
import { parseAvailabilityQuery } from '@/lib/inventory/availability-params';
import { getWarehouseLocationId } from '@/lib/inventory/queries';
import { withDatabaseOutage } from '@/lib/http/outage';

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();
/**
 * The hub hands the same event object to every subscriber: frame and encode it once, not once per
 * open stream (a popular product has hundreds).
 */
const framed = new WeakMap<StockEvent, Uint8Array>();
function frame(e: StockEvent): Uint8Array {
  let bytes = framed.get(e);
  if (!bytes) {
    bytes = encoder.encode(sseEvent('stock', { storeId: e.locationId, skuId: e.skuId, available: e.available, asOf: e.asOf }));
    framed.set(e, bytes);
  }
  return bytes;
}
/** EventSource waits this long before reconnecting after a drop. */
const RETRY_MS = 2_000;

/**
 * GET /api/availability/stream?sku=<id,…>&stores=<id,…>&warehouse=1 — Server-Sent Events:
 * `ready` once this server LISTENs for the figures (and again after it had to reconnect to the
 * database: the client then re-reads the snapshot, as NOTIFY has no replay), then one `stock`
 * event per committed change of a figure asked for.
 */
async function handle(request: NextRequest) {
  await connection();
  const parsed = parseAvailabilityQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const { sku, stores, warehouse } = parsed.query;
  const locationIds = [...stores];
  if (warehouse) {
    const id = await getWarehouseLocationId();
    if (id !== null && !locationIds.includes(id)) locationIds.push(id);
  }

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => cleanup(),
  });
  const send = (chunk: string | Uint8Array) => {
    try {
      controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    } catch {
      cleanup(); // the stream is already closed
    }
  };

  let unsubscribe: () => void;
  try {
    unsubscribe = await getStockHub().subscribe(
      locationIds.flatMap((locationId) => sku.map((skuId) => ({ locationId, skuId }))),
      {
        onStock: (e: StockEvent) => send(frame(e)),
        onResync: () => send(sseEvent('ready', { at: new Date().toISOString(), resync: true })),
      },
    );
  } catch (err) {
    // No LISTEN connection: a non-200 makes EventSource give up, and the page polls the snapshot.
    console.error(`availability stream: ${err instanceof Error ? err.message : String(err)}`);
    return Response.json({ error: 'Live updates are unavailable; read /api/availability instead.' }, { status: 503 });
  }

  const heartbeat = setInterval(() => send(SSE_HEARTBEAT), HEARTBEAT_MS);
  const onAbort = () => cleanup();
  cleanup = () => {
    cleanup = () => {};
    clearInterval(heartbeat);
    unsubscribe();
    request.signal.removeEventListener('abort', onAbort);
    try {
      controller.close();
    } catch {
      /* already closed or cancelled */
    }
  };
  if (request.signal.aborted) cleanup();
  else request.signal.addEventListener('abort', onAbort, { once: true });

  send(`retry: ${RETRY_MS}\n\n`);
  send(sseEvent('ready', { at: new Date().toISOString() }));
  return new Response(stream, { headers: SSE_HEADERS });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
