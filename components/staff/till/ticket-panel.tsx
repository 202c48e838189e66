'use client';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { itemName } from '@/lib/catalog/variant-label';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import type { TillLine } from './types';

type Props = {
  locale: Locale;
  lines: TillLine[];
  discountCents: number;
  /** A line the last attempt refused (out of stock here): highlighted. */
  refusedSkuId: number | null;
  onQuantity: (skuId: number, quantity: number) => void;
  pending: boolean;
  error: string;
  onComplete: () => void;
  /** Empties the ticket and starts another (a new key): the abandoned one is never sold. */
  onNewTicket: () => void;
  onElsewhere: (line: TillLine) => void;
  labels: Dictionary['till'];
  /** The loyalty redemption control, between the lines and the totals. */
  children?: React.ReactNode;
  /** How it is paid, once "Take payment" was pressed: shown instead of that button. */
  tender?: React.ReactNode;
};

function Stepper({ line, onQuantity, labels }: { line: TillLine; onQuantity: Props['onQuantity']; labels: Dictionary['till'] }) {
  const product = itemName(line.name, line.variant);
  const max = Math.min(99, line.available ?? 0);
  return (
    <div className="flex items-center gap-1">
      <button
        type="button"
        className="btn-secondary w-11 px-0"
        aria-label={interpolate(labels.decrease, { product })}
        onClick={() => onQuantity(line.skuId, line.quantity - 1)}
      >
        −
      </button>
      <span className="w-8 text-center font-semibold tabular-nums" aria-label={labels.quantity}>
        {line.quantity}
      </span>
      <button
        type="button"
        className="btn-secondary w-11 px-0"
        aria-label={interpolate(labels.increase, { product })}
        disabled={line.quantity >= max}
        onClick={() => onQuantity(line.skuId, line.quantity + 1)}
      >
        +
      </button>
    </div>
  );
}

/** The ticket: lines with steppers, totals, and the one button that takes the payment. */
export function TicketPanel({
  locale,
  lines,
  discountCents,
  refusedSkuId,
  onQuantity,
  pending,
  error,
  onComplete,
  onNewTicket,
  onElsewhere,
  labels,
  children,
  tender,
}: Props) {
  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.priceCents, 0);
  const total = Math.max(0, subtotal - discountCents);
  return (
    <section aria-labelledby="till-ticket" className="flex flex-col card p-3 sm:p-4" data-testid="till-ticket">
      <div className="flex items-center justify-between gap-2">
        <h2 id="till-ticket" className="text-base font-bold">
          {labels.ticketTitle}
        </h2>
        {lines.length > 0 && (
          <button type="button" className="btn-secondary" disabled={pending} onClick={onNewTicket} data-testid="till-clear-ticket">
            {labels.newTicket}
          </button>
        )}
      </div>
      {lines.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-line p-4 text-sm text-muted">{labels.emptyTicket}</p>
      ) : (
        <ul className="mt-2 divide-y divide-line">
          {lines.map((l) => (
            <li key={l.skuId} className={`py-2 ${l.skuId === refusedSkuId ? 'bg-out/5' : ''}`} data-testid="till-line">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium">{l.name}</p>
                  <p className="text-xs text-muted">{[l.variant, l.ean, formatPrice(l.priceCents, locale)].filter(Boolean).join(' · ')}</p>
                </div>
                <p className="font-semibold tabular-nums">{formatPrice(l.quantity * l.priceCents, locale)}</p>
              </div>
              <div className="mt-1 flex items-center justify-between gap-2">
                <Stepper line={l} onQuantity={onQuantity} labels={labels} />
                <div className="flex gap-1">
                  {l.skuId === refusedSkuId && (
                    <button
                      type="button"
                      className="btn-secondary"
                      aria-label={interpolate(labels.seeElsewhereFor, { product: itemName(l.name, l.variant) })}
                      onClick={() => onElsewhere(l)}
                    >
                      {labels.seeElsewhere}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn text-out hover:bg-out/5"
                    aria-label={interpolate(labels.remove, { product: itemName(l.name, l.variant) })}
                    onClick={() => onQuantity(l.skuId, 0)}
                  >
                    {labels.removeShort}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {children}
      <dl className="mt-3 space-y-1 border-t border-line pt-3 text-sm">
        <div className="flex justify-between">
          <dt>{labels.subtotal}</dt>
          <dd className="tabular-nums">{formatPrice(subtotal, locale)}</dd>
        </div>
        {discountCents > 0 && (
          <div className="flex justify-between text-ok" data-testid="till-discount">
            <dt>{labels.discount}</dt>
            <dd className="tabular-nums">−{formatPrice(discountCents, locale)}</dd>
          </div>
        )}
        <div className="flex justify-between text-lg font-bold">
          <dt>{labels.total}</dt>
          <dd className="tabular-nums" data-testid="till-total">
            {formatPrice(total, locale)}
          </dd>
        </div>
      </dl>
      {/* While paying, the payment panel says it above its confirm button, where the eye is. */}
      {!tender && (
        <p role="alert" className="mt-2 text-sm font-medium text-out empty:hidden" data-testid="till-error">
          {error}
        </p>
      )}
      {tender ?? (
        <button
          type="button"
          className="mt-3 btn-primary min-h-14 text-base"
          disabled={pending || lines.length === 0}
          onClick={onComplete}
          data-testid="till-complete"
        >
          {pending ? labels.completing : interpolate(labels.complete, { total: formatPrice(total, locale) })}
        </button>
      )}
    </section>
  );
}
