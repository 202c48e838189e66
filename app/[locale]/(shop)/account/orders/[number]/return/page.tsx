import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import type { DeskSearch } from '@/components/returns/desk-chooser';
import { ResumePending } from '@/components/forms/resume-pending';
import { returnScope } from '@/components/returns/form-state';
import { initialActionState } from '@/lib/actions/state';
import { ReturnBookingForm } from '@/components/returns/return-booking-form';
import { variantOf } from '@/components/reservations/reservation-lines';
import { requireUser } from '@/lib/auth/guards';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { formatDate, interpolate } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getCustomerOrder, type Order } from '@/lib/orders/queries';
import { returnsConfig } from '@/lib/returns/config';
import { mayStartReturn } from '@/lib/returns/permissions';
import { getReturnableOrder, listReturnDesksNear, type ReturnableOrder } from '@/lib/returns/queries';
import { getMyStoreId } from '@/lib/stores/my-store';
import { resolvePlace } from '@/lib/stores/places';
import { getStoreById } from '@/lib/stores/queries';
import { bookReturnAction } from './book-return-action';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, { number }] = await Promise.all([getI18n(), params]);
  return { title: interpolate(t.returns.bookTitle, { number: number.slice(0, 20) }), robots: { index: false } };
}

/** Middle of mainland France: the last resort when neither my store nor the order says where the shopper is. */
const FRANCE = { lat: 46.6, lng: 2.4 };

/** Where "nearest" starts from: my store, else the order's delivery address or drive store. */
async function startingPoint(
  order: Order,
  myStoreId: number | null,
  t: Dictionary['returns'],
): Promise<{ heading: string; origin: { lat: number; lng: number } | null }> {
  const mine = myStoreId !== null ? await getStoreById(myStoreId) : null;
  if (mine) return { heading: t.desksNearMyStore, origin: { lat: mine.lat, lng: mine.lng } };
  const place = order.delivery ? await resolvePlace(order.delivery.postcode) : null;
  if (place) return { heading: t.desksNearOrder, origin: { lat: place.lat, lng: place.lng } };
  const store = order.mode === 'drive' ? await getStoreById(order.location.id) : null;
  if (store) return { heading: t.desksNearOrder, origin: { lat: store.lat, lng: store.lng } };
  return { heading: t.deskList, origin: null };
}

function closedReason(order: ReturnableOrder, t: Dictionary['returns'], locale: 'fr' | 'en'): string {
  if (!order.deadline) return t.order_not_returnable;
  const date = formatDate(new Date(order.deadline), locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return interpolate(t.return_period_over, { days: returnsConfig().windowDays, date });
}

/**
 * Booking a return of one of the shopper's orders. proxy.ts answered 404 already for an order
 * that is not theirs; the checks here (and the action's) are the ones that protect the data.
 */
export default async function BookReturnPage({ params }: Props) {
  const { number } = await params;
  const user = await requireUser(`/account/orders/${encodeURIComponent(number)}/return`);
  const { locale, t } = await getI18n();
  const [order, returnable, myStoreId] = await Promise.all([
    getCustomerOrder(number, user.id, locale),
    getReturnableOrder(number, user.id, locale),
    getMyStoreId(),
  ]);
  if (!order || !returnable) notFound();
  const tr = t.returns;
  const canReturn = mayStartReturn(returnable);

  let desks: DeskSearch | null = null;
  if (canReturn) {
    const start = await startingPoint(order, myStoreId, tr);
    const from = start.origin ?? FRANCE;
    desks = { heading: start.heading, origin: start.origin, desks: await listReturnDesksNear(from.lat, from.lng, 20) };
  }

  return (
    <div className="mx-auto w-full max-w-4xl">
      <nav aria-label={t.orders.listTitle}>
        <Link href={`/account/orders/${order.number}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {interpolate(tr.backToOrder, { number: order.number })}
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">{interpolate(tr.bookTitle, { number: order.number })}</h1>
      {/* A booking sent from this tab whose answer was lost (even of the last item): asked again by its key. */}
      <ResumePending scope={returnScope(order.number)} action={bookReturnAction} initial={initialActionState} text={t.common.resumePending} />
      {desks ? (
        <>
          <p className="mt-1 mb-4 text-sm text-muted">{tr.bookIntro}</p>
          <ReturnBookingForm
            action={bookReturnAction}
            orderNumber={order.number}
            lines={returnable.lines.map((l) => ({ ...l, variant: variantOf(l, locale, t) }))}
            paidAtPickup={returnable.paidAtPickup}
            desks={desks}
            myStoreId={myStoreId}
            idempotencyKey={randomUUID()}
            locale={locale}
            t={tr}
            storesT={t.stores}
          />
        </>
      ) : (
        <section className="mt-4 space-y-2 card p-5" role="status" data-testid="return-closed">
          <h2 className="font-bold">{tr.notReturnableTitle}</h2>
          <p className="text-sm">{returnable.open ? tr.return_quantity_none : closedReason(returnable, tr, locale)}</p>
        </section>
      )}
    </div>
  );
}
