'use client';

import { usePathname } from 'next/navigation';
import { Suspense, useEffect, useRef } from 'react';
import { AccountLink, type AccountLinkTexts } from '@/components/account/account-link';
import { CartLink, type CartLinkTexts } from '@/components/cart/cart-link';
import { MyStoreBadge, type MyStoreBadgeTexts } from '@/components/stores/my-store-badge';
import { refreshVisitor, useVisitor } from './visitor';

export type HeaderSlotsTexts = MyStoreBadgeTexts & AccountLinkTexts & CartLinkTexts;

/**
 * My store, account and cart: the per-visitor parts of the header, read by the browser from
 * /api/visitor, so that the server renders the same header for everyone (no per-request hole in
 * any page). Until the answer, placeholders of the first visit's size; should it fail, links that
 * work without it.
 */
export function HeaderSlots({ t }: { t: HeaderSlotsTexts }) {
  const { data, error } = useVisitor();
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
    <div
      className="ml-auto flex min-h-10 min-w-0 flex-1 items-center justify-end gap-1 text-sm sm:order-3 sm:gap-3 sm:flex-none"
      aria-busy={status === 'loading'}
      data-visitor={status}
    >
      <MyStoreBadge status={status} store={data?.myStore} t={t} />
      <AccountLink status={status} user={data?.user} t={t} />
      <CartLink count={data?.cartCount} t={t} />
      {/* usePathname waits for the route's params: only this (empty) part may wait for them. */}
      <Suspense fallback={null}>
        <RefreshOnNavigation />
      </Suspense>
    </div>
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
