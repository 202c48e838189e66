'use client';
import { useActionState, useState, type ReactNode } from 'react';
import { FormMessage } from '@/components/account/form-message';
import { usePendingKey } from '@/components/forms/use-pending-key';
import type { DriveSlotsView } from '@/lib/drive/types';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import type { CardField } from '@/lib/payments/card-schema';
import type { PaymentTexts } from '@/lib/payments/messages';
import { formatPrice, interpolate } from '@/lib/i18n/format';
import { AddressChooser, type AddressTexts } from './address-fields';
import { CardFields } from './card-fields';
import { DrivePaymentFields, type DrivePaymentTexts } from './drive-payment-fields';
import { DriveSlotField } from './drive-slot-field';
import { initialActionState } from '@/lib/actions/state';
import { CHECKOUT_SCOPE, type CheckoutState, type HoldResult, type SavedAddressOption } from './form-state';
import { OrderSummary, type OrderSummaryProps } from './order-summary';
import { PointsField, type PointsOffer, type PointsTexts } from './points-field';
import { WalletField, type WalletOffer, type WalletTexts } from './wallet-field';

export type CheckoutTexts = AddressTexts & PointsTexts & { payment: string; payAtPickup: string; chargedWhenShipped: string; placing: string; failed: string };

type Common = {
  action: (prev: CheckoutState, formData: FormData) => Promise<CheckoutState>;
  idempotencyKey: string;
  /** "Place order", or "Pay {amount}" filled with the total after any points discount. */
  submitLabel: string;
  /** Where the order goes (drive store) or how it travels; rendered by the server. */
  intro: ReactNode;
  /** The summary before points; the form adds the discount the shopper picks. */
  summary: Omit<OrderSummaryProps, 'pointsRedeemed' | 'discountCents'>;
  /** The shopper's loyalty points this order can take (null: not a member, or nothing to spend). */
  points: PointsOffer | null;
  /** The shopper's wallet (store credit, own gift cards); a gift card's code may be typed whatever it holds. */
  wallet: WalletOffer;
  walletTexts: WalletTexts;
  locale: Locale;
  t: CheckoutTexts;
};

type Props = Common &
  (
    | {
        mode: 'drive';
        storeId: number;
        slots: DriveSlotsView;
        hold: (slotId: number) => Promise<HoldResult>;
        driveTexts: Dictionary['drive'];
        drivePayment: DrivePaymentTexts;
        payments: PaymentTexts;
        testMode: boolean;
      }
    | { mode: 'delivery'; payments: PaymentTexts; testMode: boolean; saved: SavedAddressOption[] }
  );

/**
 * The checkout: phone first (where, when or to whom, payment, then the summary and the button),
 * two columns on a desktop with the summary and the button kept in view.
 */
export function CheckoutForm(props: Props) {
  const { action, idempotencyKey, submitLabel, intro, summary, locale, t } = props;
  const [state, formAction, pending] = useActionState<CheckoutState, FormData>(action, initialActionState);
  // One key per mounted form (a double-click replays the same order, a page brought back by the
  // Back button does not), kept through a lost answer: the retried page sends the same key.
  const { key, onSubmit } = usePendingKey(CHECKOUT_SCOPE, idempotencyKey, state);
  const errors = state.fieldErrors ?? {};
  const cardErrors = errors as Partial<Record<CardField, string>>;
  const [points, setPoints] = useState(0);
  const discountCents = props.points ? (points / props.points.stepPoints) * props.points.stepCents : 0;
  const totalCents = props.summary.totalCents - discountCents;
  // The store credit's part as the server will take it (after a gift card, which only the server knows the balance of).
  const [useCredit, setUseCredit] = useState(false);
  const [giftCard, setGiftCard] = useState(false);
  const dueCents = useCredit ? Math.max(0, totalCents - props.wallet.storeCreditCents) : totalCents;
  const label = giftCard || dueCents === 0 ? props.walletTexts.placeOrder : interpolate(submitLabel, { amount: formatPrice(dueCents, locale) });

  // Points, then the wallet, then the card for the rest (lib/wallet/pay.ts): asked in that order.
  const discounts = (
    <>
      {props.points && <PointsField offer={props.points} value={points} onChange={setPoints} error={errors.points} locale={locale} t={t} />}
      <WalletField offer={props.wallet} errors={errors} onStoreCredit={setUseCredit} onGiftCard={setGiftCard} locale={locale} t={props.walletTexts} />
    </>
  );

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      aria-busy={pending}
      className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start"
      data-testid="checkout-form"
    >
      <input type="hidden" name="idempotencyKey" value={key} />
      {/* The prices this page shows: the order is refused, naming the new ones, if they moved since. */}
      <input type="hidden" name="shownPrices" value={summary.lines.map((l) => `${l.skuId}:${l.unitPriceCents}`).join(',')} />
      <div className="min-w-0 space-y-4">
        {intro}
        {props.mode === 'drive' ? (
          <>
            <DriveSlotField
              storeId={props.storeId}
              initial={props.slots}
              hold={props.hold}
              error={errors.slot}
              refused={state.slotRefused}
              failed={t.failed}
              locale={locale}
              t={props.driveTexts}
            />
            {discounts}
            <DrivePaymentFields t={props.drivePayment} payments={props.payments} testMode={props.testMode} errors={cardErrors} values={state.values} />
          </>
        ) : (
          <>
            <AddressChooser t={t} values={state.values ?? {}} errors={errors} saved={props.saved} savedError={errors.savedAddress} />
            {discounts}
            <section aria-labelledby="checkout-payment" className="space-y-3 card p-4" data-testid="checkout-payment">
              <div>
                <h2 id="checkout-payment" className="text-base font-bold">
                  {t.payment}
                </h2>
                <p className="mt-1 text-sm text-muted">{t.chargedWhenShipped}</p>
              </div>
              <CardFields texts={props.payments} errors={cardErrors} testMode={props.testMode} />
            </section>
          </>
        )}
      </div>
      <div className="space-y-4 lg:sticky lg:top-4">
        <OrderSummary {...summary} pointsRedeemed={points} discountCents={discountCents} totalCents={totalCents} />
        <div className="space-y-3">
          <button type="submit" disabled={pending} className="btn-primary min-h-12 w-full text-base" data-testid="place-order">
            {pending ? t.placing : label}
          </button>
          <div id="checkout-message" className="[&_[data-testid=form-message]]:mt-0">
            <FormMessage ok={state.ok} message={state.message} />
          </div>
        </div>
      </div>
    </form>
  );
}
