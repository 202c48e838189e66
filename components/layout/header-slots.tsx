'use client';

import { lazy, Suspense, useEffect, useState } from 'react';
import { AccountLink, type AccountLinkTexts } from '@/components/account/account-link';
import { CartLink, type CartLinkTexts } from '@/components/cart/cart-link';
import { MyStoreBadge, type MyStoreBadgeTexts } from '@/components/stores/my-store-badge';

export type HeaderSlotsTexts = MyStoreBadgeTexts & AccountLinkTexts & CartLinkTexts;

/**
 * What reads the visitor (SWR, /api/visitor) is a chunk of its own, loaded once the page is
 * interactive: the header's links are in the page's HTML as placeholders until then.
 */
const loadLive = () => import('./header-slots-live');
const HeaderSlotsLive = lazy(loadLive);

/** The slots before the visitor is known: placeholders the size of a first visit's links. */
function Waiting({ t }: { t: HeaderSlotsTexts }) {
  return (
    <div
      className="ml-auto flex min-h-10 min-w-0 flex-1 items-center justify-end gap-1 text-sm sm:order-3 sm:flex-none sm:gap-3"
      aria-busy
      data-visitor="loading"
    >
      <MyStoreBadge status="loading" store={undefined} t={t} />
      <AccountLink status="loading" user={undefined} t={t} />
      <CartLink count={undefined} t={t} />
    </div>
  );
}

/** My store, account and cart: the per-visitor parts of the header, read by the browser (./header-slots-live.tsx). */
export function HeaderSlots({ t }: { t: HeaderSlotsTexts }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <Waiting t={t} />;
  return (
    <Suspense fallback={<Waiting t={t} />}>
      <HeaderSlotsLive t={t} />
    </Suspense>
  );
}
