'use client';

import { usePathname } from 'next/navigation';
import { Suspense, useEffect, useRef } from 'react';
import useSWR, { mutate } from 'swr';
import type { VisitorSummary } from '@/lib/visitor/types';
import { VISITOR_EVENT, VISITOR_KEY, refreshVisitor, type VisitorChange } from './visitor';
import { Slots, type HeaderSlotsTexts } from './header-slots';

async function fetchVisitor(url: string): Promise<VisitorSummary> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`visitor: HTTP ${res.status}`);
  return (await res.json()) as VisitorSummary;
}

/**
 * My store, account and cart: the per-visitor parts of the header, read by the browser from
 * /api/visitor, so that the server renders the same header for everyone (no per-request hole in
 * any page). Until the answer, placeholders of the first visit's size; should it fail, links that
 * work without it.
 */
export default function HeaderSlotsLive({ t }: { t: HeaderSlotsTexts }) {
  const { data, error } = useSWR(VISITOR_KEY, fetchVisitor, { revalidateOnFocus: true });
  // What forms tell (./visitor.ts): read again, or forget the answer until the next read.
  useEffect(() => {
    const listen = (e: Event) => {
      const change = (e as CustomEvent<VisitorChange>).detail;
      void (change === 'forget' ? mutate(VISITOR_KEY, undefined, { revalidate: false }) : mutate(VISITOR_KEY));
    };
    window.addEventListener(VISITOR_EVENT, listen);
    return () => window.removeEventListener(VISITOR_EVENT, listen);
  }, []);
  const status = data ? 'ready' : error ? 'failed' : 'loading';
  // Never left waiting: a read dropped by SWR (an answer forgotten at sign-out while a read was
  // under way is discarded, and a header mounted in another route group may find no read going)
  // is asked again.
  useEffect(() => {
    if (status !== 'loading') return;
    const timer = window.setInterval(refreshVisitor, 1_500);
    return () => window.clearInterval(timer);
  }, [status]);
  return (
    <Slots t={t} status={status} visitor={data}>
      {/* usePathname waits for the route's params: only this (empty) part may wait for them. */}
      <Suspense fallback={null}>
        <RefreshOnNavigation />
      </Suspense>
    </Slots>
  );
}

/** Each client navigation (a link, or where an action redirected: sign-in, an order) re-reads. */
function RefreshOnNavigation() {
  const pathname = usePathname();
  const last = useRef(pathname);
  useEffect(() => {
    if (last.current === pathname) return; // the first read is useSWR's own
    last.current = pathname;
    refreshVisitor();
  }, [pathname]);
  return null;
}
