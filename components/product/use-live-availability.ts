'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import useSWR from 'swr';
import useSWRSubscription, { type SWRSubscriptionOptions } from 'swr/subscription';

export type Figure = { storeId: number; skuId: number; available: number | null; asOf: string | null };
export type Snapshot = { at: string; items: Figure[] };
/** connecting: stream opening (or reopening); live: stream open; polling: no stream, snapshot every 10 s. */
export type LiveStatus = 'connecting' | 'live' | 'polling';

type Events = Record<string, Figure>;

const POLL_MS = 10_000;
/** EventSource retries on its own; after this many failures without a `ready` we stop and poll. */
const MAX_ERRORS_WITHOUT_READY = 3;
/** While polling because the stream failed, try the stream again this often. */
const STREAM_RETRY_MS = 60_000;

const key = (storeId: number, skuId: number) => `${storeId}:${skuId}`;

function isNewer(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || Date.parse(a) >= Date.parse(b));
}

async function fetchSnapshot(url: string): Promise<Snapshot> {
  const res = await fetch(url, { cache: 'no-store' });
  if (!res.ok) throw new Error(`availability snapshot: HTTP ${res.status}`);
  return (await res.json()) as Snapshot;
}

/**
 * Live stock figures for some (store, SKU) pairs: the server-rendered snapshot first, then an
 * EventSource on /api/availability/stream. Every `ready` (first connection and each reconnection)
 * re-reads the snapshot, since changes made while disconnected are not replayed; every `stock`
 * event patches one figure. Where each figure comes from both, the more recent "as of" wins, so a
 * slow snapshot cannot overwrite a newer event. No EventSource, or a stream that keeps failing:
 * the snapshot is polled instead.
 */
export function useLiveAvailability(opts: { skuIds: number[]; storeIds: number[]; initial: Snapshot }) {
  const params = new URLSearchParams({ sku: opts.skuIds.join(',') });
  if (opts.storeIds.length) params.set('stores', opts.storeIds.join(','));
  const snapshotUrl = `/api/availability?${params}`;
  const streamUrl = `/api/availability/stream?${params}`;

  const [status, setStatus] = useState<LiveStatus>('connecting');
  const canStream = useRef(true);
  useEffect(() => {
    if (status !== 'polling' || !canStream.current) return;
    const timer = setTimeout(() => setStatus('connecting'), STREAM_RETRY_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const polling = status === 'polling';
  const { data: snapshot, mutate } = useSWR(snapshotUrl, fetchSnapshot, {
    fallbackData: opts.initial,
    revalidateOnMount: false, // the server just rendered it; the stream's `ready` re-reads it
    revalidateOnFocus: polling,
    refreshInterval: polling ? POLL_MS : 0,
  });
  const resync = useRef(mutate);
  useLayoutEffect(() => {
    resync.current = mutate;
  });

  const subscribe = useCallback((url: string, { next }: SWRSubscriptionOptions<Events, Error>) => {
    // Decided here, in the subscription's effect, not at render: the server has no EventSource either.
    if (typeof EventSource === 'undefined') {
      canStream.current = false;
      setStatus('polling');
      return () => {};
    }
    const source = new EventSource(url);
    let errors = 0;
    source.addEventListener('ready', () => {
      errors = 0;
      setStatus('live');
      void resync.current();
    });
    source.addEventListener('stock', (e) => {
      const figure = JSON.parse((e as MessageEvent<string>).data) as Figure;
      next(null, (prev) => ({ ...prev, [key(figure.storeId, figure.skuId)]: figure }));
    });
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
  }, []);
  const { data: events } = useSWRSubscription<Events, Error, string | null>(polling ? null : streamUrl, subscribe);

  const snapshotByKey = new Map((snapshot ?? opts.initial).items.map((f) => [key(f.storeId, f.skuId), f]));
  const figure = (storeId: number, skuId: number): Figure | undefined => {
    const fromSnapshot = snapshotByKey.get(key(storeId, skuId));
    const fromEvent = events?.[key(storeId, skuId)];
    if (fromEvent && (!fromSnapshot || isNewer(fromEvent.asOf, fromSnapshot.asOf))) return fromEvent;
    return fromSnapshot;
  };
  // The most recent change heard live, for a polite "updated at" announcement.
  const lastEventAt = Object.values(events ?? {}).reduce<string | null>((max, f) => (isNewer(f.asOf, max) ? f.asOf : max), null);

  return { figure, status, lastEventAt };
}
