'use client';

import { usePathname } from 'next/navigation';
import { Suspense, useEffect, useRef, useSyncExternalStore } from 'react';
import useSWR, { mutate } from 'swr';
import type { VisitorSummary } from '@/lib/visitor/types';
import { VISITOR_EVENT, VISITOR_KEY, refreshVisitor, type VisitorChange } from './visitor';
import { Slots, type HeaderSlotsTexts } from './header-slots';

async function fetchVisitor(url: string): Promise<VisitorSummary> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`visitor: HTTP ${res.status}`);
  return (await res.json()) as VisitorSummary;
}

/*
 * Held: who is signed in is changing (a sign-in, sign-up or sign-out was submitted) and no answer
 * may be read until it has — a read sent while the action runs would bring back the previous
 * person (SWR's focus revalidation did, in a journey: the header named the staff member after
 * their sign-out). The hold ends with the next navigation (where the action redirected), a form's
 * refresh (a refusal, or the sign-out finishing on the page it started from), or at the latest
 * after HOLD_MAX_MS. Module state, so a header mounted again during the action keeps it.
 */
// Longer than the journeys' 10 s wait for the header, so that a hold nothing lifts fails them.
const HOLD_MAX_MS = 15_000;
let held = false;
let holdTimer: number | undefined;
const holdListeners = new Set<() => void>();
function setHeld(value: boolean) {
  window.clearTimeout(holdTimer);
  if (value) holdTimer = window.setTimeout(() => setHeld(false), HOLD_MAX_MS);
  if (held === value) return;
  held = value;
  for (const listener of holdListeners) listener();
}
const subscribeHold = (listener: () => void) => {
  holdListeners.add(listener);
  return () => void holdListeners.delete(listener);
};

/**
 * My store, account and cart: the per-visitor parts of the header, read by the browser from
 * /api/visitor, so that the server renders the same header for everyone (no per-request hole in
 * any page). Until the answer, placeholders of the first visit's size; should it fail, links that
 * work without it.
 */
export default function HeaderSlotsLive({ t }: { t: HeaderSlotsTexts }) {
  const isHeld = useSyncExternalStore(
    subscribeHold,
    () => held,
    () => false,
  );
  // No key while held: SWR sends nothing, not even on focus; the key's return reads afresh.
  // No deduping: a read started before a sign-out finished (the click came before this chunk had
  // loaded, so nothing held) would otherwise answer the new page's read too, with the old person —
  // the account journey's header named the staff member after sign-out, now and then, in CI.
  const { data, error } = useSWR(isHeld ? null : VISITOR_KEY, fetchVisitor, { revalidateOnFocus: true, dedupingInterval: 0 });
  // What forms tell (./visitor.ts): read again, or forget the answer and hold reads until told.
  useEffect(() => {
    const listen = (e: Event) => {
      const change = (e as CustomEvent<VisitorChange>).detail;
      if (change === 'forget') {
        setHeld(true);
        void mutate(VISITOR_KEY, undefined, { revalidate: false });
      } else if (held) {
        setHeld(false); // the key comes back, and with no answer held SWR reads it
      } else {
        void mutate(VISITOR_KEY);
      }
    };
    window.addEventListener(VISITOR_EVENT, listen);
    return () => window.removeEventListener(VISITOR_EVENT, listen);
  }, []);
  const status = data ? 'ready' : error && !isHeld ? 'failed' : 'loading';
  // Never left waiting: a read dropped by SWR (an answer forgotten at sign-out while a read was
  // under way is discarded, and a header mounted in another route group may find no read going)
  // is asked again.
  useEffect(() => {
    if (status !== 'loading' || isHeld) return;
    const timer = window.setInterval(refreshVisitor, 1_500);
    return () => window.clearInterval(timer);
  }, [status, isHeld]);
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
    // A navigation ends a hold (the action redirected), also when it mounted this header (another
    // route group's): lifted directly, as this child's effect runs before its header listens for
    // events. The key's return makes the read.
    if (held) {
      last.current = pathname;
      setHeld(false);
      return;
    }
    if (last.current === pathname) return; // the first read is useSWR's own
    last.current = pathname;
    refreshVisitor();
  }, [pathname]);
  return null;
}
