'use client';

import { ReservePanel } from '@/components/reservations/reserve-panel';
import type { ReservationFormState } from '@/components/reservations/form-state';
import { signInPath } from '@/lib/auth/callback-url';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { ProductStock } from '@/lib/inventory/product-stock';
import type { AvailabilityTexts } from './availability-panel';
import { LiveAvailabilityPanel } from './live-availability-panel';

export type ProductStockViewProps = {
  data: ProductStock & { signedIn: boolean };
  locale: Locale;
  productSlug: string;
  skuId: number;
  texts: AvailabilityTexts;
  reservations: Dictionary['reservations'];
  resumeText: string;
  reserveAction: (prev: ReservationFormState, formData: FormData) => Promise<ReservationFormState>;
};

/**
 * The stock panel (kept live by the stock stream) and the click & reserve panel, once the browser
 * has their figures. Loaded on its own, after the page's first scripts (ProductStockPanels).
 */
export default function ProductStockView({ data, locale, productSlug, skuId, texts, reservations, resumeText, reserveAction }: ProductStockViewProps) {
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
