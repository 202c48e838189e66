'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import useSWR, { useSWRConfig } from 'swr';

/** connecting: stream opening (or reopening); live: stream open; polling: no stream, a re-read every 10 s. */
export type DriveLiveStatus = 'connecting' | 'live' | 'polling';

const POLL_MS = 10_000;
/** EventSource retries on its own; after this many failures without a `ready` we stop and poll. */
const MAX_ERRORS_WITHOUT_READY = 3;
/** While polling because the stream failed, try the stream again this often. */
const STREAM_RETRY_MS = 60_000;
/** A burst of events (a colleague working down a list) costs one re-read. */
const COALESCE_MS = 200;

export async function fetchScreen<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`drive screen: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/**
 * A store's drive screen kept current: the server-rendered data first, then an EventSource on
 * /api/staff/stores/<id>/drive/stream. The stream carries no data, only "something changed at
 * this store"; each event (and each `ready`, which follows every (re)connection, since NOTIFY has
 * no replay) re-reads the screen's GET route. No EventSource, or a stream that keeps failing (the
 * server answers 503 when it cannot LISTEN): the GET route is polled every 10 s instead.
 * `alsoKey`: another SWR key re-read with it (the coming days, while unfolded).
 */
export function useLiveDrive<T>(storeId: number, initial: T, alsoKey: string | null = null) {
  const url = `/api/staff/stores/${storeId}/drive`;
  const { mutate: mutateKey } = useSWRConfig();
  const [status, setStatus] = useState<DriveLiveStatus>('connecting');
  const canStream = useRef(true);
  const polling = status === 'polling';

  const { data, mutate } = useSWR<T>(url, fetchScreen<T>, {
    fallbackData: initial,
    revalidateOnMount: false, // the server just rendered it; the stream's `ready` re-reads it
    revalidateOnFocus: true,
    refreshInterval: polling ? POLL_MS : 0,
    keepPreviousData: true,
  });
  const reread = useRef(() => {});
  useLayoutEffect(() => {
    reread.current = () => {
      void mutate();
      if (alsoKey) void mutateKey(alsoKey);
    };
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      reread.current();
    }, COALESCE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (status !== 'polling' || !canStream.current) return;
    const timer = setTimeout(() => setStatus('connecting'), STREAM_RETRY_MS);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (polling) return;
    if (typeof EventSource === 'undefined') {
      canStream.current = false;
      setStatus('polling');
      return;
    }
    const source = new EventSource(`${url}/stream`);
    let errors = 0;
    source.addEventListener('ready', () => {
      errors = 0;
      setStatus('live');
      refresh();
    });
    source.addEventListener('drive', refresh);
    source.onerror = () => {
      errors++;
      if (source.readyState === EventSource.CLOSED || errors >= MAX_ERRORS_WITHOUT_READY) {
        source.close();
        setStatus('polling');
      } else {
        setStatus('connecting');
      }
    };
    return () => source.close();
  }, [url, polling, refresh]);

  return { data: data ?? initial, status, refresh };
}
