import { connection, type NextRequest } from 'next/server';
import { parseDesksQuery } from '@/lib/returns/params';
import { listReturnDesksNear } from '@/lib/returns/queries';
import { resolvePlace } from '@/lib/stores/places';
import { withDatabaseOutage } from '@/lib/http/outage';

/**
 * GET /api/returns/desks?lat=&lng= (geolocation, my store's position) or ?q=<postcode or town> —
 * the shops with a returns desk, nearest first (JSON: { from, desks: ReturnDesk[] }), for the
 * booking page's map and list. 400 for a malformed query, 404 when the place is not found.
 */
async function handle(request: NextRequest) {
  await connection();
  const parsed = parseDesksQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  let from: { lat: number; lng: number; name?: string };
  if ('q' in parsed.at) {
    const place = await resolvePlace(parsed.at.q);
    if (!place) return Response.json({ error: 'Place not found.', code: 'place_not_found' }, { status: 404 });
    from = { lat: place.lat, lng: place.lng, name: `${place.postcode} ${place.name}` };
  } else {
    from = parsed.at;
  }
  const desks = await listReturnDesksNear(from.lat, from.lng, 20);
  return Response.json({ from, desks }, { headers: { 'Cache-Control': 'no-store' } });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
