'use client';

import { lazy, Suspense, useEffect, useState } from 'react';
import type { ActionState } from '@/lib/actions/state';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { AvailabilityTexts } from './availability-panel';

export type ProductStockPanelsProps = {
  locale: Locale;
  productSlug: string;
  /** What the reserve form's − and + buttons name ("One more: Trail 42"). */
  productName: string;
  skuId: number;
  texts: AvailabilityTexts;
  /** "Stock could not be loaded." and its retry button. */
  failure: { message: string; retry: string };
  reservations: Dictionary['reservations'];
  resumeText: string;
  reserveAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * The panels' reading and code (SWR, stock figures, live stream, reserve form) are a chunk of their
 * own, loaded once the page is interactive: not among the page's first scripts.
 */
const ProductStockLive = lazy(() => import('./product-stock-live'));

/** The stock panel's and the reserve panel's size while their figures and code arrive. */
export function Placeholders() {
  return (
    <>
      <div className="h-64 animate-pulse card bg-white" aria-hidden />
      <div className="h-40 animate-pulse card bg-white" aria-hidden />
    </>
  );
}

/**
 * The product page's per-visitor part — my store's stock and the nearest stores', the web's, the
 * click & reserve panel — asked by the browser (./product-stock-live.tsx): the page around it is
 * served whole from the cache, the same for everyone. Placeholders of the panels' size meanwhile,
 * so nothing below moves when they arrive.
 */
export function ProductStockPanels(props: ProductStockPanelsProps) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return <Placeholders />;
  return (
    <Suspense fallback={<Placeholders />}>
      <ProductStockLive {...props} />
    </Suspense>
  );
}
