'use client';

import { useMemo, useSyncExternalStore } from 'react';

/**
 * This minute, by the browser's clock, for "open now" on pages kept whole in Next's cache: null on
 * the server and while hydrating (the kept HTML cannot know the time), then ticking each minute.
 */
function subscribe(onChange: () => void): () => void {
  const timer = window.setInterval(onChange, 15_000);
  document.addEventListener('visibilitychange', onChange);
  return () => {
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', onChange);
  };
}

const thisMinute = () => Math.floor(Date.now() / 60_000);

export function useMinuteClock(): Date | null {
  const minute = useSyncExternalStore(subscribe, thisMinute, () => null);
  return useMemo(() => (minute === null ? null : new Date(minute * 60_000)), [minute]);
}
