import { connection, type NextRequest } from 'next/server';
import { getDriveHub, type DriveEvent } from '@/lib/events/drive-hub';
import { SSE_HEADERS, SSE_HEARTBEAT, sseEvent } from '@/lib/events/sse';
import { checkDriveAccess } from '../drive-access';
import { withDatabaseOutage } from '@/lib/http/outage';

const HEARTBEAT_MS = 15_000;
/** EventSource waits this long before reconnecting after a drop. */
const RETRY_MS = 2_000;
/**
 * The stream ends after this long and EventSource reconnects at once: the session and the store
 * membership are checked again, so a signed-out or removed staff member stops hearing.
 */
const MAX_STREAM_MS = 15 * 60_000;
const encoder = new TextEncoder();

/**
 * GET /api/staff/stores/<id>/drive/stream — Server-Sent Events for one store's drive screen:
 * `ready` once this server LISTENs (and again after it had to reconnect to the database: the
 * screen then re-reads, as NOTIFY has no replay), then one `drive` event per committed change of
 * an order of this store (an arrival, preparing, ready, handed over). The events carry only the
 * order id: the screen re-reads GET /api/staff/stores/<id>/drive.
 */
async function handle(request: NextRequest, { params }: { params: Promise<{ storeId: string }> }) {
  await connection();
  const access = await checkDriveAccess((await params).storeId);
  if (!access.ok) return access.response;

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => cleanup(),
  });
  const send = (chunk: string) => {
    try {
      controller.enqueue(encoder.encode(chunk));
    } catch {
      cleanup(); // the stream is already closed
    }
  };

  let unsubscribe: () => void;
  try {
    unsubscribe = await getDriveHub().subscribe(access.storeId, {
      onDrive: (e: DriveEvent) => send(sseEvent('drive', { orderId: e.orderId })),
      onResync: () => send(sseEvent('ready', { at: new Date().toISOString(), resync: true })),
    });
  } catch (err) {
    // No LISTEN connection: a non-200 makes EventSource give up, and the screen polls instead.
    console.error(`drive stream: ${err instanceof Error ? err.message : String(err)}`);
    return Response.json({ error: 'Live updates are unavailable; the screen polls instead.' }, { status: 503 });
  }

  const heartbeat = setInterval(() => send(SSE_HEARTBEAT), HEARTBEAT_MS);
  const lifetime = setTimeout(() => cleanup(), MAX_STREAM_MS);
  const onAbort = () => cleanup();
  cleanup = () => {
    cleanup = () => {};
    clearInterval(heartbeat);
    clearTimeout(lifetime);
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
