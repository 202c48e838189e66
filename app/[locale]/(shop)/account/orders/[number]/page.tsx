import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { OrderSummary, type SummaryLine } from '@/components/checkout/order-summary';
import { ArrivalForm } from '@/components/my-orders/arrival-form';
import { SubstitutesPanel, hasPickingNews } from '@/components/my-orders/substitutes-panel';
import { LiveOrderRefresh } from '@/components/orders/live-order-refresh';
import { CancelOrderForm } from '@/components/my-orders/cancel-order-form';
import { dayText, slotText } from '@/components/my-orders/format';
import { MoveSlotPanel } from '@/components/my-orders/move-slot-panel';
import { OrderStatusBadge } from '@/components/my-orders/order-status-badge';
import { OrderTimeline } from '@/components/my-orders/order-timeline';
import { variantOf } from '@/components/reservations/reservation-lines';
import { OrderReturns } from '@/components/returns/order-returns';
import { requireUser } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatMessage, formatPrice, formatTime, interpolate } from '@/lib/i18n/format';
import { formatDeadline } from '@/lib/i18n/format-deadline';
import { getI18n } from '@/lib/i18n/server';
import { whatShopperMayDo, type ShopperMay } from '@/lib/orders/permissions';
import { getCustomerOrder, type Order } from '@/lib/orders/queries';
import { mayStartReturn } from '@/lib/returns/permissions';
import { getReturnableOrder, listCustomerReturns } from '@/lib/returns/queries';
import { answerSubstituteAction } from './answer-substitute-action';
import { cancelOrderAction } from './cancel-order-action';
import { markArrivedAction } from './mark-arrived-action';
import { moveSlotAction } from './move-slot-action';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, { number }] = await Promise.all([getI18n(), params]);
  return { title: interpolate(t.orders.orderTitle, { number: number.slice(0, 20) }), robots: { index: false } };
}

const heading = 'text-xs font-semibold tracking-wide text-muted uppercase';

/** The drive side: the store, the slot (changeable until its cut-off), "I'm here" on the day. */
function DrivePanels({ order, may, locale, t }: { order: Order; may: ShopperMay; locale: Locale; t: Dictionary }) {
  const to = t.orders;
  const { slot, location } = order;
  const window = may.arrival;
  const changeable = may.moveSlot && slot !== null;
  const { imHere, imHereIntro, bay, bayHint, updateBay, sending, moveSlot, moveSubmit, keepSlot } = to;
  return (
    <>
      {hasPickingNews(order) && order.status !== 'cancelled' && <SubstitutesPanel order={order} action={answerSubstituteAction} locale={locale} t={t} />}
      {(window || order.arrivedAt) && order.status !== 'collected' && order.status !== 'cancelled' && (
        <section aria-labelledby="order-arrival" className="space-y-3 card border-brand-500 p-5" data-testid="order-arrival">
          <h2 id="order-arrival" className="text-lg font-bold">
            {to.arrivalTitle}
          </h2>
          {order.arrivedAt && (
            <p className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm font-medium text-ok" role="status" data-testid="arrival-sent">
              {interpolate(to.arrivedAt, { time: formatTime(new Date(order.arrivedAt), locale) })}
              {order.arrivalBay && <> · {interpolate(to.arrivedBay, { bay: order.arrivalBay })}</>}
            </p>
          )}
          {window === 'open' ? (
            <ArrivalForm
              action={markArrivedAction}
              orderId={order.id}
              arrived={order.arrivedAt !== null}
              bay={order.arrivalBay}
              t={{ imHere, imHereIntro, bay, bayHint, updateBay, sending }}
            />
          ) : window === 'later' ? (
            <p className="text-sm text-muted">{to.arrivalNotOpen}</p>
          ) : null}
        </section>
      )}
      <section aria-labelledby="order-pickup" className="space-y-3 card p-5" data-testid="order-pickup">
        <div>
          <h2 id="order-pickup" className={heading}>
            {to.pickupAt}
          </h2>
          <p className="mt-1 text-lg font-bold">{location.name}</p>
          {location.address && (
            <p className="text-sm text-muted">
              {location.address}, {location.postcode} {location.town}
            </p>
          )}
        </div>
        {slot && (
          <div>
            <h3 className={heading}>{to.slot}</h3>
            <p className="mt-1 font-semibold" data-testid="order-slot">
              {slotText(slot, locale, t.orders)}
            </p>
            {(may.moveSlot || may.slotPastCutoff) && (
              <p className="text-sm text-muted" data-testid="order-changeable">
                {changeable ? interpolate(to.changeUntil, { date: formatDeadline(new Date(slot.cutoffAt), locale) }) : to.noLongerChangeable}
              </p>
            )}
          </div>
        )}
        {changeable && (
          <MoveSlotPanel
            action={moveSlotAction}
            orderId={order.id}
            storeId={location.id}
            currentSlotId={slot.id}
            locale={locale}
            t={{ moveSlot, moveSubmit, keepSlot, sending }}
            driveTexts={t.drive}
          />
        )}
        {location.slug && (
          <Link href={`/stores/${location.slug}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
            {to.viewStore}
            <span className="sr-only"> ({location.name})</span>
          </Link>
        )}
      </section>
    </>
  );
}

/**
 * The order's lines for its receipt: as ordered, or once a picked drive order is handed over, what
 * was handed over (the units found, and each substitute taken at the price charged).
 */
function summaryLines(order: Order, locale: Locale, t: Dictionary): SummaryLine[] {
  const line = (l: Order['lines'][number]) => ({ ...l, name: l.productName, variant: variantOf(l, locale, t) });
  if (order.status !== 'collected') return order.lines.map(line);
  return order.lines.flatMap((l) => {
    const found = l.pickedQuantity ?? l.quantity;
    const sub = l.substitute;
    return [
      ...(found > 0 ? [{ ...line(l), quantity: found }] : []),
      ...(sub?.answer === 'accepted'
        ? [
            {
              skuId: sub.skuId,
              name: sub.productName,
              variant: variantOf(sub, locale, t),
              image: sub.image,
              quantity: sub.quantity,
              unitPriceCents: sub.unitPriceCents,
            },
          ]
        : []),
    ];
  });
}

/**
 * One of the shopper's orders. proxy.ts already answered 404 for a number that is not theirs,
 * before streaming; the check here is the one that protects the data.
 */
export default async function OrderPage({ params }: Props) {
  const { number } = await params;
  const user = await requireUser(`/account/orders/${encodeURIComponent(number)}`);
  const { locale, t } = await getI18n();
  const order = await getCustomerOrder(number, user.id, locale);
  if (!order) notFound();
  const completed = ['delivered', 'collected'].includes(order.status);
  const [returns, returnable] = completed
    ? await Promise.all([listCustomerReturns(user.id, locale, { orderId: order.id }), getReturnableOrder(order.number, user.id, locale)])
    : [[], null];
  const canReturn = returnable !== null && mayStartReturn(returnable);
  const to = t.orders;
  // The rules the commands apply (lib/orders/permissions.ts), at the request's time.
  const may = whatShopperMayDo(order, new Date());
  // An open drive order follows the drive live (picked, a substitute proposed, ready, handed over).
  const live = order.mode === 'drive' && ['placed', 'preparing', 'ready'].includes(order.status);
  const { delivery } = order;

  return (
    <div className="mx-auto w-full max-w-4xl">
      {live && <LiveOrderRefresh stream={`/api/account/orders/${order.number}/stream`} orderId={order.id} />}
      <nav aria-label={to.listTitle}>
        <Link href="/account/orders" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {to.backToList}
        </Link>
      </nav>
      <header className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{interpolate(to.orderTitle, { number: order.number })}</h1>
        <OrderStatusBadge status={order.status} t={to} />
      </header>
      <p className="mt-1 text-sm text-muted">
        {interpolate(to.placedOn, { date: dayText(order.placedAt, locale) })} · {order.mode === 'drive' ? to.checkoutDrive : to.checkoutDelivery}
      </p>

      <div className="mt-5 grid gap-5 md:grid-cols-2 md:items-start">
        <div className="min-w-0 space-y-5">
          {order.mode === 'drive' ? (
            <DrivePanels order={order} may={may} locale={locale} t={t} />
          ) : (
            delivery && (
              <section aria-labelledby="order-delivery" className="card p-5" data-testid="order-delivery">
                <h2 id="order-delivery" className={heading}>
                  {to.deliverTo}
                </h2>
                <p className="mt-1 font-semibold">{delivery.name}</p>
                <p className="text-sm text-muted">
                  {delivery.address}, {delivery.postcode} {delivery.town}
                  {delivery.phone && <> · {delivery.phone}</>}
                </p>
              </section>
            )
          )}
          <section aria-labelledby="order-payment" className="card p-5" data-testid="order-payment">
            <h2 id="order-payment" className={heading}>
              {to.paymentLabel}
            </h2>
            <p className="mt-1 font-semibold" data-testid="payment-status">
              {order.paidInStore ? interpolate(to.paidInStore, { store: order.paidInStore }) : to[`payment_${order.paymentStatus}`]}
            </p>
            {order.walletCents > 0 && (
              <p className="text-sm text-muted" data-testid="order-paid-from-wallet">
                {interpolate(t.wallet.paidFromWallet, { amount: formatPrice(order.walletCents, locale) })}
              </p>
            )}
            {order.cardLast4 && <p className="text-sm text-muted">{interpolate(to.paidBy, { last4: order.cardLast4 })}</p>}
          </section>
          <CancelOrderForm
            action={cancelOrderAction}
            orderId={order.id}
            allowed={may.cancel}
            labels={{ cancel: to.cancel, cancelConfirm: to.cancelConfirm, cancelSubmit: to.cancelSubmit, keep: to.keep, pending: to.cancelPending }}
          />
        </div>

        <div className="min-w-0 space-y-5">
          <OrderSummary
            lines={summaryLines(order, locale, t)}
            subtotalCents={order.subtotalCents}
            deliveryCents={order.mode === 'delivery' ? order.deliveryCents : null}
            pointsRedeemed={order.pointsRedeemed}
            discountCents={order.discountCents}
            totalCents={order.totalCents}
            locale={locale}
            t={{
              summary: to.items,
              subtotal: to.subtotal,
              deliveryFee: to.deliveryFee,
              free: to.free,
              freeFrom: to.freeFrom,
              total: to.total,
              qty: to.lineQty,
              pointsDiscount: to.pointsDiscount,
            }}
          />
          {order.pointsEarned > 0 && (
            <p className="card px-4 py-3 text-sm font-semibold text-ok" data-testid="order-points-earned">
              {formatMessage(to.pointsEarned, { points: order.pointsEarned }, locale)}
            </p>
          )}
          {canReturn && (
            <section className="space-y-2 card p-5" data-testid="order-return-cta">
              <Link href={`/account/orders/${order.number}/return`} className="btn-primary w-full sm:w-auto">
                {t.returns.returnCta}
              </Link>
              <p className="text-sm text-muted">{interpolate(t.returns.returnCtaHint, { date: dayText(returnable.deadline!, locale) })}</p>
            </section>
          )}
          <OrderReturns returns={returns} locale={locale} t={t.returns} />
          <section aria-labelledby="order-history-title" className="card p-5">
            <h2 id="order-history-title" className="mb-3 text-base font-bold">
              {to.history}
            </h2>
            <OrderTimeline events={order.events} locale={locale} t={to} />
          </section>
        </div>
      </div>
    </div>
  );
}
