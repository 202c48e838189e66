'use client';

import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { AccountLink, type AccountLinkTexts } from '@/components/account/account-link';
import { CartLink, type CartLinkTexts } from '@/components/cart/cart-link';
import { MyStoreBadge, type MyStoreBadgeTexts } from '@/components/stores/my-store-badge';
import type { VisitorSummary } from '@/lib/visitor/types';

export type HeaderSlotsTexts = MyStoreBadgeTexts & AccountLinkTexts & CartLinkTexts;

/**
 * What reads the visitor (SWR, /api/visitor) is a chunk of its own, loaded once the page is
 * interactive: the header's links are in the page's HTML as placeholders until then.
 */
const loadLive = () => import('./header-slots-live');
const HeaderSlotsLive = lazy(loadLive);

type SlotsProps = { t: HeaderSlotsTexts; status: 'loading' | 'failed' | 'ready'; visitor?: VisitorSummary; children?: ReactNode };

/** My store, account and cart as the visitor's answer has them (placeholders the size of a first visit's links until then). */
export function Slots({ t, status, visitor, children }: SlotsProps) {
  return (
    <div
      className="ml-auto flex min-h-10 min-w-0 flex-1 items-center justify-end gap-1 text-sm sm:order-3 sm:flex-none sm:gap-3"
      aria-busy={status === 'loading'}
      data-visitor={status}
    >
      <MyStoreBadge status={status} store={visitor?.myStore} t={t} />
      <AccountLink status={status} user={visitor?.user} t={t} />
      <CartLink count={visitor?.cartCount} t={t} />
      {children}
    </div>
  );
}

const Waiting = ({ t }: { t: HeaderSlotsTexts }) => <Slots t={t} status="loading" />;

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
