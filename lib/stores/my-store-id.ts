/**
 * The my-store cookie's name and how its value reads, for the server (lib/stores/my-store.ts) and
 * the browser alike: the store pages are kept whole in Next's cache, so which store is the
 * visitor's is worked out in the browser (components/stores/use-my-store-id.ts). The cookie is not
 * httpOnly on purpose; it holds only a public store id.
 */
export const MY_STORE_COOKIE = 'my_store';
export const MY_STORE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** A cookie value → a store id, or null when it is missing or not a positive whole number. */
export function parseMyStoreId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}

/** The store id in a `Cookie` header or `document.cookie` ("a=1; my_store=12"). */
export function myStoreIdFromCookies(cookies: string): number | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === MY_STORE_COOKIE) return parseMyStoreId(part.slice(eq + 1).trim());
  }
  return null;
}

/**
 * Where the locator's "Make this my store" form posts when the page's script has not run
 * (app/api/my-store/route.ts); with it, the list sends the same choice as a server action.
 */
export const MY_STORE_FORM_PATH = '/api/my-store';
