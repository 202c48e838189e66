'use client';

import { useMemo, useSyncExternalStore } from 'react';

/**
 * This minute, by the browser's clock, for "open now" on pages kept whole in Next's cache: null on
 * the server and while hydrating (the kept HTML cannot know the time), then ticking each minute.
 * One timer for the whole page, however many stores it lists.
 */
const listeners = new Set<() => void>();
let timer: number | undefined;

function tick() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    timer = window.setInterval(tick, 15_000);
    document.addEventListener('visibilitychange', tick);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    }
  };
}

const thisMinute = () => Math.floor(Date.now() / 60_000);

export function useMinuteClock(): Date | null {
  const minute = useSyncExternalStore(subscribe, thisMinute, () => null);
  return useMemo(() => (minute === null ? null : new Date(minute * 60_000)), [minute]);
}
