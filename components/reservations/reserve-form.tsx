'use client';
import { IntentLink } from '@/components/layout/intent-link';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { usePendingKey } from '@/components/forms/use-pending-key';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDistance, formatMessage, interpolate } from '@/lib/i18n/format';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { reserveScope } from './form-state';

export type ReserveStoreOption = { storeId: number; name: string; distanceKm: number | null; available: number; holdHours: number };

export type ReserveFormTexts = Pick<
  Dictionary['reservations'],
  'store' | 'quantity' | 'decrease' | 'increase' | 'availableHere' | 'heldFor' | 'storeOption' | 'storeOptionDistance' | 'quantityHint' | 'confirm' | 'pending'
>;

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  locale: Locale;
  skuId: number;
  /** The product, as the quantity's − and + buttons name it ("One more: Trail 42"). */
  itemName: string;
  stores: ReserveStoreOption[];
  defaultStoreId: number | null;
  maxUnitsPerSku: number;
  idempotencyKey: string;
  t: ReserveFormTexts;
  /** Shops listed by name (no store chosen): a link to choose one, for the nearest first. */
  nearestFirstLink: string | null;
};

/** Shop, quantity, confirm. The server decides; this only keeps the choice within what the shop holds. */
export function ReserveForm({ action, locale, skuId, itemName, stores, defaultStoreId, maxUnitsPerSku, idempotencyKey, t, nearestFirstLink }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [storeId, setStoreId] = useState(defaultStoreId ?? stores[0]?.storeId ?? 0);
  const [quantity, setQuantity] = useState('1');
  // One key per mounted form (a double-click or a resubmission replays the same reservation, a page
  // brought back by the Back button does not), kept through a lost answer for this SKU.
  const { key, onSubmit } = usePendingKey(reserveScope(skuId), idempotencyKey, state);

  const store = stores.find((s) => s.storeId === storeId) ?? stores[0];
  if (!store) return null;
  const max = Math.max(1, Math.min(maxUnitsPerSku, store.available));
  const n = Math.trunc(Number(quantity)) || 1;
  const step = (delta: number) => setQuantity(String(Math.min(max, Math.max(1, n + delta))));
  const quantityError = state.fieldErrors?.quantity;
  const storeError = state.fieldErrors?.storeId;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <div>
        <label htmlFor="reserve-store" className="label">
          {t.store}
        </label>
        <select
          id="reserve-store"
          name="storeId"
          value={store.storeId}
          onChange={(e) => {
            const next = stores.find((s) => s.storeId === Number(e.target.value));
            setStoreId(Number(e.target.value));
            if (next && n > next.available) setQuantity(String(Math.max(1, Math.min(maxUnitsPerSku, next.available))));
          }}
          aria-invalid={storeError ? true : undefined}
          aria-describedby="reserve-store-hint"
          className={`input ${storeError ? 'border-out' : ''}`}
        >
          {stores.map((s) => (
            <option key={s.storeId} value={s.storeId}>
              {s.distanceKm === null
                ? interpolate(t.storeOption, { name: s.name, available: s.available })
                : interpolate(t.storeOptionDistance, { name: s.name, available: s.available, distance: formatDistance(s.distanceKm, locale) })}
            </option>
          ))}
        </select>
        <p id="reserve-store-hint" className="mt-1 text-sm text-muted" data-testid="reserve-store-hint" data-available={store.available}>
          {formatMessage(t.availableHere, { count: store.available }, locale)} · {interpolate(t.heldFor, { hours: store.holdHours })}
        </p>
        {nearestFirstLink && (
          <IntentLink href="/stores" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
            {nearestFirstLink}
          </IntentLink>
        )}
      </div>
      <div>
        <div className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3">
          <label htmlFor="reserve-quantity" className="text-sm font-medium text-ink">
            {t.quantity}
          </label>
          <p id="reserve-quantity-hint" className="text-sm text-muted">
            {interpolate(t.quantityHint, { max })}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <div className="flex items-center gap-1">
            <button
              type="button"
              onClick={() => step(-1)}
              disabled={n <= 1}
              aria-label={interpolate(t.decrease, { name: itemName })}
              aria-controls="reserve-quantity"
              className="btn-secondary w-11 px-0 text-lg"
            >
              −
            </button>
            <input
              id="reserve-quantity"
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              step={1}
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
              aria-invalid={quantityError ? true : undefined}
              aria-describedby="reserve-quantity-hint reserve-message"
              className={`input w-16 px-1 text-center tabular-nums ${quantityError ? 'border-out' : ''}`}
            />
            <button
              type="button"
              onClick={() => step(1)}
              disabled={n >= max}
              aria-label={interpolate(t.increase, { name: itemName })}
              aria-controls="reserve-quantity"
              className="btn-secondary w-11 px-0 text-lg"
            >
              +
            </button>
          </div>
          <button type="submit" disabled={pending} className="btn-primary min-w-40 flex-1">
            {pending ? t.pending : t.confirm}
          </button>
        </div>
        {/* Inside this block, so the always-present live region adds no gap while it is empty. */}
        <div id="reserve-message" className="[&_[data-testid=form-message]]:mt-3">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      </div>
    </form>
  );
}
