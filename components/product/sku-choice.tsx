'use client';

import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { AddToCartButton } from '@/components/cart/add-to-cart-button';
import type { CartActionState } from '@/components/cart/form-state';
import type { Sku } from '@/lib/catalog/types';
import { OptionPicker } from './option-picker';

/**
 * The chosen SKU lives in the URL (`?sku=`), so a link to one size and colour stays shareable. The
 * product page's shared content is cached once per product (not per `?sku=`): it renders every
 * SKU's data, and these components pick the chosen one from the URL. On the page each sits in a
 * <Suspense> whose fallback is the same component for the first SKU (`selectedId`), which is what
 * the cached shell holds; at request time the server renders them again with the real URL
 * (Next.js does so for `useSearchParams` once the page reads request data, as its stock does), and
 * in the browser they follow the URL as the shopper picks options.
 */
export type PricedSku = Sku & { price: string };

function pick<T extends { id: number }>(skus: T[], id: string | number | null | undefined): T | undefined {
  return skus.find((s) => String(s.id) === String(id)) ?? skus[0];
}

function useUrlSku<T extends { id: number }>(skus: T[]): T | undefined {
  return pick(skus, useSearchParams().get('sku'));
}

type BuyBoxProps = {
  skus: PricedSku[];
  /**
   * The SKU to show (the shell's stand-in, the first SKU); without it, the one the URL names. The
   * stand-in carries no test ids: while the streamed copy waits to replace it both are in the page.
   */
  selectedId?: number;
  labels: { size: string; colour: string; colon: string };
  colourNames: Record<string, string>;
  addToCart: (prev: CartActionState, formData: FormData) => Promise<CartActionState>;
  cartTexts: { addToCart: string; adding: string; viewCart: string };
};

/** Price, options and "Add to cart" for one SKU. */
export function BuyBox({ skus, selectedId, labels, colourNames, addToCart, cartTexts, fromUrl = false }: BuyBoxProps & { fromUrl?: boolean }) {
  const selected = pick(skus, selectedId);
  if (!selected) return null;
  return (
    <>
      {/* Sits right under the product's name (the parent spaces its children 1.25 rem apart; 0.5 rem here, as before). */}
      <p className="-mt-4 pt-1 text-2xl font-bold text-brand-700" itemProp="price" data-testid={fromUrl ? 'price' : undefined}>
        {selected.price}
      </p>
      <OptionPicker skus={skus} selectedId={selected.id} labels={labels} colourNames={colourNames} />
      <AddToCartButton key={`cart-${selected.id}`} skuId={selected.id} action={addToCart} t={cartTexts} testIds={fromUrl} />
    </>
  );
}

export function UrlBuyBox(props: Omit<BuyBoxProps, 'selectedId'>) {
  return <BuyBox {...props} selectedId={useUrlSku(props.skus)?.id} fromUrl />;
}

type GalleryProps = { images: string[]; alts: string[]; skus: Sku[]; selectedId?: number };

/** The chosen colour's picture first. */
export function Gallery({ images, alts, skus, selectedId }: GalleryProps) {
  const colour = pick(skus, selectedId)?.colour;
  const ordered = colour ? [...images].sort((a, b) => Number(b.includes(`-${colour}`)) - Number(a.includes(`-${colour}`))) : images;
  const [first, ...rest] = ordered;
  return (
    <div className="space-y-3">
      <div className="card aspect-square overflow-hidden bg-brand-50">
        {/* eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations; next/image adds nothing for vectors */}
        {first && <img src={first} alt={alts[0]} className="h-full w-full object-cover" fetchPriority="high" />}
      </div>
      {rest.length > 0 && (
        <ul className="grid grid-cols-4 gap-2">
          {rest.map((src, i) => (
            <li key={src} className="card aspect-square overflow-hidden bg-brand-50">
              {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
              <img src={src} alt={alts[i + 1]} className="h-full w-full object-cover" loading="lazy" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function UrlGallery(props: Omit<GalleryProps, 'selectedId'>) {
  return <Gallery {...props} selectedId={useUrlSku(props.skus)?.id} />;
}

/** "EAN 1234567890123" of the chosen SKU. */
export function Ean({ label, skus, selectedId }: { label: string; skus: Sku[]; selectedId?: number }): ReactNode {
  return (
    <p className="text-xs text-muted">
      {label} {pick(skus, selectedId)?.ean13}
    </p>
  );
}

export function UrlEan(props: { label: string; skus: Sku[] }) {
  return <Ean {...props} selectedId={useUrlSku(props.skus)?.id} />;
}
