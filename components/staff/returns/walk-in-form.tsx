'use client';
import type { ActionState } from '@/lib/actions/state';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatMessage } from '@/lib/i18n/format';
import type { ReturnableLine } from '@/lib/returns/queries';
import { QuantityReasonFields } from '@/components/returns/quantity-reason-fields';
import { CheckInForm } from './check-in-form';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  storeId: number;
  orderNumber: string;
  idempotencyKey: string;
  lines: ReturnableLine[];
  paidAtPickup: boolean;
  locale: Locale;
  t: Dictionary['returns'];
};

/** A walk-in: for each line of the order, how many come back and why, then the same decision as a booked return. */
export function WalkInForm({ action, storeId, orderNumber, idempotencyKey, lines, paidAtPickup, locale, t }: Props) {
  const open = lines.filter((l) => l.returnable > 0);
  const byId = new Map(open.map((l) => [l.orderLineId, l]));
  return (
    <CheckInForm
      action={action}
      hidden={{ storeId, orderNumber, idempotencyKey }}
      lines={open.map((l) => ({ id: l.orderLineId, productName: l.productName, quantity: l.returnable }))}
      submit={t.walkInSubmit}
      t={t}
      lineExtra={(line) => {
        const l = byId.get(line.id)!;
        return (
          <QuantityReasonFields orderLineId={l.orderLineId} productName={l.productName} returnable={l.returnable} t={t} className="mb-2">
            <p className="col-span-2 text-xs text-muted">{formatMessage(t.returnableOf, { returnable: l.returnable, bought: l.bought }, locale)}</p>
          </QuantityReasonFields>
        );
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t.refundChoice}</legend>
        {(['original', 'store_credit'] as const).map((r) => (
          <label
            key={r}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line px-3 py-2 has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input type="radio" name="refund" value={r} defaultChecked={r === 'original'} className="size-4 accent-brand-600" />
            <span>{r === 'store_credit' ? t.refund_store_credit : paidAtPickup ? t.refund_desk : t.refund_card}</span>
          </label>
        ))}
      </fieldset>
    </CheckInForm>
  );
}
