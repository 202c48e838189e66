import { connection, type NextRequest } from 'next/server';
import { parseWindowsQuery } from '@/lib/returns/params';
import { listDropOffWindows } from '@/lib/returns/queries';
import { withDatabaseOutage } from '@/lib/http/outage';

/**
 * GET /api/returns/windows?store=<id> — a returns desk's drop-off windows for the days offered,
 * with the places left (JSON: DropOffDay[], lib/returns/queries.ts). The picker polls it with SWR.
 * 400 for a malformed query, 404 for a shop without a returns desk (or no such shop).
 */
async function handle(request: NextRequest) {
  await connection(); // places change as shoppers book: never prerendered or cached
  const parsed = parseWindowsQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const days = await listDropOffWindows(parsed.store);
  if (days.length === 0) return Response.json({ error: 'This shop has no returns desk.', code: 'no_returns_desk' }, { status: 404 });
  return Response.json({ storeId: parsed.store, days }, { headers: { 'Cache-Control': 'no-store' } });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
