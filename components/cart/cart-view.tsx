'use client';
import { Link } from '@/components/layout/link';
import { useOptimistic, useState, useTransition, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { formatMessage, formatPrice } from '@/lib/i18n/format';
import { refreshVisitor } from '@/components/layout/visitor';
import { CartLine } from './cart-line';
import type { ActionState } from '@/lib/actions/state';
import type { CartLineView, CartViewTexts } from './types';

type Change = { skuId: number; quantity: number };

type Props = {
  lines: CartLineView[];
  locale: Locale;
  maxPerLine: number;
  t: CartViewTexts;
  setQuantity: (skuId: number, quantity: number) => Promise<ActionState>;
  removeLine: (skuId: number) => Promise<ActionState>;
  /** Delivery or drive, rendered by the server. */
  fulfilment: ReactNode;
  /** Why checkout is not possible yet, or null. */
  checkoutBlocked: string | null;
};

/**
 * The cart's lines and summary. Changes show at once (useOptimistic) while the server action
 * runs; the action refreshes the page, so the confirmed cart replaces the guess (and the header's
 * count is read again), and a refusal
 * simply falls back to the cart as it was, with the reason shown.
 */
export function CartView({ lines, locale, maxPerLine, t, setQuantity, removeLine, fulfilment, checkoutBlocked }: Props) {
  const [optimistic, apply] = useOptimistic(lines, (state: CartLineView[], c: Change) =>
    c.quantity === 0 ? state.filter((l) => l.skuId !== c.skuId) : state.map((l) => (l.skuId === c.skuId ? { ...l, quantity: c.quantity } : l)),
  );
  const [, startTransition] = useTransition();
  const [message, setMessage] = useState('');

  function change(skuId: number, quantity: number) {
    setMessage('');
    startTransition(async () => {
      apply({ skuId, quantity });
      try {
        const result = quantity === 0 ? await removeLine(skuId) : await setQuantity(skuId, quantity);
        if (!result.ok) setMessage(result.message);
      } catch {
        setMessage(t.failed);
      }
      refreshVisitor(); // the header's count, changed or not (a refusal shows the cart as it is)
    });
  }

  const units = optimistic.reduce((s, l) => s + l.quantity, 0);
  const subtotal = optimistic.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
  const status = (
    <div aria-live="polite" role="status">
      {message && (
        <p className="mb-3 rounded-lg border border-out/30 bg-out/5 px-3 py-2 text-sm text-out" data-testid="cart-message">
          {message}
        </p>
      )}
    </div>
  );

  if (optimistic.length === 0) {
    return (
      <>
        {status}
        <div className="card p-6 text-center" data-testid="cart-empty">
          <p className="font-semibold">{t.empty}</p>
          <p className="mt-1 text-sm text-muted">{t.emptyHint}</p>
          <Link href="/" className="mt-4 btn-primary">
            {t.browse}
          </Link>
        </div>
      </>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <section className="min-w-0">
        {status}
        <ul className="divide-y divide-line card px-4" data-testid="cart-lines">
          {optimistic.map((line) => (
            <CartLine
              key={line.skuId}
              line={line}
              locale={locale}
              maxPerLine={maxPerLine}
              t={t}
              onQuantity={(q) => change(line.skuId, q)}
              onRemove={() => change(line.skuId, 0)}
            />
          ))}
        </ul>
      </section>
      <div className="space-y-4 lg:sticky lg:top-4">
        {fulfilment}
        <section className="space-y-3 card p-4" data-testid="cart-summary">
          <p className="flex items-baseline justify-between gap-3">
            <span className="font-semibold">
              {t.subtotal} <span className="font-normal text-muted">({formatMessage(t.items, { count: units }, locale)})</span>
            </span>
            <span className="text-xl font-bold tabular-nums" data-testid="cart-subtotal">
              {formatPrice(subtotal, locale)}
            </span>
          </p>
          <p className="text-xs text-muted">{t.subtotalHint}</p>
          {checkoutBlocked ? (
            <>
              <button type="button" disabled className="btn-primary w-full" aria-describedby="checkout-blocked" data-testid="checkout-link">
                {t.checkout}
              </button>
              <p id="checkout-blocked" className="text-sm text-out" data-testid="checkout-blocked">
                {checkoutBlocked}
              </p>
            </>
          ) : (
            <Link href="/checkout" className="btn-primary w-full" data-testid="checkout-link">
              {t.checkout}
            </Link>
          )}
        </section>
      </div>
    </div>
  );
}
