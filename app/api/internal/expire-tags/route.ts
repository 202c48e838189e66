import { revalidatePath, revalidateTag } from 'next/cache';
import { isTag, MAX_TAGS_PER_CALL } from '@/lib/cache/catalog-expiry';
import { isOwnExpiryKey, EXPIRY_KEY_HEADER } from '@/lib/cache/own-server';
import { TAGS } from '@/lib/catalog/tags';
import { forgetKnownSlugs } from '@/lib/routing/known-slugs';

/**
 * Expires cache tags in this server process: called by the process's own catalogue listener
 * (lib/cache/own-server.ts explains why through a request), never by anyone else — without this
 * process's key the route does not exist (404). Expiry is immediate (`expire: 0`): the next
 * request for a page showing these tags renders it again from the database.
 */
export async function POST(request: Request) {
  if (!isOwnExpiryKey(request.headers.get(EXPIRY_KEY_HEADER))) return new Response('Not found', { status: 404 });
  const body = (await request.json().catch(() => null)) as { all?: unknown; tags?: unknown } | null;
  const all = body?.all === true;
  const named = Array.isArray(body?.tags) ? body.tags.filter(isTag) : [];
  if (named.length > MAX_TAGS_PER_CALL) return new Response('Too many tags', { status: 413 });
  if (all) {
    // Every page and every cached read made for one (their implicit tags all hold the root layout).
    revalidatePath('/', 'layout');
    for (const tag of Object.values(TAGS)) revalidateTag(tag, { expire: 0 });
  }
  for (const tag of named) revalidateTag(tag, { expire: 0 });
  // The proxy's list of known product, department and store slugs (a withdrawn product answers 404).
  forgetKnownSlugs();
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}
