import { connection, type NextRequest } from 'next/server';
import { parseAvailabilityQuery } from '@/lib/inventory/availability-params';
import { getAvailabilitySnapshot } from '@/lib/inventory/queries';
import { withDatabaseOutage } from '@/lib/http/outage';

/**
 * GET /api/availability?sku=<id,…>&stores=<id,…>&warehouse=1 — the current stock figures, read
 * from the database. Live pages read it on load and after every (re)connection of the stream
 * (/api/availability/stream), and poll it when the stream cannot be held open.
 */
async function handle(request: NextRequest) {
  await connection(); // stock is never prerendered or cached
  const parsed = parseAvailabilityQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  const { sku, stores, warehouse } = parsed.query;
  const at = new Date().toISOString();
  const items = await getAvailabilitySnapshot({ skuIds: sku, locationIds: stores, warehouse });
  return Response.json({ at, items }, { headers: { 'Cache-Control': 'no-store' } });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
