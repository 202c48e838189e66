'use client';

import { useEffect } from 'react';

/**
 * Makes sure the service worker holds this very card (balance and all) for the next time there is
 * no network. A full page load through the worker was stored on its way (public/sw.js); anything
 * else was not: the first visit before the worker ran, a move here from another page of the site
 * (Next fetches the page's data, not the page), or the card just made by the join button. Then we
 * ask the worker to fetch the page and keep it.
 */
export function KeepCardOffline() {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !navigator.onLine) return;
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const storedOnTheWay = entry && entry.workerStart > 0 && new URL(entry.name).pathname === location.pathname;
    if (storedOnTheWay) return;
    let live = true;
    // `ready` waits for the worker, which is registered a few seconds after a first page's load
    // (components/pwa/service-worker-registration.tsx), so a card opened sooner is kept too.
    void navigator.serviceWorker.ready.then((ready) => {
      if (live) ready.active?.postMessage({ type: 'refresh-card', path: location.pathname });
    });
    return () => {
      live = false;
    };
  }, []);
  return null;
}
