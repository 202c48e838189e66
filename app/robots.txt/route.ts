import { connection } from 'next/server';
import { robotsTxt } from '@/lib/seo/sitemap';

/**
 * /robots.txt (lib/seo/sitemap.ts). A route handler made at request time rather than app/robots.ts,
 * which the build would prerender: the sitemap's address comes from the public origin configured
 * where the server runs (PUBLIC_SITE_URL / AUTH_URL), not where it was built.
 */
export async function GET(): Promise<Response> {
  await connection();
  return new Response(robotsTxt(), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
