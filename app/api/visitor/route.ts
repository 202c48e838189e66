import { connection } from 'next/server';
import { withDatabaseOutage } from '@/lib/http/outage';
import { getVisitorSummary } from '@/lib/visitor/summary';

/**
 * GET /api/visitor — the shop header's per-visitor parts (who is signed in, the cart's count, my
 * store), read by the browser (components/layout/visitor.ts) so that every page's header is the
 * same for everyone and can be served whole from the cache. Never stored: it is this visitor's.
 */
async function handle() {
  await connection(); // the session, the cookies and the database: per request only
  return Response.json(await getVisitorSummary(), { headers: { 'Cache-Control': 'no-store' } });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
