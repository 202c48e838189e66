'use client';

import { useEffect } from 'react';
import useSWR from 'swr';
import { ReservePanel } from '@/components/reservations/reserve-panel';
import { signInPath } from '@/lib/auth/callback-url';
import type { ProductStock } from '@/lib/inventory/product-stock';
import { writeWebAvailability } from '@/lib/seo/offer-availability';
import { LiveAvailabilityPanel } from './live-availability-panel';
import { Placeholders, type ProductStockPanelsProps } from './product-stock-panels';

type Answer = ProductStock & { signedIn: boolean };

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

/**
 * The product page's per-visitor part, asked by the browser (./product-stock-panels.tsx loads this
 * once the page is interactive): my store's stock, its 5 nearest stores', the web's and the click &
 * reserve shops from GET /api/availability/product (cookie and session go with it), then the stock
 * panel kept live by the stock stream, and the reserve panel.
 */
export default function ProductStockLive({
  locale,
  productSlug,
  productName,
  skuId,
  texts,
  failure,
  reservations,
  resumeText,
  reserveAction,
}: ProductStockPanelsProps) {
  const { data, error, isValidating, mutate } = useSWR(`/api/availability/product?sku=${skuId}`, fetchStock, {
    revalidateOnFocus: false, // the stream keeps the figures live
    // Asked again each time the panel is shown, never taken from an earlier page's answer: it also
    // says whether the visitor is signed in, and Next.js keeps a page left behind (hidden, for Back)
    // and shows it again after a sign-in.
    revalidateOnMount: true,
    dedupingInterval: 0,
    shouldRetryOnError: (err: unknown) => !(err instanceof StockError && err.status < 500),
  });
  // The page's JSON-LD Offer states the web availability only once it is known (lib/seo/json-ld.ts).
  const webUnits = data?.online.available;
  useEffect(() => {
    if (webUnits !== undefined) writeWebAvailability(skuId, webUnits);
  }, [skuId, webUnits]);

  if (!data) {
    if (error && !isValidating) {
      return (
        <div className="space-y-3 card p-4" role="alert" data-testid="stock-failed">
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
    <>
      <LiveAvailabilityPanel
        // A new SKU: a new panel (and stream subscription), not the last SKU's figures patched.
        key={skuId}
        locale={locale}
        t={texts}
        skuId={skuId}
        myStore={data.myStore}
        nearby={data.nearby}
        online={data.online}
        at={data.at}
      />
      <ReservePanel
        key={`reserve-${skuId}`}
        locale={locale}
        resumeText={resumeText}
        t={reservations}
        skuId={skuId}
        itemName={productName}
        stores={data.reserve.stores}
        defaultStoreId={data.reserve.defaultStoreId}
        maxUnitsPerSku={data.reserve.maxUnitsPerSku}
        // The form makes its key when it mounts (or takes back a pending one: a lost answer).
        idempotencyKey=""
        signInHref={data.signedIn ? null : signInPath(`/p/${productSlug}?sku=${skuId}`)}
        nearestFirst={data.reserve.nearestFirst}
        action={reserveAction}
      />
    </>
  );
}
