'use client';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { usePendingKey } from '@/components/forms/use-pending-key';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatMessage, formatPrice } from '@/lib/i18n/format';
import type { ReturnableLine } from '@/lib/returns/queries';
import { DeskChooser, type DeskSearch } from './desk-chooser';
import { DropOffPicker } from './drop-off-picker';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import { returnScope } from './form-state';
import { QuantityReasonFields } from './quantity-reason-fields';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  orderNumber: string;
  lines: (ReturnableLine & { variant: string })[];
  paidAtPickup: boolean;
  desks: DeskSearch;
  myStoreId: number | null;
  /** Drawn once per page view (a double submit books once); a lost answer's key is kept instead. */
  idempotencyKey: string;
  locale: Locale;
  t: Dictionary['returns'];
  storesT: Dictionary['stores'];
};

const step = 'card space-y-3 p-4 sm:p-5';

/** The booking: items and reasons, a shop with a returns desk, a drop-off time, the refund; then one server action. */
export function ReturnBookingForm({ action, orderNumber, lines, paidAtPickup, desks, myStoreId, idempotencyKey, locale, t, storesT }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [storeId, setStoreId] = useState<number | null>(desks.desks[0]?.id ?? null);
  const [window, setWindow] = useState<string | null>(null);
  const { key, onSubmit } = usePendingKey(returnScope(orderNumber), idempotencyKey, state);
  const errors = state.fieldErrors ?? {};
  const chooseStore = (id: number) => {
    setStoreId(id);
    setWindow(null);
  };

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" data-testid="return-booking-form">
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <input type="hidden" name="idempotencyKey" value={key} />

      <section aria-labelledby="return-items" className={step}>
        <h2 id="return-items" className="text-base font-bold">
          {t.stepItems}
        </h2>
        <ul className="divide-y divide-line">
          {lines.map((l) => {
            const qtyError = errors[`qty_${l.orderLineId}`];
            const reasonError = errors[`reason_${l.orderLineId}`];
            return (
              <li key={l.orderLineId} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start" data-testid="return-line">
                <div className="flex min-w-0 flex-1 gap-3">
                  <div className="size-14 shrink-0 overflow-hidden rounded-lg bg-brand-50">
                    {l.image && (
                      // eslint-disable-next-line @next/next/no-img-element -- local SVG illustrations: next/image adds nothing for vector files
                      <img src={l.image} alt="" className="size-full object-cover" loading="lazy" />
                    )}
                  </div>
                  <div className="min-w-0">
                    <p className="font-semibold">{l.productName}</p>
                    {l.variant && <p className="text-sm text-muted">{l.variant}</p>}
                    <p className="text-sm text-muted">
                      {formatPrice(l.unitPriceCents, locale)} ·{' '}
                      {l.returnable > 0 ? formatMessage(t.returnableOf, { returnable: l.returnable, bought: l.bought }, locale) : t.fullyReturned}
                    </p>
                  </div>
                </div>
                {l.returnable > 0 && (
                  <QuantityReasonFields
                    orderLineId={l.orderLineId}
                    productName={l.productName}
                    returnable={l.returnable}
                    t={t}
                    qtyError={qtyError}
                    reasonError={reasonError}
                    className="sm:w-96"
                  />
                )}
              </li>
            );
          })}
        </ul>
        {(errors.lines || errors.quantity) && <p className="field-error">{errors.lines ?? errors.quantity}</p>}
      </section>

      <section aria-labelledby="return-shop" className={step}>
        <h2 id="return-shop" className="text-base font-bold">
          {t.stepShop}
        </h2>
        <DeskChooser
          initial={desks}
          value={storeId}
          onChange={chooseStore}
          myStoreId={myStoreId}
          error={errors.storeId}
          locale={locale}
          t={t}
          storesT={storesT}
        />
      </section>

      <section aria-labelledby="return-window" className={step}>
        <h2 id="return-window" className="text-base font-bold">
          {t.stepWindow}
        </h2>
        {storeId === null ? (
          <p className="text-sm text-muted">{t.chooseShopFirst}</p>
        ) : (
          <DropOffPicker key={storeId} storeId={storeId} value={window} onChange={setWindow} locale={locale} t={t} error={errors.windowStartsAt} />
        )}
      </section>

      <fieldset className={step}>
        <legend className="float-left mb-1 text-base font-bold">{t.stepRefund}</legend>
        <div className="clear-both space-y-2">
          {(['original', 'store_credit'] as const).map((r) => (
            <label
              key={r}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line px-3 py-2 has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input type="radio" name="refund" value={r} defaultChecked={r === 'original'} className="size-4 accent-brand-600" />
              <span>{r === 'store_credit' ? t.refund_store_credit : paidAtPickup ? t.refund_desk : t.refund_card}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
        {pending ? t.booking : t.confirm}
      </button>
    </form>
  );
}
