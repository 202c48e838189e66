import { connection } from 'next/server';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { cachedSitemapXml } from '@/lib/seo/cached';

/**
 * /sitemap.xml (lib/seo/sitemap.ts). Made at request time — the build never reads the database —
 * from the cache, tagged like the catalogue and store pages. While the database is away: a 503
 * that a crawler retries, not a 500.
 */
export async function GET(): Promise<Response> {
  await connection();
  try {
    return new Response(await cachedSitemapXml(), { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return new Response('The catalogue cannot be read right now.', { status: 503, headers: { 'retry-after': '60', 'cache-control': 'no-store' } });
  }
}
