'use client';
import { useActionState, useRef, useState } from 'react';
import { FormMessage } from '@/components/account/form-message';
import type { FulfilmentMode } from '@/lib/cart/types';
import { initialActionState, type ActionState } from '@/lib/actions/state';

export type DriveStoreChoice = { storeId: number; label: string };

export type FulfilmentTexts = {
  fulfilmentTitle: string;
  delivery: string;
  deliveryHint: string;
  drive: string;
  driveHint: string;
  driveStore: string;
  chooseStore: string;
  saveChoice: string;
};

type Props = {
  mode: FulfilmentMode;
  /** The drive store shown selected (the cart's, else my store when it has drive), or null. */
  storeId: number | null;
  stores: DriveStoreChoice[];
  t: FulfilmentTexts;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

const option = 'flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50';

/** Home delivery or drive pickup, and which drive store: saved as soon as it changes. */
export function FulfilmentForm({ mode: savedMode, storeId, stores, t, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [mode, setMode] = useState(savedMode);
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <form ref={form} action={formAction} className="space-y-3 card p-4" aria-busy={pending} data-testid="fulfilment-form">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-base font-bold">{t.fulfilmentTitle}</legend>
        <label className={option}>
          <input
            type="radio"
            name="mode"
            value="delivery"
            checked={mode === 'delivery'}
            onChange={() => {
              setMode('delivery');
              submit();
            }}
            className="mt-1 size-4 accent-brand-600"
            data-testid="mode-delivery"
          />
          <span>
            <span className="block font-semibold">{t.delivery}</span>
            <span className="block text-sm text-muted">{t.deliveryHint}</span>
          </span>
        </label>
        <label className={option}>
          <input
            type="radio"
            name="mode"
            value="drive"
            checked={mode === 'drive'}
            onChange={() => {
              setMode('drive');
              submit();
            }}
            className="mt-1 size-4 accent-brand-600"
            data-testid="mode-drive"
          />
          <span>
            <span className="block font-semibold">{t.drive}</span>
            <span className="block text-sm text-muted">{t.driveHint}</span>
          </span>
        </label>
      </fieldset>
      {mode === 'drive' ? (
        <div>
          <label htmlFor="drive-store" className="label">
            {t.driveStore}
          </label>
          <select id="drive-store" name="storeId" defaultValue={storeId ?? ''} onChange={submit} className="input" data-testid="drive-store">
            {storeId === null && <option value="">{t.chooseStore}</option>}
            {stores.map((s) => (
              <option key={s.storeId} value={s.storeId}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="storeId" value={storeId ?? ''} />
      )}
      {/* Without JavaScript, nothing submits on change: this button does. */}
      <noscript>
        <button type="submit" className="btn-secondary">
          {t.saveChoice}
        </button>
      </noscript>
      <div className="[&_[data-testid=form-message]]:mt-1">{!state.ok && <FormMessage ok={false} message={state.message} />}</div>
    </form>
  );
}
