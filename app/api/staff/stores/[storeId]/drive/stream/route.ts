import { connection, type NextRequest } from 'next/server';
import { getDriveHub } from '@/lib/events/drive-hub';
import { sseEvent, sseResync, sseStream } from '@/lib/events/sse';
import { checkDriveAccess } from '../drive-access';
import { withDatabaseOutage } from '@/lib/http/outage';

/**
 * The stream ends after this long and EventSource reconnects at once: the session and the store
 * membership are checked again, so a signed-out or removed staff member stops hearing.
 */
const MAX_STREAM_MS = 15 * 60_000;

/**
 * GET /api/staff/stores/<id>/drive/stream — Server-Sent Events for one store's drive screen:
 * `ready` once this server hears (and again after it had to reconnect: the screen then re-reads,
 * as nothing is replayed), then one `drive` event per committed change of an order of this store
 * (an arrival, preparing, ready, handed over). The events carry only the order id: the screen
 * re-reads GET /api/staff/stores/<id>/drive.
 */
async function handle(request: NextRequest, { params }: { params: Promise<{ storeId: string }> }) {
  await connection();
  const access = await checkDriveAccess((await params).storeId);
  if (!access.ok) return access.response;
  return sseStream(request, {
    subscribe: (send) =>
      getDriveHub().subscribe(access.storeId, {
        onDrive: (e) => send(sseEvent('drive', { orderId: e.orderId })),
        onResync: () => send(sseResync()),
      }),
    unavailable: { log: 'drive stream', message: 'Live updates are unavailable; the screen polls instead.' },
    maxMs: MAX_STREAM_MS,
  });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
