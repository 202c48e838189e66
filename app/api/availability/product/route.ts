import { connection, type NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/auth/guards';
import { withDatabaseOutage } from '@/lib/http/outage';
import { getProductStock } from '@/lib/inventory/product-stock';
import { getMyStoreId } from '@/lib/stores/my-store';

/**
 * GET /api/availability/product?sku=<id> — a product page's per-visitor part: the stock of my store
 * (cookie), its 5 nearest and the web, the shops that can hold this SKU for click & reserve, and
 * whether the visitor is signed in (to reserve, or to be asked to sign in first).
 * The page around it is served from the cache, the same for everyone (docs/rendering.md).
 */
async function handle(request: NextRequest) {
  await connection(); // stock is never prerendered or cached
  const raw = request.nextUrl.searchParams.get('sku') ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) {
    return Response.json({ error: 'sku must be one positive whole number (a SKU id)' }, { status: 400 });
  }
  const [stock, user] = await Promise.all([getMyStoreId().then((store) => getProductStock(Number(raw), store)), getSessionUser()]);
  if (!stock) return Response.json({ error: 'no such SKU on sale' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return Response.json({ ...stock, signedIn: user !== null }, { headers: { 'Cache-Control': 'no-store' } });
}

/** A lost database answers 503 "try again", not 500 (lib/http/outage.ts). */
export const GET = withDatabaseOutage(handle);
