import { getWallet } from '@/lib/wallet/queries';
import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import type { ReactNode } from 'react';
import type { DrivePaymentTexts } from '@/components/checkout/drive-payment-fields';
import { CheckoutForm, type CheckoutTexts } from '@/components/checkout/checkout-form';
import { CHECKOUT_SCOPE } from '@/components/checkout/form-state';
import { initialActionState } from '@/lib/actions/state';
import { ResumePending } from '@/components/forms/resume-pending';
import type { OrderSummaryProps, SummaryLine, SummaryTexts } from '@/components/checkout/order-summary';
import type { PointsOffer } from '@/components/checkout/points-field';
import { variantOf } from '@/components/reservations/reservation-lines';
import { requireUser } from '@/lib/auth/guards';
import { refusalCode } from '@/lib/actions/refusals';
import { cartAvailability, getCart } from '@/lib/cart/queries';
import { listSavedAddresses } from '@/lib/customers/addresses';
import type { Cart } from '@/lib/cart/types';
import { listSlots } from '@/lib/drive/queries';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { getI18n } from '@/lib/i18n/server';
import { getLoyaltyRules } from '@/lib/loyalty/config';
import { getLoyaltyCard } from '@/lib/loyalty/queries';
import { maxRedeemablePoints } from '@/lib/orders/pricing';
import { deliveryFeeCents, freeDeliveryFromCents } from '@/lib/orders/config';
import { getPaymentProvider } from '@/lib/payments';
import { getStoreById } from '@/lib/stores/queries';
import { holdSlotAction } from './hold-slot-action';
import { placeOrderAction } from './place-order-action';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.orders.checkoutTitle, robots: { index: false } };
}

function summaryTexts(t: Dictionary['orders']): SummaryTexts {
  const { summary, subtotal, deliveryFee, free, freeFrom, total, lineQty, pointsDiscount } = t;
  return { summary, subtotal, deliveryFee, free, freeFrom, total, qty: lineQty, pointsDiscount };
}

function formTexts(t: Dictionary['orders']): CheckoutTexts {
  const { deliveryAddress, fullName, address, postcode, town, phone, phoneHint, payment, payAtPickup, chargedWhenShipped, placing, failed } = t;
  const { savedAddresses, newAddress } = t;
  const { pointsTitle, pointsBalance, pointsNone, pointsOption, pointsHint, pointsTooFew } = t;
  return {
    ...{ deliveryAddress, fullName, address, postcode, town, phone, phoneHint, payment, payAtPickup, chargedWhenShipped, placing, failed },
    ...{ savedAddresses, newAddress },
    ...{ pointsTitle, pointsBalance, pointsNone, pointsOption, pointsHint, pointsTooFew },
  };
}

function drivePaymentTexts(t: Dictionary['orders']): DrivePaymentTexts {
  const { payment, payAtPickup, payAtPickupChoice, payNowCard, payNowHint, substitutesTitle, substitutesWelcome, substitutesHint } = t;
  return { payment, payAtPickup, payAtPickupChoice, payNowCard, payNowHint, substitutesTitle, substitutesWelcome, substitutesHint };
}

/** A member's points this order can take; null when they are not a member or have none. */
async function pointsOffer(customerId: number, subtotalCents: number, deliveryCents: number): Promise<PointsOffer | null> {
  const card = await getLoyaltyCard(customerId);
  if (!card || card.balance <= 0) return null;
  const { redeemStepPoints: stepPoints, redeemStepCents: stepCents } = getLoyaltyRules();
  return { balance: card.balance, maxPoints: maxRedeemablePoints(card.balance, subtotalCents, deliveryCents), stepPoints, stepCents };
}

type CheckoutSummary = Omit<OrderSummaryProps, 'pointsRedeemed' | 'discountCents'>;

/** Why this cart cannot be checked out as it is, or null. */
async function blocker(cart: Cart, t: Dictionary['orders']): Promise<string | null> {
  if (cart.fulfilment === 'drive' && cart.driveStoreId === null) return t.chooseDriveStore;
  try {
    const availability = await cartAvailability(cart.id, cart.fulfilment, cart.driveStoreId);
    return availability.allAvailable ? null : t.unavailableLines;
  } catch (err) {
    if (refusalCode(err) === 'store_without_drive') return t.driveNotOffered;
    throw err;
  }
}

function Blocked({ text, link, testId }: { text: string; link: { href: string; label: string }; testId: string }) {
  return (
    <div className="card p-6 text-center" data-testid={testId}>
      <p className="font-semibold">{text}</p>
      <Link href={link.href} className="mt-4 btn-primary">
        {link.label}
      </Link>
    </div>
  );
}

/** Checkout: drive (a slot at the cart's drive store, pay at pickup) or home delivery (address and card). */
export default async function CheckoutPage() {
  const user = await requireUser('/checkout');
  const { locale, t } = await getI18n();
  const to = t.orders;
  const cart = await getCart({ customerId: user.id }, locale);
  const title = <h1 className="mb-4 text-2xl font-bold tracking-tight">{to.checkoutTitle}</h1>;
  // An order sent from this tab whose answer was lost: asked again by its key before anything else.
  const resume = (body: ReactNode) => (
    <ResumePending scope={CHECKOUT_SCOPE} action={placeOrderAction} initial={initialActionState} text={t.common.resumePending}>
      {body}
    </ResumePending>
  );
  if (!cart || cart.lines.length === 0) {
    return (
      <div className="mx-auto w-full max-w-xl">
        {title}
        {resume(<Blocked text={to.emptyCart} link={{ href: '/', label: to.browse }} testId="checkout-empty" />)}
      </div>
    );
  }
  const blocked = await blocker(cart, to);
  if (blocked) {
    return (
      <div className="mx-auto w-full max-w-xl">
        {title}
        {resume(<Blocked text={blocked} link={{ href: '/cart', label: to.backToCart }} testId="checkout-blocked" />)}
      </div>
    );
  }

  const lines: SummaryLine[] = cart.lines.map((l) => ({ ...l, name: l.productName, variant: variantOf(l, locale, t) }));
  const delivery = cart.fulfilment === 'delivery' ? deliveryFeeCents(cart.subtotalCents) : null;
  const total = cart.subtotalCents + (delivery ?? 0);
  const summary: CheckoutSummary = {
    lines,
    subtotalCents: cart.subtotalCents,
    deliveryCents: delivery,
    freeFromCents: freeDeliveryFromCents(),
    totalCents: total,
    locale,
    t: summaryTexts(to),
  };
  const points = await pointsOffer(user.id, cart.subtotalCents, delivery ?? 0);
  // Home delivery: the shopper's saved addresses, offered before the fields (the most recent chosen).
  const saved =
    cart.fulfilment === 'delivery'
      ? (await listSavedAddresses(user.id)).map(({ id, name, address, postcode, town, phone }) => ({ id, name, address, postcode, town, phone }))
      : [];
  const { storeCreditCents, giftCards } = await getWallet(user.id, 0);
  const { payWith, useStoreCredit, giftCardCode, giftCardCodeHint, giftCards: giftCardsLabel } = t.wallet;
  const common = {
    action: placeOrderAction,
    idempotencyKey: randomUUID(),
    summary,
    points,
    wallet: { storeCreditCents, giftCards: giftCards.map(({ code, balanceCents }) => ({ code, balanceCents })) },
    walletTexts: { payWith, useStoreCredit, giftCardCode, giftCardCodeHint, giftCards: giftCardsLabel, placeOrder: t.wallet.placeOrder },
    locale,
    t: formTexts(to),
  };
  const changeLink = (
    <Link href="/cart" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
      {to.changeInCart}
    </Link>
  );

  return (
    <div className="mx-auto w-full max-w-5xl">
      {title}
      {resume(
        cart.fulfilment === 'drive' ? (
          <DriveCheckout storeId={cart.driveStoreId!} customerId={user.id} common={common} changeLink={changeLink} t={t} />
        ) : (
          <CheckoutForm
            {...common}
            mode="delivery"
            submitLabel={to.placeOrderPay}
            intro={
              <div className="flex flex-wrap items-center justify-between gap-x-3 rounded-xl border border-brand-100 bg-brand-50 px-4 py-2">
                <p className="font-semibold">{to.checkoutDelivery}</p>
                {changeLink}
              </div>
            }
            payments={t.payments}
            testMode={getPaymentProvider('card').testMode}
            saved={saved}
          />
        ),
      )}
    </div>
  );
}

type DriveProps = {
  storeId: number;
  customerId: number;
  common: Omit<Parameters<typeof CheckoutForm>[0], 'mode' | 'submitLabel' | 'intro' | 'payments' | 'testMode'>;
  changeLink: ReactNode;
  t: Dictionary;
};

async function DriveCheckout({ storeId, customerId, common, changeLink, t }: DriveProps) {
  const [store, slots] = await Promise.all([getStoreById(storeId), listSlots(storeId, { holder: { customerId } })]);
  const intro = (
    <section aria-labelledby="checkout-store" className="card p-4" data-testid="checkout-store">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 id="checkout-store" className="text-xs font-semibold tracking-wide text-muted uppercase">
          {t.orders.checkoutDrive} · {t.orders.pickupAt}
        </h2>
        {changeLink}
      </div>
      <p className="text-lg font-bold">{store?.name}</p>
      {store && (
        <p className="text-sm text-muted">
          {store.address}, {store.postcode} {store.town}
        </p>
      )}
    </section>
  );
  return (
    <CheckoutForm
      {...common}
      mode="drive"
      submitLabel={t.orders.placeOrder}
      intro={intro}
      storeId={storeId}
      slots={slots}
      hold={holdSlotAction}
      drivePayment={drivePaymentTexts(t.orders)}
      payments={t.payments}
      testMode={getPaymentProvider('card').testMode}
      driveTexts={t.drive}
    />
  );
}
