'use client';

import { useEffect } from 'react';

/**
 * Registers public/sw.js in production builds. In development it does the opposite: a worker left
 * by a production run on the same origin would stand between `next dev` and the browser, so it is
 * removed with its caches (HMR's assets are never cached anyway: sw.js keeps only `immutable` ones).
 *
 * Not before the page has settled: installing the worker fetches the offline page and then every
 * script and stylesheet again to keep them, and once it claims the page the page's own requests
 * (availability, the visitor's header) go through it. On a phone that competes with the page's
 * first paint and its pictures, so it waits for `load`, then SETTLE_MS, then an idle moment
 * (BENCHMARKS.md, stop 33: Lighthouse 90 → 93 on the home page without it).
 */
const SETTLE_MS = 3_000;

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    if (process.env.NODE_ENV !== 'production') {
      void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
      return;
    }
    let cancelled = false;
    const start = () => {
      navigator.serviceWorker
        .register('/sw.js', { scope: '/', updateViaCache: 'none' })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
          if (cancelled) return;
          // The scripts and styles this page loaded before the worker ran, so the card and the
          // offline page can be drawn without a network next time; the page's language, which the
          // offline page follows.
          const assets = performance
            .getEntriesByType('resource')
            .map((e) => new URL(e.name).pathname)
            .filter((p) => p.startsWith('/_next/static/'));
          registration.active?.postMessage({ type: 'warm', assets, lang: document.documentElement.lang });
        })
        .catch(() => undefined);
    };
    let timer: number | undefined;
    let idle: number | undefined;
    const settle = () => {
      timer = window.setTimeout(() => {
        if ('requestIdleCallback' in window) idle = window.requestIdleCallback(start, { timeout: 2_000 });
        else start();
      }, SETTLE_MS);
    };
    if (document.readyState === 'complete') settle();
    else window.addEventListener('load', settle, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', settle);
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);
  return null;
}
