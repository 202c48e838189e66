'use client';

import { useEffect } from 'react';

/**
 * Registers public/sw.js in production builds. In development it does the opposite: a worker left
 * by a production run on the same origin would stand between `next dev` and the browser, so it is
 * removed with its caches (HMR's assets are never cached anyway: sw.js keeps only `immutable` ones).
 */
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
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', start);
    };
  }, []);
  return null;
}
