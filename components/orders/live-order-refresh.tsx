'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** After this many stream failures without a `ready`, the page polls instead. */
const MAX_ERRORS_WITHOUT_READY = 3;
/** A burst of events (a picker working down the lines) costs one re-render. */
const COALESCE_MS = 300;

type Props = {
  /** A Server-Sent Events stream of the drive's changes (lib/events/drive-hub.ts), with `drive` events naming their order. */
  stream: string;
  orderId: number;
  /** No stream (or one that keeps failing): re-read this often. */
  pollSeconds?: number;
};

/**
 * Keeps one order's page current, as the drive screen keeps its list (components/staff/use-live-drive.ts):
 * an EventSource on the drive's stream; each `drive` event for this order, and each `ready` (after
 * every (re)connection, as nothing is replayed), re-renders the page on the server. Without a stream
 * the page is re-read every `pollSeconds` while it is on screen.
 */
export function LiveOrderRefresh({ stream, orderId, pollSeconds = 10 }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<'connecting' | 'live' | 'polling'>('connecting');
  const polling = status === 'polling';
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const refresh = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        router.refresh();
      }, COALESCE_MS);
    };
    if (polling || typeof EventSource === 'undefined') {
      const id = setInterval(() => document.visibilityState === 'visible' && router.refresh(), pollSeconds * 1000);
      return () => clearInterval(id);
    }
    const source = new EventSource(stream);
    let errors = 0;
    let first = true;
    source.addEventListener('ready', () => {
      errors = 0;
      setStatus('live');
      // The page was just rendered: only a reconnection can have missed a change.
      if (!first) refresh();
      first = false;
    });
    source.addEventListener('drive', (e) => {
      try {
        if ((JSON.parse((e as MessageEvent<string>).data) as { orderId?: unknown }).orderId === orderId) refresh();
      } catch {
        refresh();
      }
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED || ++errors >= MAX_ERRORS_WITHOUT_READY) {
        source.close();
        setStatus('polling');
      }
    };
    return () => {
      source.close();
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [stream, orderId, polling, pollSeconds, router]);

  return <span hidden data-testid="live-order" data-live-status={status} />;
}
