'use client';

import type { ReactNode } from 'react';
import { useMyStoreId } from './use-my-store-id';

type Props = { storeId: number; slug: string; headingId: string; children: ReactNode };

/** A store card's box, outlined once the browser knows it is the visitor's store. */
export function StoreCardFrame({ storeId, slug, headingId, children }: Props) {
  const isMine = useMyStoreId() === storeId;
  return (
    <article
      aria-labelledby={headingId}
      className={`flex flex-col gap-2 card p-4 render-when-near-56 ${isMine ? 'border-brand-500 bg-brand-50/50 ring-1 ring-brand-500' : ''}`}
      data-testid="store-card"
      data-store-slug={slug}
      data-mine={isMine || undefined}
    >
      {children}
    </article>
  );
}
