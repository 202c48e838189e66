/**
 * Runs before every page request:
 * 1. Language: a URL per language — French at /…, English at /en/… (lib/routing/locale-route.ts:
 *    /fr/… and, for a visitor who asked for English, an unprefixed URL are redirected). The URL
 *    is then rewritten — invisibly — to /<locale>/…, so each language has its own prerendered
 *    shell. Every gate below reads the path without its prefix.
 * 2. A first gate in front of the staff console: no session → sign in; a shopper → the home page,
 *    with nothing about the console revealed. It reads the signed cookie and asks whether its
 *    session still stands (lib/auth/config.ts → lib/auth/sessions.ts), so a cookie kept after
 *    sign-out does not pass. Pages and actions still check for themselves (requireStaff,
 *    assertStaffOfStore): this is a convenience, not the security. The back office (/admin) has
 *    the same gate for its people (admins, catalogue staff): shop staff and shoppers are sent home.
 */
import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { LOCALE_COOKIE, LOCALE_HEADER, resolveLocale, type Locale } from '@/lib/i18n/config';
import { canActOnStore } from '@/lib/auth/staff-access';
import { isBackOfficeRole } from '@/lib/auth/roles';
import { getSavedAddress } from '@/lib/customers/addresses';
import { isCustomerOrder } from '@/lib/orders/queries';
import { isCustomerReservation } from '@/lib/reservations/queries';
import { isCustomerReturn } from '@/lib/returns/queries';
import { isCustomerSale } from '@/lib/sales/queries';
import { productSkuPath, slugExists } from '@/lib/routing/known-slugs';
import { localeRoute, servedLocale } from '@/lib/routing/locale-route';
import { localizedPath } from '@/lib/routing/public-url';
import { storeLocatorPath } from '@/lib/routing/store-paths';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { redactQueryParams } from '@/lib/errors';
import { databaseOutagePage } from '@/lib/http/outage';
import { actionBodyLimit, checkActionBody, isCachedFunctionId, readBodyCapped } from '@/lib/http/action-request';
import { checkActionOrigin, isPossibleServerAction } from '@/lib/http/cross-origin';
import { unsafeQueryParam } from '@/lib/input/text';

const { auth } = NextAuth(authConfig);

/** Serves `pathname` (default: the URL's, without its language prefix) in the URL's language. */
function rewriteToLocale(req: NextRequest, pathname?: string, dropParam?: string): NextResponse {
  const served = servedLocale(req.nextUrl.pathname);
  const locale = served.locale;
  pathname ??= served.path;
  const url = req.nextUrl.clone();
  url.pathname = `/${locale}${pathname === '/' ? '' : pathname}`;
  // A query parameter the path now carries: left on, Next.js would not serve the kept page.
  if (dropParam) url.searchParams.delete(dropParam);
  const headers = new Headers(req.headers);
  headers.set(LOCALE_HEADER, locale);
  return NextResponse.rewrite(url, { request: { headers } });
}

/** The sign-in page in the URL's language, coming back to this URL (its prefix kept). */
function signInFirst(req: NextRequest, withQuery = true): NextResponse {
  const url = new URL(localizedPath('/sign-in', servedLocale(req.nextUrl.pathname).locale), req.nextUrl);
  url.searchParams.set('callbackUrl', withQuery ? `${req.nextUrl.pathname}${req.nextUrl.search}` : req.nextUrl.pathname);
  return NextResponse.redirect(url);
}

const staffGate = auth(async (req) => {
  const user = req.auth?.user;
  if (!user) return signInFirst(req);
  const { locale, path } = servedLocale(req.nextUrl.pathname);
  if (user.role !== 'staff' && user.role !== 'admin') return NextResponse.redirect(new URL(localizedPath('/', locale), req.nextUrl));
  // Another store's page (or no such store): a real 404 before the console starts streaming. The
  // page and every action check again for themselves.
  const storeId = /^\/staff\/stores\/([^/]+)/.exec(path)?.[1];
  if (storeId !== undefined) {
    const id = Number(storeId);
    if (!Number.isSafeInteger(id) || !(await canActOnStore(Number(user.id), id))) return rewriteToLocale(req, '/_unknown');
  }
  return rewriteToLocale(req);
});

/** The back office: signed out → sign in; anyone but an admin or catalogue staff → the home page. Pages and actions check again (requireBackOffice, backOfficeAction). */
const backOfficeGate = auth(async (req) => {
  const user = req.auth?.user;
  if (!user) return signInFirst(req);
  if (!isBackOfficeRole(user.role)) return NextResponse.redirect(new URL(localizedPath('/', servedLocale(req.nextUrl.pathname).locale), req.nextUrl));
  return rewriteToLocale(req);
});

/**
 * A shopper's own page — a reservation, an order (and its return booking), a return pass — streams
 * into its shell like every page, so by the time it learnt the id is someone else's the 200 would
 * be gone: decided here first. Signed out → sign in and come back; not theirs, or no such id → a
 * real 404 (the same answer, so ids reveal nothing). The pages and their actions check again.
 */
function ownPageGate(path: RegExp, isMine: (key: string, customerId: number) => Promise<boolean>) {
  const gate = auth(async (req) => {
    const user = req.auth?.user;
    if (!user) return signInFirst(req);
    const key = decodeURIComponent(path.exec(servedLocale(req.nextUrl.pathname).path)?.[1] ?? '');
    return (await isMine(key, Number(user.id))) ? rewriteToLocale(req) : rewriteToLocale(req, '/_unknown');
  });
  return { path, gate };
}

const OWN_PAGES = [
  ownPageGate(/^\/account\/reservations\/([^/]+)\/?$/, async (id, customer) => /^\d{1,10}$/.test(id) && isCustomerReservation(Number(id), customer)),
  ownPageGate(/^\/account\/orders\/([^/]+)(?:\/return)?\/?$/, async (number, customer) => number.length <= 20 && isCustomerOrder(number, customer)),
  ownPageGate(/^\/account\/returns\/([^/]+)\/?$/, async (code, customer) => code.length <= 20 && isCustomerReturn(code, customer)),
  ownPageGate(/^\/account\/activity\/receipts\/([^/]+)\/?$/, async (id, customer) => /^[1-9]\d{0,8}$/.test(id) && isCustomerSale(Number(id), customer)),
  ownPageGate(
    /^\/account\/addresses\/([^/]+)\/?$/,
    async (id, customer) => /^[1-9]\d{0,9}$/.test(id) && (await getSavedAddress(customer, Number(id))) !== null,
  ),
];

/**
 * The loyalty card: signed out → sign in (a real redirect, before streaming, so the service worker
 * sees it and drops any stored copy). Signed in → the page, marked `x-comptoir-offline: card`:
 * public/sw.js keeps a copy for the till only of a response carrying that mark, so an error page
 * or a sign-in page can never take the card's place offline. The page checks the session again.
 */
const CARD_PATH = /^\/account\/card\/?$/;
const cardGate = auth(async (req) => {
  if (!req.auth?.user) return signInFirst(req, false);
  const res = rewriteToLocale(req);
  res.headers.set('x-comptoir-offline', 'card');
  return res;
});

/**
 * Auth.js's `auth()` wrapper re-issues the session cookie on every response it makes (a sliding
 * expiry). Here that is a hazard: a request already in flight when the shopper signs out (a link
 * prefetch of /account/card, say) would answer after the sign-out and put the session back — the
 * shopper clicked "Sign out", the header said so, and the next page had them signed in again.
 * The proxy only reads the session; it is issued at sign-in (30 days) and cleared at sign-out.
 */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

function withoutSessionRefresh(res: Response): Response {
  const cookies = res.headers.getSetCookie();
  if (!cookies.some((c) => SESSION_COOKIE.test(c))) return res;
  res.headers.delete('set-cookie');
  for (const c of cookies) if (!SESSION_COOKIE.test(c)) res.headers.append('set-cookie', c);
  return res;
}

function isWellEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refusals made here, before any route runs: a path whose percent-encoding is not UTF-8 (Next.js
 * would fail decoding it into a route's params: a bare 500), a query string holding a control
 * character (lib/input/text.ts: PostgreSQL refuses U+0000 in text), a server action posted from
 * another site (Next.js's own check throws: a 500, not the 403 it is), and a server action whose
 * body Next.js or React would fail to decode into arguments (lib/http/action-request.ts).
 */
function refuse(status: 400 | 403 | 404 | 413, text: string): NextResponse {
  return new NextResponse(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/** app/[locale]/(catalogue)/home/[edition]: `/` is served from there; the path itself is not public. */
const HOME_PAGE = '/home/catalogue';
const HOME_ROUTE = /^\/home(?:\/|$)/;

/** A redirect the language rule asked for: the same page (query kept) at its address in a language. */
function languageRedirect(req: NextRequest, location: string, status: 307 | 308): NextResponse {
  const res = NextResponse.redirect(new URL(location, req.nextUrl), status);
  // The answer depends on the cookie and the browser's language: no shared cache may keep it for all.
  if (status === 307) res.headers.set('vary', 'cookie, accept-language');
  return res;
}

async function route(req: NextRequest, event: Parameters<typeof staffGate>[1]) {
  const fullPath = req.nextUrl.pathname;
  if (!isWellEncoded(fullPath)) return refuse(400, 'Bad request: malformed URL');
  const unsafe = unsafeQueryParam(req.nextUrl.searchParams);
  if (unsafe !== undefined)
    return refuse(400, `Bad request: the query parameter ${unsafe} holds a control character (such as U+0000), which no search or place can contain.`);
  // Route handlers (and images) only needed the checks above; they refuse cross-site posts themselves.
  if (fullPath.startsWith('/api/') || fullPath.startsWith('/img/') || fullPath.startsWith('/media/')) return NextResponse.next();
  if (isPossibleServerAction(req)) {
    const verdict = checkActionOrigin(req);
    if (!verdict.ok) return refuse(403, `Refused: a server action must come from a page of this site (${verdict.reason}).`);
    const actionId = req.headers.get('next-action');
    if (actionId !== null && isCachedFunctionId(actionId)) return refuse(404, 'Not found: no such server action.');
    const limit = actionBodyLimit(servedLocale(fullPath).path);
    if (Number(req.headers.get('content-length')) > limit) return refuse(413, `Refused: the body is over the ${limit / 1024 / 1024} MB limit.`);
    const bytes = await readBodyCapped(req.clone().body, limit);
    if (bytes === null) return refuse(413, `Refused: the body is over the ${limit / 1024 / 1024} MB limit.`);
    const body = await checkActionBody(req.headers.get('content-type') ?? '', bytes, req.headers.has('next-action'), limit);
    if (!body.ok) return refuse(body.status, `${body.status === 404 ? 'Not found' : 'Bad request'}: ${body.reason}.`);
  }
  // The language, from the URL (before any gate: a redirect reads no database).
  const lang = localeRoute({
    method: req.method,
    pathname: fullPath,
    search: req.nextUrl.search,
    cookie: req.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: req.headers.get('accept-language'),
  });
  if (lang.kind === 'redirect') return languageRedirect(req, lang.location, lang.status);
  const path = lang.path;
  const gate =
    path === '/staff' || path.startsWith('/staff/')
      ? staffGate
      : path === '/admin' || path.startsWith('/admin/')
        ? backOfficeGate
        : req.method === 'GET'
          ? (OWN_PAGES.find((p) => p.path.test(path))?.gate ?? (CARD_PATH.test(path) ? cardGate : undefined))
          : undefined;
  if (gate) {
    const res = await gate(req, event);
    return res instanceof Response ? withoutSessionRefresh(res) : res;
  }
  // An unknown product, department or store: the catch-all route answers 404 before streaming.
  if (req.method === 'GET' && !(await slugExists(path))) return rewriteToLocale(req, '/_unknown');
  // A product's size and colour (?sku=) is a page of its own, kept like the product's: served from
  // /p/<slug>~<id> (pages, their data for client navigations, and the actions posted from them);
  // that path is not a public URL (slugExists above already answers it 404).
  if (HOME_ROUTE.test(path)) return rewriteToLocale(req, '/_unknown');
  // The home page is kept whole like a product page: its route has a placeholder the build renders.
  if (path === '/') return rewriteToLocale(req, HOME_PAGE);
  // The store locator: without a search, a kept page the same for everyone; with one
  // (?near=, ?lat=&lng=), a page rendered per request. Neither path is public.
  const storesPath = storeLocatorPath(path, req.nextUrl.searchParams);
  if (storesPath !== null) return rewriteToLocale(req, storesPath);
  const skuPath = await productSkuPath(path, req.nextUrl.searchParams.get('sku'));
  return skuPath ? rewriteToLocale(req, skuPath, 'sku') : rewriteToLocale(req);
}

/** The outage page's language: the URL's when it names one, else the visitor's. */
function outageLocale(req: NextRequest): Locale {
  return req.nextUrl.pathname === '/en' || req.nextUrl.pathname.startsWith('/en/')
    ? 'en'
    : resolveLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get('accept-language'));
}

/**
 * The gates and the slug check read the database: while it cannot be reached, every page answers
 * a 503 that says so and reloads itself every few seconds, instead of a bare 500 — and recovers by
 * itself once PostgreSQL is back (lib/http/outage.ts).
 */
export async function proxy(req: NextRequest, event: Parameters<typeof staffGate>[1]) {
  try {
    return await route(req, event);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    console.error('database unavailable:', err instanceof Error ? redactQueryParams(err).message : err);
    return databaseOutagePage(outageLocale(req));
  }
}

export const config = {
  // Pages (not Next's own files, or files with an extension), and route handlers (/api, /img) for
  // the path and query-string checks alone.
  matcher: ['/((?!api/|img/|media/|_next/|.*\\.[a-z0-9]+$).*)', '/api/:path*', '/img/:path*', '/media/:path*'],
};
