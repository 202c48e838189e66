'use client';

import { useEffect, useState } from 'react';

/** Asks the service worker whether it answered this page from its stored copy (public/sw.js). */
function askServedFromCache(): Promise<boolean> {
  const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : null;
  if (!worker) return Promise.resolve(false);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), 2000);
    channel.port1.onmessage = (e: MessageEvent<{ fromCache?: boolean }>) => {
      clearTimeout(timer);
      resolve(Boolean(e.data?.fromCache));
    };
    worker.postMessage({ type: 'served-from-cache' }, [channel.port2]);
  });
}

/**
 * "Offline — balance as of …": shown when the phone has no network, or when the page on screen is
 * the copy the service worker kept (the network failed or hung). The balance is the one printed in
 * the page, with its time; the barcode is valid either way, the till reads the live balance.
 */
export function OfflineNotice({ text, help }: { text: string; help: string }) {
  const [offline, setOffline] = useState(false);
  const [fromCache, setFromCache] = useState(false);
  useEffect(() => {
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    let live = true;
    void askServedFromCache().then((yes) => live && setFromCache(yes));
    return () => {
      live = false;
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return (
    <div aria-live="polite">
      {(offline || fromCache) && (
        <div className="mb-4 flex gap-3 rounded-xl border border-low/30 bg-low/10 px-4 py-3 text-sm" data-testid="card-offline-notice">
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="mt-0.5 size-5 shrink-0 text-low"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          >
            <path d="M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0M12 19h.01M3 3l18 18" />
          </svg>
          <p>
            <span className="block font-semibold text-ink">{text}</span>
            <span className="block text-ink/80">{help}</span>
          </p>
        </div>
      )}
    </div>
  );
}
