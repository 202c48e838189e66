/**
 * The chosen SKU's parts of a product page: its price, options and "Add to cart", its picture first,
 * its EAN. The chosen SKU is in the URL (`?sku=`, a page of its own: see the product page), so these
 * render it on the server, in the cached page (no script of their own).
 */
import type { ReactNode } from 'react';
import { AddToCartButton } from '@/components/cart/add-to-cart-button';
import type { ActionState } from '@/lib/actions/state';
import type { Sku } from '@/lib/catalog/types';
import { inlinePicture } from '@/lib/catalog/inline-picture';
import { pictureSrcSet } from '@/lib/media/paths';
import { OptionPicker } from './option-picker';

export type PricedSku = Sku & { price: string };

function pick<T extends { id: number }>(skus: T[], id: string | number | null | undefined): T | undefined {
  return skus.find((s) => String(s.id) === String(id)) ?? skus[0];
}

type BuyBoxProps = {
  skus: PricedSku[];
  selectedId: number;
  labels: { size: string; colour: string; colon: string };
  colourNames: Record<string, string>;
  sizeNames: Record<string, string>;
  addToCart: (prev: ActionState<{ count: number }>, formData: FormData) => Promise<ActionState<{ count: number }>>;
  cartTexts: { addToCart: string; adding: string; viewCart: string };
};

/** Price, options and "Add to cart" for one SKU. */
export function BuyBox({ skus, selectedId, labels, colourNames, sizeNames, addToCart, cartTexts }: BuyBoxProps) {
  const selected = pick(skus, selectedId);
  if (!selected) return null;
  return (
    <>
      {/* Sits right under the product's name (the parent spaces its children 1.25 rem apart; 0.5 rem here, as before). */}
      <p className="-mt-4 pt-1 text-2xl font-bold text-brand-700" itemProp="price" data-testid="price">
        {selected.price}
      </p>
      <OptionPicker skus={skus} selectedId={selected.id} labels={labels} colourNames={colourNames} sizeNames={sizeNames} />
      <AddToCartButton key={`cart-${selected.id}`} skuId={selected.id} action={addToCart} t={cartTexts} />
    </>
  );
}

type GalleryProps = { images: string[]; alts: string[]; skus: Sku[]; selectedId: number };

/** The chosen colour's picture first. */
export function Gallery({ images, alts, skus, selectedId }: GalleryProps) {
  const colour = pick(skus, selectedId)?.colour;
  const ordered = colour ? [...images].sort((a, b) => Number(b.includes(`-${colour}`)) - Number(a.includes(`-${colour}`))) : images;
  const [first, ...rest] = ordered;
  return (
    <div className="space-y-3">
      <div className="aspect-square overflow-hidden card bg-brand-50">
        {first && (
          // eslint-disable-next-line @next/next/no-img-element -- drawn SVGs, or uploads already resized with their srcset (lib/media)
          <img
            src={inlinePicture(first)}
            srcSet={pictureSrcSet(first)}
            sizes={pictureSrcSet(first) && '(min-width: 768px) 36rem, 100vw'}
            alt={alts[0]}
            className="h-full w-full object-cover"
          />
        )}
      </div>
      {rest.length > 0 && (
        <ul className="grid grid-cols-4 gap-2">
          {rest.map((src, i) => (
            <li key={src} className="aspect-square overflow-hidden card bg-brand-50">
              {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
              <img
                src={src}
                srcSet={pictureSrcSet(src)}
                sizes={pictureSrcSet(src) && '(min-width: 768px) 9rem, 25vw'}
                alt={alts[i + 1]}
                className="h-full w-full object-cover"
                loading="lazy"
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "EAN 1234567890123" of the chosen SKU. */
export function Ean({ label, skus, selectedId }: { label: string; skus: Sku[]; selectedId: number }): ReactNode {
  return (
    <p className="text-xs text-muted">
      {label} {pick(skus, selectedId)?.ean13}
    </p>
  );
}
