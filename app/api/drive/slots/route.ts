import { connection, type NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/auth/guards';
import { refusalCode } from '@/lib/actions/refusals';
import { listSlots } from '@/lib/drive/queries';
import { parseDriveSlotsQuery } from '@/lib/drive/slots-params';
import { withDatabaseOutage } from '@/lib/http/outage';

/**
 * GET /api/drive/slots?store=<id>[&days=1-7] — a drive store's slots for the coming days, with
 * the places left (JSON, see lib/drive/types.ts). The picker polls it with SWR. A signed-in
 * shopper's own hold is marked and not counted against them.
 * 400 for a malformed query, 404 for a shop without drive (or no such shop).
 */
async function handle(request: NextRequest) {
  await connection(); // places change every second: never prerendered or cached
  const parsed = parseDriveSlotsQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const user = await getSessionUser();
  try {
    const view = await listSlots(parsed.query.store, { days: parsed.query.days, holder: user ? { customerId: user.id } : undefined });
    return Response.json(view, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    if (refusalCode(err) === 'drive_not_available') return Response.json({ error: (err as Error).message, code: 'drive_not_available' }, { status: 404 });
    throw err;
  }
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
