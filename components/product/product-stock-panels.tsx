'use client';

import { lazy, Suspense, useEffect } from 'react';
import useSWR from 'swr';
import type { ReservationFormState } from '@/components/reservations/form-state';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { ProductStock } from '@/lib/inventory/product-stock';
import type { AvailabilityTexts } from './availability-panel';

type Answer = ProductStock & { signedIn: boolean };

/**
 * The panels' code (stock figures, live stream, reserve form) is a chunk of its own: it is not
 * among the page's first scripts, and its download starts when this mounts, beside the figures'.
 */
const loadView = () => import('./product-stock-view');
const ProductStockView = lazy(loadView);

/** The panels' size while their figures and code arrive (see AvailabilitySkeleton, ReservePanelSkeleton). */
function Placeholders() {
  return (
    <>
      <div className="card h-64 animate-pulse bg-white" aria-hidden />
      <div className="card h-40 animate-pulse bg-white" aria-hidden />
    </>
  );
}

class StockError extends Error {
  constructor(readonly status: number) {
    super(`product stock: HTTP ${status}`);
  }
}

async function fetchStock(url: string): Promise<Answer> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!res.ok) throw new StockError(res.status);
  return (await res.json()) as Answer;
}

type Props = {
  locale: Locale;
  productSlug: string;
  skuId: number;
  texts: AvailabilityTexts;
  /** "Stock could not be loaded." and its retry button. */
  failure: { message: string; retry: string };
  reservations: Dictionary['reservations'];
  resumeText: string;
  reserveAction: (prev: ReservationFormState, formData: FormData) => Promise<ReservationFormState>;
};

/**
 * The product page's per-visitor part, asked by the browser: the page is served whole from the
 * cache, the same for everyone, and this reads my store's stock, its 5 nearest stores', the web's
 * and the click & reserve shops from GET /api/availability/product (cookie and session go with it).
 * The figures are then kept live by the stock stream (LiveAvailabilityPanel). Placeholders of the
 * panels' size meanwhile, so nothing below moves when they arrive.
 */
export function ProductStockPanels({ locale, productSlug, skuId, texts, failure, reservations, resumeText, reserveAction }: Props) {
  useEffect(() => void loadView(), []);
  const { data, error, isValidating, mutate } = useSWR(`/api/availability/product?sku=${skuId}`, fetchStock, {
    revalidateOnFocus: false, // the stream keeps the figures live
    // Asked again each time the panel is shown, never taken from an earlier page's answer: it also
    // says whether the visitor is signed in, and Next.js keeps a page left behind (hidden, for Back)
    // and shows it again after a sign-in.
    revalidateOnMount: true,
    dedupingInterval: 0,
    shouldRetryOnError: (err: unknown) => !(err instanceof StockError && err.status < 500),
  });

  if (!data) {
    if (error && !isValidating) {
      return (
        <div className="card space-y-3 p-4" role="alert" data-testid="stock-failed">
          <p className="text-sm">{failure.message}</p>
          <button type="button" className="btn-secondary min-h-11" onClick={() => void mutate()}>
            {failure.retry}
          </button>
        </div>
      );
    }
    return <Placeholders />;
  }
  return (
    <Suspense fallback={<Placeholders />}>
      <ProductStockView
        data={data}
        locale={locale}
        productSlug={productSlug}
        skuId={skuId}
        texts={texts}
        reservations={reservations}
        resumeText={resumeText}
        reserveAction={reserveAction}
      />
    </Suspense>
  );
}
