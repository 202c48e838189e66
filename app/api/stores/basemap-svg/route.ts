import type { NextRequest } from 'next/server';
import { basemapSvg } from '@/lib/map/basemap';
import { parseView } from '@/lib/map/projection';

/**
 * The static map preview's background (components/map/store-map-preview.tsx): the offline basemap
 * around one view (`?v=lng,lat,zoom`), as an SVG image. The same view gives the same bytes, so
 * browsers and caches keep it; the store locator's default view is one URL for everyone.
 */
export async function GET(req: NextRequest) {
  const view = parseView(req.nextUrl.searchParams.get('v'));
  if (!view) return new Response('Bad request: v=lng,lat,zoom', { status: 400 });
  return new Response(await basemapSvg(view), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    },
  });
}
