'use client';
import { useActionState, useState } from 'react';
import { CardFields } from '@/components/checkout/card-fields';
import { FormMessage } from '@/components/account/form-message';
import { SubmitButton } from '@/components/account/submit-button';
import { TextField } from '@/components/account/text-field';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import type { CardField } from '@/lib/payments/card-schema';
import type { PaymentTexts } from '@/lib/payments/messages';

export type GiftCardBuyState = ActionState<{ code: string }>;
export type GiftCardBalanceState = ActionState;

type BuyLabels = { amount: string; amountHint: string; buy: string; pending: string; payment: string };

/** Buying a gift card: its value, the card that pays it; the code is shown as soon as it is bought. */
export function BuyGiftCardForm({
  action,
  idempotencyKey,
  labels,
  payments,
  testMode,
}: {
  action: (prev: GiftCardBuyState, formData: FormData) => Promise<GiftCardBuyState>;
  idempotencyKey: string;
  labels: BuyLabels;
  payments: PaymentTexts;
  testMode: boolean;
}) {
  const [state, formAction] = useActionState<GiftCardBuyState, FormData>(action, initialActionState);
  // A new key once a card is bought (the next purchase is a new card); a retry before that keeps it (the same card).
  const [keys, setKeys] = useState({ code: '', key: idempotencyKey });
  if (state.ok && state.code && state.code !== keys.code) setKeys({ code: state.code, key: crypto.randomUUID() });
  const key = keys.key;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate data-testid="buy-gift-card">
      <input type="hidden" name="idempotencyKey" value={key} />
      <TextField name="amount" label={labels.amount} autoComplete="off" defaultValue="50" hint={labels.amountHint} error={errors.amount} />
      <fieldset className="space-y-3">
        <legend className="text-base font-bold">{labels.payment}</legend>
        <CardFields texts={payments} errors={errors as Partial<Record<CardField, string>>} testMode={testMode} />
      </fieldset>
      <FormMessage ok={state.ok} message={state.message} />
      {state.ok && state.code && (
        <p
          className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-3 text-center font-mono text-lg font-bold tracking-wide break-all"
          data-testid="gift-card-code"
        >
          {state.code}
        </p>
      )}
      <SubmitButton label={labels.buy} pendingLabel={labels.pending} className="btn-primary min-h-12 w-full sm:w-auto" />
    </form>
  );
}

/** A gift card's balance from its code. */
export function GiftCardBalanceForm({
  action,
  labels,
}: {
  action: (prev: GiftCardBalanceState, formData: FormData) => Promise<GiftCardBalanceState>;
  labels: { code: string; hint: string; check: string; pending: string };
}) {
  const [state, formAction] = useActionState<GiftCardBalanceState, FormData>(action, initialActionState);
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid="gift-card-balance">
      <TextField name="code" label={labels.code} autoComplete="off" hint={labels.hint} error={state.fieldErrors?.code} />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton label={labels.check} pendingLabel={labels.pending} className="btn-secondary w-full sm:w-auto" />
    </form>
  );
}
