import { connection, type NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/auth/guards';
import { getDriveHub } from '@/lib/events/drive-hub';
import { sseEvent, sseResync, sseStream } from '@/lib/events/sse';
import { withDatabaseOutage } from '@/lib/http/outage';
import { findCustomerDriveOrder } from '@/lib/orders/queries';

/** The stream ends after this long and EventSource reconnects: the session is checked again. */
const MAX_STREAM_MS = 15 * 60_000;

/**
 * GET /api/account/orders/<number>/stream — Server-Sent Events for one of the signed-in shopper's
 * drive orders: `ready` once this server hears, then a `drive` event ({ orderId }) for each
 * committed change of this order (picked, a substitute proposed, ready, handed over). The page
 * re-renders on each (components/orders/live-order-refresh.tsx). It hears its store's drive
 * channel (lib/events/drive-hub.ts) and passes on only this order's events. Signed out: 401;
 * another's order, or none: the same 404.
 */
async function handle(request: NextRequest, { params }: { params: Promise<{ number: string }> }) {
  await connection();
  const user = await getSessionUser();
  if (!user) return Response.json({ error: 'Sign in.' }, { status: 401 });
  const number = (await params).number;
  const order = number.length <= 20 ? await findCustomerDriveOrder(number, user.id) : null;
  if (!order) return Response.json({ error: 'No such order.' }, { status: 404 });
  return sseStream(request, {
    subscribe: (send) =>
      getDriveHub().subscribe(order.storeId, {
        onDrive: (e) => {
          if (e.orderId === order.id) send(sseEvent('drive', { orderId: e.orderId }));
        },
        onResync: () => send(sseResync()),
      }),
    unavailable: { log: 'order stream', message: 'Live updates are unavailable; the page polls instead.' },
    maxMs: MAX_STREAM_MS,
  });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
