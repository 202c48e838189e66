'use client';
import { useState } from 'react';
import type { CardField } from '@/lib/payments/card-schema';
import type { PaymentTexts } from '@/lib/payments/messages';
import { CardFields } from './card-fields';

export type DrivePaymentTexts = {
  payment: string;
  payAtPickup: string;
  payAtPickupChoice: string;
  payNowCard: string;
  payNowHint: string;
  substitutesTitle: string;
  substitutesWelcome: string;
  substitutesHint: string;
};

type Props = {
  t: DrivePaymentTexts;
  payments: PaymentTexts;
  testMode: boolean;
  errors?: Partial<Record<CardField, string>>;
  /** What the form was sent with, kept after a refusal. */
  values?: { payment?: string; substitutesWelcome?: string };
};

/**
 * A drive checkout's payment — at pickup, or a card now (authorised now, captured at handover for
 * what is handed over) — and the shopper's answer to a substitute nobody answers before handover.
 */
export function DrivePaymentFields({ t, payments, testMode, errors = {}, values = {} }: Props) {
  const [choice, setChoice] = useState(values.payment === 'card' || Object.keys(errors).length > 0 ? 'card' : 'at_pickup');
  const radio = (value: 'at_pickup' | 'card', label: string, hint: string) => (
    <label
      className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border p-3 ${choice === value ? 'border-brand-500 bg-brand-50' : 'border-line'}`}
    >
      <input type="radio" name="payment" value={value} checked={choice === value} onChange={() => setChoice(value)} className="mt-1 size-4 accent-brand-600" />
      <span>
        <span className="block font-semibold">{label}</span>
        <span className="block text-sm text-muted">{hint}</span>
      </span>
    </label>
  );
  return (
    <>
      <section aria-labelledby="checkout-payment" className="space-y-3 card p-4" data-testid="checkout-payment">
        <h2 id="checkout-payment" className="text-base font-bold">
          {t.payment}
        </h2>
        <fieldset className="space-y-2">
          <legend className="sr-only">{t.payment}</legend>
          {radio('at_pickup', t.payAtPickupChoice, t.payAtPickup)}
          {radio('card', t.payNowCard, t.payNowHint)}
        </fieldset>
        {choice === 'card' && <CardFields texts={payments} errors={errors} testMode={testMode} />}
      </section>
      <section aria-labelledby="checkout-substitutes" className="card p-4" data-testid="checkout-substitutes">
        <h2 id="checkout-substitutes" className="text-base font-bold">
          {t.substitutesTitle}
        </h2>
        <label className="mt-2 flex min-h-11 cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            name="substitutesWelcome"
            value="1"
            defaultChecked={values.substitutesWelcome !== '0'}
            aria-describedby="substitutes-hint"
            className="mt-1 size-4 accent-brand-600"
          />
          <span className="font-medium">{t.substitutesWelcome}</span>
        </label>
        <p id="substitutes-hint" className="mt-1 text-sm text-muted">
          {t.substitutesHint}
        </p>
      </section>
    </>
  );
}
