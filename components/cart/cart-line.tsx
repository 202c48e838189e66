'use client';
import { Link } from '@/components/layout/link';
import type { Locale } from '@/lib/i18n/config';
import { itemName } from '@/lib/catalog/variant-label';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { CartLineView, CartViewTexts } from './types';

type Props = {
  line: CartLineView;
  locale: Locale;
  maxPerLine: number;
  t: CartViewTexts;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
};

function TrashIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 fill-none stroke-current" strokeWidth={1.8}>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** One line: picture, name, options, unit price, a stepper and remove; the availability mark below. */
export function CartLine({ line, locale, maxPerLine, t, onQuantity, onRemove }: Props) {
  const id = `qty-${line.skuId}`;
  const name = itemName(line.name, line.variant);
  return (
    <li className="py-4" data-testid="cart-line" data-sku={line.skuId} data-unavailable={line.mark ? true : undefined}>
      <div className="flex gap-3">
        <Link href={line.href} className="size-20 shrink-0 overflow-hidden rounded-lg bg-brand-50 sm:size-24" tabIndex={-1} aria-hidden="true">
          {line.image && (
            // eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations: next/image adds nothing for vector files
            <img src={line.image} alt="" className="size-full object-cover" loading="lazy" />
          )}
        </Link>
        <div className="min-w-0 flex-1">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="text-xs font-semibold tracking-wide text-muted uppercase">{line.brand}</p>
              <Link href={line.href} className="leading-snug font-semibold hover:underline" data-testid="cart-line-name">
                {line.name}
              </Link>
              {line.variant && (
                <p className="text-sm text-muted" data-testid="cart-line-variant">
                  {line.variant}
                </p>
              )}
              <p className="text-sm text-muted">{interpolate(t.each, { price: formatPrice(line.unitPriceCents, locale) })}</p>
            </div>
            <p className="shrink-0 font-bold tabular-nums" data-testid="cart-line-total">
              {formatPrice(line.unitPriceCents * line.quantity, locale)}
            </p>
          </div>
          <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
            <div className="flex items-center gap-1" role="group" aria-label={interpolate(t.quantityOf, { name })}>
              <button
                type="button"
                onClick={() => onQuantity(line.quantity - 1)}
                disabled={line.quantity <= 1}
                aria-label={interpolate(t.decrease, { name })}
                aria-controls={id}
                className="btn-secondary w-11 px-0 text-lg"
                data-testid="cart-decrease"
              >
                −
              </button>
              <output id={id} aria-live="polite" className="w-10 text-center font-semibold tabular-nums" data-testid="cart-quantity">
                {line.quantity}
              </output>
              <button
                type="button"
                onClick={() => onQuantity(line.quantity + 1)}
                disabled={line.quantity >= maxPerLine}
                aria-label={interpolate(t.increase, { name })}
                aria-controls={id}
                className="btn-secondary w-11 px-0 text-lg"
                data-testid="cart-increase"
              >
                +
              </button>
            </div>
            <button
              type="button"
              onClick={onRemove}
              aria-label={interpolate(t.removeItem, { name })}
              className="btn min-w-11 px-2 text-muted hover:bg-out/5 hover:text-out"
              data-testid="cart-remove"
            >
              <TrashIcon />
              <span className="hidden sm:inline">{t.remove}</span>
            </button>
          </div>
        </div>
      </div>
      {line.mark && (
        <p className="mt-2 flex items-start gap-2 rounded-lg border border-out/30 bg-out/5 px-3 py-2 text-sm font-medium text-out" data-testid="cart-line-mark">
          <span aria-hidden="true">⚠</span>
          {line.mark}
        </p>
      )}
    </li>
  );
}
