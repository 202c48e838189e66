import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { idSchema } from '@/lib/actions/inputs';
import { getSessionUser } from '@/lib/auth/guards';
import { refuseCrossOrigin } from '@/lib/http/cross-origin';
import { readBodyCapped } from '@/lib/http/action-request';
import { withDatabaseOutage } from '@/lib/http/outage';
import { refererPath } from '@/lib/http/referer';
import { getDictionary } from '@/lib/i18n/dictionary';
import { servedLocale } from '@/lib/routing/locale-route';
import { chooseMyStore } from '@/lib/stores/my-store';

/** A form of one small field: anything larger is not the locator's. */
const BODY_LIMIT = 4 * 1024;
const FORM = z.object({ storeId: idSchema });

/**
 * POST /api/my-store (storeId) — "Make this my store" from the locator's cards before the page's
 * script has run, or in a browser without scripts: the cards are plain HTML that React does not
 * hydrate (components/stores/store-cards-html.ts), so their form posts here rather than to a
 * server action. With the script, the list sends the same choice as the `makeMyStore` action.
 * From a page of this site only (lib/http/cross-origin.ts); the store is the visitor's choice,
 * remembered in the cookie and on the account when signed in (chooseMyStore), then the browser
 * goes back to the page it was on (303), which shows the new store.
 */
export const POST = withDatabaseOutage(async (request: NextRequest) => {
  const crossSite = refuseCrossOrigin(request);
  if (crossSite) return crossSite;
  const back = refererPath(request) ?? '/stores';
  const t = getDictionary(servedLocale(back.split(/[?#]/)[0]!).locale).stores;
  const storeId = await readStoreId(request);
  if (storeId === null) return refusal(400, t.myStoreNotChosen);
  const user = await getSessionUser();
  const store = await chooseMyStore(storeId, user?.id ?? null);
  if (!store) return refusal(404, t.myStoreUnknown);
  return new Response(null, { status: 303, headers: { Location: back, 'Cache-Control': 'no-store' } });
});

/** The store id the form sent (URL-encoded or multipart), or null for any other body. */
async function readStoreId(request: NextRequest): Promise<number | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const bytes = await readBodyCapped(request.body, BODY_LIMIT);
  if (bytes === null) return null;
  const form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': type } }).formData().catch(() => null);
  const parsed = FORM.safeParse({ storeId: form?.get('storeId') });
  return parsed.success ? parsed.data.storeId : null;
}

/** A refusal in the page's language, as text: the shopper's browser shows it as it is. */
function refusal(status: 400 | 404, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
