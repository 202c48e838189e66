'use client';
import { useEffect, useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, interpolate } from '@/lib/i18n/format';
import type { ElsewhereResult, OrderElsewhereResult, TillCustomer, TillItem } from './types';

type Target = { kind: 'store'; storeId: number } | { kind: 'web' };

type Props = {
  locale: Locale;
  item: TillItem;
  customer: TillCustomer | null;
  load: (skuId: number) => Promise<ElsewhereResult>;
  order: (item: TillItem, target: Target) => Promise<OrderElsewhereResult>;
  onClose: () => void;
  labels: Dictionary['till'];
};

/**
 * An item missing from this shop: the nearest shops that have it and the web warehouse, and for an
 * identified customer, a click & reserve there or the item in their web basket for home delivery.
 */
export function ElsewherePanel({ locale, item, customer, load, order, onClose, labels }: Props) {
  const [result, setResult] = useState<ElsewhereResult | null>(null);
  const [message, setMessage] = useState<OrderElsewhereResult | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    let live = true;
    setResult(null);
    setMessage(null);
    void load(item.skuId).then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [item.skuId, load]);

  const place = (target: Target) => startTransition(async () => setMessage(await order(item, target)));
  const product = [item.name, item.variant].filter(Boolean).join(' · ');

  return (
    <section aria-labelledby="till-elsewhere" className="card border-brand-100 bg-brand-50/40 p-3 sm:p-4" data-testid="till-elsewhere">
      <div className="flex items-start justify-between gap-2">
        <h2 id="till-elsewhere" className="text-base font-bold">
          {interpolate(labels.elsewhereTitle, { product })}
        </h2>
        <button type="button" className="btn-secondary" onClick={onClose}>
          {labels.close}
        </button>
      </div>
      {!customer && <p className="mt-1 text-sm text-muted">{labels.needsCustomer}</p>}
      {result === null ? (
        <p className="mt-2 text-sm text-muted" role="status">
          {labels.elsewhereLoading}
        </p>
      ) : !result.ok ? (
        <p className="mt-2 text-sm text-out" role="alert">
          {result.message}
        </p>
      ) : (
        <ul className="mt-2 divide-y divide-line rounded-lg border border-line bg-white">
          <li className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <div>
              <p className="font-medium">{labels.webWarehouse}</p>
              <p className={`text-xs ${result.webAvailable > 0 ? 'text-ok' : 'text-out'}`}>
                {result.webAvailable > 0 ? interpolate(labels.webAvailable, { count: result.webAvailable }) : labels.webOut}
              </p>
            </div>
            {customer && result.webAvailable > 0 && (
              <button type="button" className="btn-secondary" disabled={pending} onClick={() => place({ kind: 'web' })}>
                {labels.addToWebCart}
              </button>
            )}
          </li>
          {result.stores.length === 0 && <li className="px-3 py-2 text-sm text-muted">{labels.elsewhereNone}</li>}
          {result.stores.map((s) => (
            <li key={s.storeId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="till-elsewhere-store">
              <div>
                <p className="font-medium">{s.name}</p>
                <p className="text-xs text-muted">
                  {[s.town, s.distanceKm === null ? null : formatDistance(s.distanceKm, locale)].filter(Boolean).join(' · ')} ·{' '}
                  <span className="font-semibold text-ok">{interpolate(labels.elsewhereStore, { count: s.available })}</span>
                </p>
              </div>
              {customer && s.clickReserve && (
                <button type="button" className="btn-secondary" disabled={pending} onClick={() => place({ kind: 'store', storeId: s.storeId })}>
                  {labels.reserveThere}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p role="status" className={`mt-2 text-sm font-medium ${message.ok ? 'text-ok' : 'text-out'}`} data-testid="till-elsewhere-message">
          {message.message}
        </p>
      )}
    </section>
  );
}
