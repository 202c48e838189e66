/*
 * Comptoir's service worker (issue 5: the loyalty card opens at the till with no network).
 * Hand-written, no build step; registered by components/pwa/service-worker-registration.tsx in
 * production builds only. What it does, and deliberately nothing more:
 *
 * 1. /_next/static/* — cache first. Next names these files by their content and serves them
 *    `immutable`; only responses that say so are kept (so a `next dev` asset, which changes under
 *    the same URL, is never cached even if a worker from a production run is still installed).
 * 2. The card page (/account/card, or /en/account/card in English; one copy for both) — network first; the last good copy is kept and served when
 *    the network fails or hangs. A copy is kept only when the server marked it (proxy.ts sets
 *    `x-comptoir-offline: card` on a signed-in request), so a redirect to sign-in, an error page or
 *    anything else never replaces it.
 * 3. Any other page — network only; when the network fails, the offline page (/offline or
 *    /en/offline, kept at install, in the language of the last page seen).
 * Everything else — API routes, server actions (POST), RSC fetches, images — is not touched: no
 *    other signed-in page and no API answer is ever stored.
 *
 * Privacy: the card copy is one person's. It is dropped when someone signs out (the sign-out form
 * deletes the cache, and tells us), when the server answers the card URL with a redirect (the
 * session ended), and when a sign-in or sign-up page is opened (someone else may be about to use
 * the phone). It is stored under one key, so there is never more than one person's card on a device.
 */

const STATIC_CACHE = 'comptoir-static-v1';
const CARD_CACHE = 'comptoir-card-v1';
const SHELL_CACHE = 'comptoir-shell-v1';
const KNOWN_CACHES = [STATIC_CACHE, CARD_CACHE, SHELL_CACHE];

const CARD_PATH = /^\/(?:(?:fr|en)\/)?account\/card\/?$/;
const SIGN_IN_PATH = /^\/(?:(?:fr|en)\/)?(?:sign-in|sign-up)\/?$/;
const CARD_KEY = '/account/card';
/** The offline page's address in a language (lib/routing/public-url.ts: English under /en/). */
const offlineUrl = (lang) => (lang === 'en' ? '/en/offline' : '/offline');
const OFFLINE_KEY = '/__sw/offline';
const CARD_MARK = 'x-comptoir-offline';
/** A connection that answers nothing for this long counts as none, when a copy is there to show. */
const NETWORK_TIMEOUT_MS = 4000;
const STATIC_LIMIT = 400;

/** Clients (tabs) we answered with the stored card rather than a fresh one: the page asks. */
const servedFromCache = new Set();

self.addEventListener('install', (event) => {
  event.waitUntil(
    keepOfflinePage()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('comptoir-') && !KNOWN_CACHES.includes(name)) await caches.delete(name);
      }
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode !== 'navigate') return;
  if (CARD_PATH.test(url.pathname)) {
    event.respondWith(cardPage(event));
    return;
  }
  if (SIGN_IN_PATH.test(url.pathname)) event.waitUntil(caches.delete(CARD_CACHE));
  event.respondWith(pageOrOffline(event));
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  const reply = (message) => event.ports[0] && event.ports[0].postMessage(message);
  if (data.type === 'forget-card') {
    event.waitUntil(caches.delete(CARD_CACHE).then(() => reply({ ok: true })));
  } else if (data.type === 'served-from-cache') {
    const id = event.source && event.source.id;
    reply({ fromCache: Boolean(id && servedFromCache.has(id)) });
  } else if (data.type === 'refresh-card' && typeof data.path === 'string' && CARD_PATH.test(data.path)) {
    event.waitUntil(
      fetch(data.path, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
        .then(keepCard)
        .catch(() => undefined),
    );
  } else if (data.type === 'warm') {
    event.waitUntil(warm(data).catch(() => undefined));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && /immutable/.test(response.headers.get('cache-control') || '')) {
    await cache.put(request, response.clone());
    trim(cache);
  }
  return response;
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - STATIC_LIMIT))) await cache.delete(key);
}

function fromNetwork(event) {
  return Promise.resolve(event.preloadResponse).then((preloaded) => preloaded || fetch(event.request));
}

async function cardPage(event) {
  const cache = await caches.open(CARD_CACHE);
  const stored = await cache.match(CARD_KEY);
  const network = fromNetwork(event);
  let response;
  let timer;
  try {
    const timeout = () =>
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error('network timeout')), NETWORK_TIMEOUT_MS);
      });
    response = await (stored ? Promise.race([network, timeout()]) : network);
  } catch {
    if (stored) {
      if (event.resultingClientId) servedFromCache.add(event.resultingClientId);
      // The slow request may still land: keep its answer for next time.
      event.waitUntil(network.then((late) => keepCard(late)).catch(() => undefined));
      return stored;
    }
    return offlinePage();
  } finally {
    clearTimeout(timer);
  }
  event.waitUntil(keepCard(response.clone()));
  return response;
}

/** Stores the card page if the server marked it as this visitor's card; forgets it on a redirect. */
async function keepCard(response) {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) || response.status === 401) {
    await caches.delete(CARD_CACHE);
    return;
  }
  if (!response.ok || response.headers.get(CARD_MARK) !== 'card') return;
  const cache = await caches.open(CARD_CACHE);
  await cache.put(CARD_KEY, response);
}

async function pageOrOffline(event) {
  try {
    return await fromNetwork(event);
  } catch {
    return offlinePage();
  }
}

async function offlinePage() {
  const cache = await caches.open(SHELL_CACHE);
  const page = await cache.match(OFFLINE_KEY);
  return (
    page ||
    new Response('<!doctype html><meta charset="utf-8"><title>Comptoir</title><p>Hors ligne — Offline</p>', {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    })
  );
}

/**
 * Fetches the offline page and the assets it needs: in `lang` (the last page's), else at /offline,
 * which a visitor who chose English is redirected from to /en/offline.
 */
async function keepOfflinePage(lang) {
  const response = await fetch(offlineUrl(lang), { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const cache = await caches.open(SHELL_CACHE);
  // A redirect followed on the way (/offline → /en/offline for an English visitor) marks the
  // response `redirected`, and Chromium refuses such a response as the answer to a navigation
  // (net::ERR_FAILED): a fresh copy of it is kept instead.
  const kept = response.redirected ? new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers }) : response;
  await cache.put(OFFLINE_KEY, kept);
  await keepAssets(assetsIn(html));
}

function assetsIn(html) {
  return [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) || [])];
}

async function keepAssets(urls) {
  const cache = await caches.open(STATIC_CACHE);
  for (const path of urls) {
    const url = new URL(path, self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith('/_next/static/')) continue;
    if (await cache.match(url)) continue;
    try {
      await cacheFirst(new Request(url));
    } catch {
      // Offline or gone: the next page that loads it will try again.
    }
  }
}

/**
 * A page tells us what it loaded before we controlled it (its scripts and styles) and its language
 * (the offline page follows it). The card page asks for itself separately ('refresh-card').
 */
async function warm(data) {
  if (Array.isArray(data.assets)) await keepAssets(data.assets.slice(0, 200));
  const cache = await caches.open(SHELL_CACHE);
  const offline = await cache.match(OFFLINE_KEY);
  const lang = offline ? /<html[^>]*\blang="([a-z]+)"/.exec(await offline.text())?.[1] : undefined;
  if (!offline || (typeof data.lang === 'string' && data.lang !== lang)) await keepOfflinePage(data.lang);
}
