'use client';

import { useSyncExternalStore } from 'react';
import { myStoreIdFromCookies } from '@/lib/stores/my-store-id';

/**
 * The visitor's store, read from the my-store cookie in the browser. The store pages are kept
 * whole in Next's cache, the same for everyone, so the server renders "no store" and the browser
 * fills it in after hydration. Read again when the shopper changes it here
 * (announceMyStoreChange), comes back to the tab, or returns through the back-forward cache. One
 * set of listeners for the whole page, however many stores it lists.
 */
const listeners = new Set<() => void>();

/** After the "make my store" action has set the cookie. */
export function announceMyStoreChange(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    window.addEventListener('focus', announceMyStoreChange);
    window.addEventListener('pageshow', announceMyStoreChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('focus', announceMyStoreChange);
      window.removeEventListener('pageshow', announceMyStoreChange);
    }
  };
}

export function useMyStoreId(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => myStoreIdFromCookies(document.cookie),
    () => null,
  );
}
