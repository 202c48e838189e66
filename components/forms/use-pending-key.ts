'use client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { newKey } from './new-key';
import { dropPending, keepPending, readPending } from './pending-key';

/**
 * The key of a keyed form (`useActionState`), kept until its answer arrives (./pending-key.ts):
 *   - mounted with a pending key for `scope` (the last attempt's answer was lost): that key, so
 *     sending again replays the first result; otherwise a fresh one per mount (a page brought back
 *     by the Back button must not replay the last command);
 *   - `onSubmit` keeps the key as pending; a new `state` (a refusal) drops it;
 *   - an answer that is a redirect moves the page away: the form unmounts on another path, and the
 *     key is dropped. Unmounted on the same path is the error boundary taking over (the answer was
 *     lost): the key stays for the retry.
 * `resumed` is the pending key found on mount, for a screen that re-asks by itself.
 */
export function usePendingKey(scope: string, serverKey: string, state: unknown) {
  const [key, setKey] = useState(serverKey);
  const [resumed, setResumed] = useState<string | null>(null);
  const keyRef = useRef(key);
  useLayoutEffect(() => {
    keyRef.current = key;
  });

  useEffect(() => {
    const pending = readPending(scope);
    setKey(pending?.key ?? newKey());
    setResumed(pending?.key ?? null);
    return () => {
      const left = keyRef.current;
      // After the commit that unmounts the form, the URL is the redirect's. Checked a moment later,
      // or when the page is left before that moment (the shopper goes on at once: a full load).
      const settle = () => {
        window.removeEventListener('pagehide', settle);
        const p = readPending(scope);
        if (p && p.key === left && window.location.pathname !== p.path) dropPending(scope, left);
      };
      window.setTimeout(settle, 250);
      window.addEventListener('pagehide', settle);
    };
  }, [scope, serverKey]);

  const first = useRef(state);
  useEffect(() => {
    if (state !== first.current) dropPending(scope, keyRef.current);
  }, [state, scope]);

  return { key, resumed, onSubmit: () => keepPending(scope, keyRef.current) };
}
