/**
 * Drops the copy of the loyalty card the service worker keeps for offline use (public/sw.js,
 * cache `comptoir-card-v1`). Called when someone signs out on this device, so the next person to
 * pick up the phone cannot open the previous one's card without a network.
 */
export const CARD_CACHE = 'comptoir-card-v1';

export async function forgetOfflineCard(): Promise<void> {
  if (typeof window === 'undefined') return;
  const jobs: Promise<unknown>[] = [];
  if ('caches' in window) jobs.push(caches.delete(CARD_CACHE).catch(() => false));
  const worker = navigator.serviceWorker?.controller;
  if (worker) worker.postMessage({ type: 'forget-card' });
  await Promise.all(jobs);
}
